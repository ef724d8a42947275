package org.bluehelm.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bluehelm.indicator.SmallCells;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates progress reports of a programme, a mission or a country (on request or on the
 * subject's schedule), keeps each subject's last reports and serves them to users whose scope
 * covers the subject.
 */
@Service
public class ReportService {

    /** The most reports listed at once. */
    public static final int MAX_LISTED = 200;

    private final ReportBuilder builder;
    private final ReportRenderer renderer;
    private final ReportStore store;
    private final ReportSubjects subjects;
    private final int defaultKeep;
    private final Clock clock;

    ReportService(
            ReportBuilder builder,
            ReportRenderer renderer,
            ReportStore store,
            ReportSubjects subjects,
            @Value("${bluehelm.report.keep-last:20}") int defaultKeep,
            ObjectProvider<Clock> clock) {
        this.builder = builder;
        this.renderer = renderer;
        this.store = store;
        this.subjects = subjects;
        this.defaultKeep = defaultKeep;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * What to generate: a subject (exactly one of a programme, a mission or a country's ISO code), a
     * period (2025, 2025Q3 or 202507, say) and a language.
     */
    public record GenerateReport(
            @Nullable Long programmeId,
            @Nullable Long missionId,
            @Nullable String countryCode,
            @Nullable String period,
            @Nullable String language) {

        /** A programme's report. */
        public GenerateReport(@Nullable Long programmeId, @Nullable String period, @Nullable String language) {
            this(programmeId, null, null, period, language);
        }
    }

    /** The report's content without storing it (for the screen preview and the benchmark). */
    @Transactional(readOnly = true)
    public ProgressReport content(GenerateReport command) {
        Checked c = check(command);
        return builder.build(c.subject(), c.period(), c.language());
    }

    /** Renders a report's content as its HTML document. */
    public String html(ProgressReport report) {
        return renderer.html(report);
    }

    /** Turns a report's HTML document into its PDF. */
    public byte[] pdf(String html) {
        return renderer.pdf(html);
    }

    /**
     * Generates and stores a report, then deletes the subject's oldest reports beyond those to keep
     * (its schedule's number, else {@code bluehelm.report.keep-last}).
     *
     * @throws InvalidInputException naming {@code programmeId}, {@code period} or {@code language}
     * @throws NotFoundException when the subject is outside the user's scope
     */
    @Transactional
    public StoredReport generate(GenerateReport command) {
        return generate(check(command), false);
    }

    private StoredReport generate(Checked c, boolean scheduled) {
        // kept for everyone in the subject's scope: small cells suppressed whoever generates it
        ProgressReport report = SmallCells.forAnyReader(() -> builder.build(c.subject(), c.period(), c.language()));
        String html = renderer.html(report);
        byte[] pdf = renderer.pdf(html);
        String title = report.subjectCode() + " · " + report.period() + " · "
                + report.language().toUpperCase(Locale.ROOT);
        long id = store.insert(report, title, scheduled, html, pdf);
        ReportSubject subject = report.subject();
        int keep = store.schedule(subject.kind(), subject.id())
                .map(ReportSchedule::keepLast)
                .orElse(defaultKeep);
        store.keepLast(subject.kind(), subject.id(), keep);
        return store.find(id).orElseThrow();
    }

    /** The reports the user may see, newest first (of one programme when given). */
    @Transactional(readOnly = true)
    public List<StoredReport> list(@Nullable Long programmeId) {
        return programmeId == null ? list(null, null) : list(ReportSubject.Kind.PROGRAMME, String.valueOf(programmeId));
    }

    /** The reports the user may see, newest first (of one subject when given). */
    @Transactional(readOnly = true)
    public List<StoredReport> list(ReportSubject.@Nullable Kind kind, @Nullable String subjectId) {
        return list(null, kind, subjectId, new PageQuery(0, MAX_LISTED, "created_at desc"))
                .items();
    }

    /** API sort keys of {@link #list(String, ReportSubject.Kind, String, PageQuery)}. */
    public static final Map<String, String> SORTS = Map.of(
            "id", "id",
            "createdAt", "created_at",
            "period", "period",
            "title", "title",
            "language", "language");

    /**
     * One page of the reports the user may see, of one subject when given, whose title or period
     * contains {@code search}.
     */
    @Transactional(readOnly = true)
    public PageResponse<StoredReport> list(
            @Nullable String search, ReportSubject.@Nullable Kind kind, @Nullable String subjectId, PageQuery page) {
        return store.list(
                AccessScope.current(),
                search,
                kind,
                subjectId == null ? null : subjectId.strip().toUpperCase(Locale.ROOT),
                page);
    }

    /** A stored report, if the user may see it. */
    @Transactional(readOnly = true)
    public StoredReport get(long id) {
        StoredReport report = store.find(id).orElseThrow(() -> new NotFoundException("report", id));
        AccessScope scope = AccessScope.current();
        boolean visible = report.subjectKind() == ReportSubject.Kind.COUNTRY
                ? scope.global() || scope.countryCodes().contains(report.countryCode())
                : scope.canRead(report.missionId(), report.countryCode());
        if (!visible) {
            throw new NotFoundException("report", id);
        }
        return report;
    }

    /** The stored PDF ({@code pdf}) or HTML of a report the user may see. */
    @Transactional(readOnly = true)
    public byte[] content(long id, boolean pdf) {
        get(id);
        return store.content(id, pdf).orElseThrow(() -> new NotFoundException("report", id));
    }

    /** The subject's schedule, if it has one (the subject must be in the user's scope). */
    @Transactional(readOnly = true)
    public Optional<ReportSchedule> schedule(ReportSubject.Kind kind, String subjectId) {
        ReportSubject subject = subjects.resolve(kind, subjectId);
        return store.schedule(subject.kind(), subject.id());
    }

    /** The programme's schedule, if it has one (the programme must be in the user's scope). */
    @Transactional(readOnly = true)
    public Optional<ReportSchedule> schedule(long programmeId) {
        return schedule(ReportSubject.Kind.PROGRAMME, String.valueOf(programmeId));
    }

    /**
     * Sets the subject's schedule (creating it when it has none) and keeps the subject's last
     * {@code keepLast} reports.
     *
     * @throws InvalidInputException naming {@code frequency}, {@code language} or {@code keepLast}
     */
    @Transactional
    public ReportSchedule setSchedule(
            ReportSubject.Kind kind,
            String subjectId,
            @Nullable String frequency,
            @Nullable String language,
            @Nullable Integer keepLast,
            @Nullable Integer expectedVersion) {
        ReportSubject subject = subjects.resolve(kind, subjectId);
        Validation v = new Validation();
        ReportSchedule.Frequency f = null;
        if (frequency == null || frequency.isBlank()) {
            v.coded("frequency", "is required", "validation.required");
        } else {
            try {
                f = ReportSchedule.Frequency.valueOf(frequency.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.coded("frequency", "must be MONTHLY or QUARTERLY", "report.validation.frequency");
            }
        }
        Locale lang = language(language, v);
        if (keepLast == null || keepLast < 1 || keepLast > 100) {
            v.coded("keepLast", "must be between 1 and 100", "validation.between", 1, 100);
        }
        v.throwIfInvalid();
        store.saveSchedule(
                subject,
                Objects.requireNonNull(f),
                lang.getLanguage(),
                Objects.requireNonNull(keepLast),
                AccessScope.current().username(),
                expectedVersion);
        store.keepLast(subject.kind(), subject.id(), keepLast);
        return store.schedule(subject.kind(), subject.id()).orElseThrow();
    }

    /** Sets the programme's schedule; see {@link #setSchedule(ReportSubject.Kind, String, String, String, Integer, Integer)}. */
    @Transactional
    public ReportSchedule setSchedule(
            long programmeId,
            @Nullable String frequency,
            @Nullable String language,
            @Nullable Integer keepLast,
            @Nullable Integer expectedVersion) {
        return setSchedule(
                ReportSubject.Kind.PROGRAMME,
                String.valueOf(programmeId),
                frequency,
                language,
                keepLast,
                expectedVersion);
    }

    /** Removes the subject's schedule; its reports stay. */
    @Transactional
    public void deleteSchedule(ReportSubject.Kind kind, String subjectId) {
        ReportSubject subject = subjects.resolve(kind, subjectId);
        store.deleteSchedule(subject.kind(), subject.id());
    }

    /**
     * Generates, for each schedule, the report of the latest period that is over on {@code today}
     * (the previous month or quarter) unless it was already generated. Runs as the system.
     *
     * @return how many reports were generated
     */
    @Transactional
    public int runSchedules(LocalDate today) {
        int generated = 0;
        for (ReportSchedule s : store.schedules()) {
            Period period = lastOver(s.frequency(), today);
            if (period.id().equals(s.lastPeriod())) {
                continue;
            }
            ReportSubject subject;
            try {
                subject = subjects.resolve(s.subjectKind(), s.subjectId());
            } catch (NotFoundException e) {
                // its programme, mission or country is gone: nothing to report
                continue;
            }
            generate(new Checked(subject, period, Locale.forLanguageTag(s.language())), true);
            store.generated(s.id(), period.id());
            generated++;
        }
        return generated;
    }

    /** {@link #runSchedules(LocalDate)} for today. */
    public int runSchedules() {
        return runSchedules(LocalDate.now(clock));
    }

    static Period lastOver(ReportSchedule.Frequency frequency, LocalDate today) {
        if (frequency == ReportSchedule.Frequency.MONTHLY) {
            return Period.month(YearMonth.from(today).minusMonths(1));
        }
        LocalDate previous = today.minusMonths(3);
        return Period.quarter(previous.getYear(), (previous.getMonthValue() - 1) / 3 + 1);
    }

    /** The subjects the user may pick on the report form. */
    List<ReportSubjects.Choice> choices() {
        return subjects.choices();
    }

    private record Checked(ReportSubject subject, Period period, Locale language) {}

    private Checked check(GenerateReport command) {
        Validation v = new Validation();
        int given = (command.programmeId() == null ? 0 : 1)
                + (command.missionId() == null ? 0 : 1)
                + (command.countryCode() == null || command.countryCode().isBlank() ? 0 : 1);
        if (given == 0) {
            v.coded("programmeId", "is required (or missionId, or countryCode)", "report.validation.subjectRequired");
        } else if (given > 1) {
            v.coded(
                    "programmeId",
                    "give one of programmeId, missionId and countryCode",
                    "report.validation.oneSubject");
        }
        Period period = null;
        if (command.period() == null || command.period().isBlank()) {
            v.coded("period", "is required", "validation.required");
        } else {
            try {
                period = Period.parse("period", command.period().trim());
                if (!ReportBuilder.reportable(period)) {
                    v.coded("period", "must be a month, a quarter or a year", "report.validation.periodType");
                }
            } catch (InvalidInputException e) {
                v.coded("period", "is not a period: write 2025, 2025Q3 or 202507", "report.validation.period");
            }
        }
        Locale lang = language(command.language(), v);
        v.throwIfInvalid();
        ReportSubject subject;
        if (command.programmeId() != null) {
            subject = subjects.resolve(ReportSubject.Kind.PROGRAMME, String.valueOf(command.programmeId()));
        } else if (command.missionId() != null) {
            subject = subjects.resolve(ReportSubject.Kind.MISSION, String.valueOf(command.missionId()));
        } else {
            subject = subjects.resolve(ReportSubject.Kind.COUNTRY, Objects.requireNonNull(command.countryCode()));
        }
        return new Checked(subject, Objects.requireNonNull(period), lang);
    }

    private static Locale language(@Nullable String language, Validation v) {
        if (language == null || language.isBlank() || language.equalsIgnoreCase("en")) {
            return Locale.ENGLISH;
        }
        if (language.equalsIgnoreCase("fr")) {
            return Locale.FRENCH;
        }
        v.coded("language", "must be en or fr", "report.validation.language");
        return Locale.ENGLISH;
    }
}
