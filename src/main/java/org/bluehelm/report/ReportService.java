package org.bluehelm.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.bluehelm.programme.ProgrammeService;
import org.bluehelm.programme.ProgrammeView;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates progress reports (on request or on a programme's schedule), keeps each programme's
 * last reports and serves them to users whose scope covers the programme.
 */
@Service
public class ReportService {

    /** The most reports listed at once. */
    public static final int MAX_LISTED = 200;

    private final ReportBuilder builder;
    private final ReportRenderer renderer;
    private final ReportStore store;
    private final ProgrammeService programmes;
    private final int defaultKeep;
    private final Clock clock;

    ReportService(
            ReportBuilder builder,
            ReportRenderer renderer,
            ReportStore store,
            ProgrammeService programmes,
            @Value("${bluehelm.report.keep-last:20}") int defaultKeep,
            ObjectProvider<Clock> clock) {
        this.builder = builder;
        this.renderer = renderer;
        this.store = store;
        this.programmes = programmes;
        this.defaultKeep = defaultKeep;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** What to generate: a programme, a period (2025, 2025Q3 or 202507, say) and a language. */
    public record GenerateReport(
            @Nullable Long programmeId,
            @Nullable String period,
            @Nullable String language) {}

    /** The report's content without storing it (for the screen preview and the benchmark). */
    @Transactional(readOnly = true)
    public ProgressReport content(GenerateReport command) {
        Checked c = check(command);
        return builder.build(c.programmeId(), c.period(), c.language());
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
     * Generates and stores a report, then deletes the programme's oldest reports beyond those to
     * keep (its schedule's number, else {@code bluehelm.report.keep-last}).
     *
     * @throws InvalidInputException naming {@code programmeId}, {@code period} or {@code language}
     * @throws NotFoundException when the programme is outside the user's scope
     */
    @Transactional
    public StoredReport generate(GenerateReport command) {
        return generate(check(command), false);
    }

    private StoredReport generate(Checked c, boolean scheduled) {
        ProgressReport report = builder.build(c.programmeId(), c.period(), c.language());
        String html = renderer.html(report);
        byte[] pdf = renderer.pdf(html);
        String title = report.programmeCode() + " · " + report.period() + " · "
                + report.language().toUpperCase(Locale.ROOT);
        long id = store.insert(report, title, scheduled, html, pdf);
        int keep = store.schedule(report.programmeId())
                .map(ReportSchedule::keepLast)
                .orElse(defaultKeep);
        store.keepLast(report.programmeId(), keep);
        return store.find(id).orElseThrow();
    }

    /** The reports the user may see, newest first (of one programme when given). */
    @Transactional(readOnly = true)
    public List<StoredReport> list(@Nullable Long programmeId) {
        return store.list(AccessScope.current(), programmeId, MAX_LISTED);
    }

    /** A stored report, if the user may see it. */
    @Transactional(readOnly = true)
    public StoredReport get(long id) {
        StoredReport report = store.find(id).orElseThrow(() -> new NotFoundException("report", id));
        if (!AccessScope.current().canRead(report.missionId(), report.countryCode())) {
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

    /** The programme's schedule, if it has one (the programme must be in the user's scope). */
    @Transactional(readOnly = true)
    public java.util.Optional<ReportSchedule> schedule(long programmeId) {
        programmes.get(programmeId);
        return store.schedule(programmeId);
    }

    /**
     * Sets the programme's schedule (creating it when it has none).
     *
     * @throws InvalidInputException naming {@code frequency}, {@code language} or {@code keepLast}
     */
    @Transactional
    public ReportSchedule setSchedule(
            long programmeId,
            @Nullable String frequency,
            @Nullable String language,
            @Nullable Integer keepLast,
            @Nullable Integer expectedVersion) {
        ProgrammeView programme = programmes.get(programmeId);
        Validation v = new Validation();
        ReportSchedule.Frequency f = null;
        if (frequency == null || frequency.isBlank()) {
            v.add("frequency", "is required");
        } else {
            try {
                f = ReportSchedule.Frequency.valueOf(frequency.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.add("frequency", "must be MONTHLY or QUARTERLY");
            }
        }
        Locale lang = language(language, v);
        if (keepLast == null || keepLast < 1 || keepLast > 100) {
            v.add("keepLast", "must be between 1 and 100");
        }
        v.throwIfInvalid();
        store.saveSchedule(
                programmeId,
                programme.missionId(),
                programme.countryCode(),
                java.util.Objects.requireNonNull(f),
                lang.getLanguage(),
                java.util.Objects.requireNonNull(keepLast),
                AccessScope.current().username(),
                expectedVersion);
        store.keepLast(programmeId, keepLast);
        return store.schedule(programmeId).orElseThrow();
    }

    /** Removes the programme's schedule; its reports stay. */
    @Transactional
    public void deleteSchedule(long programmeId) {
        programmes.get(programmeId);
        store.deleteSchedule(programmeId);
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
            generate(new Checked(s.programmeId(), period, Locale.forLanguageTag(s.language())), true);
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

    private record Checked(long programmeId, Period period, Locale language) {}

    private Checked check(GenerateReport command) {
        Validation v = new Validation();
        if (command.programmeId() == null) {
            v.add("programmeId", "is required");
        }
        Period period = null;
        if (command.period() == null || command.period().isBlank()) {
            v.add("period", "is required");
        } else {
            try {
                period = Period.parse("period", command.period().trim());
                if (!ReportBuilder.reportable(period)) {
                    v.add("period", "must be a month, a quarter or a year");
                }
            } catch (InvalidInputException e) {
                v.add("period", "is not a period: write 2025, 2025Q3 or 202507");
            }
        }
        Locale lang = language(command.language(), v);
        v.throwIfInvalid();
        long programmeId = java.util.Objects.requireNonNull(command.programmeId());
        programmes.get(programmeId);
        return new Checked(programmeId, java.util.Objects.requireNonNull(period), lang);
    }

    private static Locale language(@Nullable String language, Validation v) {
        if (language == null || language.isBlank() || language.equalsIgnoreCase("en")) {
            return Locale.ENGLISH;
        }
        if (language.equalsIgnoreCase("fr")) {
            return Locale.FRENCH;
        }
        v.add("language", "must be en or fr");
        return Locale.ENGLISH;
    }
}
