package org.bluehelm.report;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bluehelm.alert.AlertService;
import org.bluehelm.alert.AlertView;
import org.bluehelm.analytics.AnalyticsQuery;
import org.bluehelm.analytics.AnalyticsResult;
import org.bluehelm.analytics.AnalyticsService;
import org.bluehelm.approval.ApprovalService;
import org.bluehelm.approval.ApprovalState;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.indicator.SmallCells;
import org.bluehelm.progress.IndicatorProgress;
import org.bluehelm.progress.ProgrammeProgress;
import org.bluehelm.progress.ProgressService;
import org.bluehelm.progress.ProgressStatus;
import org.bluehelm.report.ProgressReport.AlertLine;
import org.bluehelm.report.ProgressReport.Figure;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.PeriodType;
import org.bluehelm.ssrindex.SsrIndex;
import org.bluehelm.ssrindex.SsrIndexService;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gathers a report's content from the other modules' services, as the current user, for its
 * subject (a programme, or every programme of a mission or country in the user's scope): the
 * progress of each programme's results chain at its units on the last day of the period, grouped
 * by pillar and by indicator dimension, the SSR index of each unit in the period, the
 * capacity-building and accountability indicators aggregated over the units and the period (small
 * cells suppressed by analytics as for any reader), the open alerts in the subject's countries (and
 * mission), the approval state behind each figure, and the sections other modules add.
 */
@Component
class ReportBuilder {

    /** The capacity-building indicators of the report, in order (those that exist). */
    static final List<String> CAPACITY = List.of(
            "cap_personnel_trained",
            "cap_participants_attended",
            "cap_training_coverage",
            "cap_knowledge_gain",
            "cap_national_trainer_share",
            "cap_retention");

    /** The accountability indicators of the report, in order (those that exist). */
    static final List<String> ACCOUNTABILITY = List.of(
            "acc_complaints_received",
            "acc_cases_closed",
            "acc_cases_substantiated",
            "acc_substantiated_share",
            "acc_complaints_per_1000");

    static final String NOT_SUBMITTED = "NOT_SUBMITTED";

    private static final int MAX_INDEX_UNITS = 10;
    private static final int MAX_ALERTS = 50;

    private final ProgressService progress;
    private final SsrIndexService ssrIndex;
    private final AnalyticsService analytics;
    private final IndicatorService indicators;
    private final ApprovalService approvals;
    private final AlertService alerts;
    private final ObjectProvider<ReportSection> sections;
    private final Clock clock;

    ReportBuilder(
            ProgressService progress,
            SsrIndexService ssrIndex,
            AnalyticsService analytics,
            IndicatorService indicators,
            ApprovalService approvals,
            AlertService alerts,
            ObjectProvider<ReportSection> sections,
            ObjectProvider<Clock> clock) {
        this.progress = progress;
        this.ssrIndex = ssrIndex;
        this.analytics = analytics;
        this.indicators = indicators;
        this.approvals = approvals;
        this.alerts = alerts;
        this.sections = sections;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    ProgressReport build(ReportSubject subject, Period period, Locale language) {
        NumberFormat numbers = NumberFormat.getNumberInstance(language);
        numbers.setGroupingUsed(false);
        numbers.setMaximumFractionDigits(2);
        Refs refs = new Refs();

        List<Figure> progressFigures = new ArrayList<>();
        Map<Long, String[]> units = new LinkedHashMap<>();
        // the approval state behind a unit's figures is that of the first programme working there
        Map<Long, Approvals> approvalsAt = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ProgressStatus s : ProgressStatus.values()) {
            counts.put(s.name(), 0);
        }
        Groups byPillar = new Groups();
        Groups byDimension = new Groups();
        Map<Long, String> dimensions = new HashMap<>();
        boolean several = subject.kind() != ReportSubject.Kind.PROGRAMME;
        for (ReportSubject.Programme programme : subject.programmes()) {
            Approvals approved = new Approvals(programme.id());
            ProgrammeProgress chain = progress.programme(programme.id(), period.endDate());
            approved.prefetch(
                    chain.rows().stream().map(IndicatorProgress::orgUnitId).toList());
            for (IndicatorProgress p : chain.rows()) {
                units.putIfAbsent(p.orgUnitId(), new String[] {p.orgUnitCode(), p.orgUnitName()});
                approvalsAt.putIfAbsent(p.orgUnitId(), approved);
                String valuePeriod =
                        p.current() == null ? period.id() : p.current().period();
                BigDecimal percent = p.percentAchieved();
                Figure figure = new Figure(
                        refs.next(),
                        p.indicatorCode(),
                        p.indicatorName(),
                        p.orgUnitId(),
                        p.orgUnitCode(),
                        p.orgUnitName(),
                        valuePeriod,
                        p.current() == null ? null : format(numbers, p.current().value()),
                        false,
                        p.baseline() == null
                                ? null
                                : format(numbers, p.baseline().value()) + " ("
                                        + p.baseline().period() + ")",
                        p.target() == null
                                ? null
                                : format(numbers, p.target().value()) + " ("
                                        + p.target().period() + ")",
                        percent == null ? null : format(numbers, percent) + " %",
                        p.status().name(),
                        bar(percent),
                        p.current() == null ? NOT_SUBMITTED : approved.state(p.orgUnitId(), valuePeriod),
                        several ? programme.code() + " · " + p.indicatorCode() : p.indicatorCode());
                progressFigures.add(figure);
                byPillar.add(programme.pillar().name(), figure, percent);
                byDimension.add(dimensions.computeIfAbsent(p.indicatorId(), this::dimension), figure, percent);
            }
            chain.statusCounts().forEach((status, n) -> counts.merge(status.name(), n, Integer::sum));
        }

        List<Figure> indexFigures = new ArrayList<>();
        units.keySet().stream()
                .limit(MAX_INDEX_UNITS)
                .forEach(unit -> index(unit, period).ifPresent(index -> {
                    for (SsrIndex.DimensionScore d : index.dimensions()) {
                        if (d.coverage().applicable() == 0) {
                            continue;
                        }
                        String sources = d.indicators().stream()
                                .filter(i -> i.status() == SsrIndex.IndicatorStatus.SCORED)
                                .map(SsrIndex.IndicatorScore::code)
                                .collect(Collectors.joining(", "));
                        indexFigures.add(new Figure(
                                refs.next(),
                                "SSR-" + d.dimension().name(),
                                d.dimension().name(),
                                index.orgUnit().id(),
                                index.orgUnit().code(),
                                index.orgUnit().name(),
                                index.period().id(),
                                d.score() == null ? null : format(numbers, d.score()),
                                false,
                                null,
                                null,
                                null,
                                null,
                                bar(d.score()),
                                approvalsAt
                                        .get(unit)
                                        .state(
                                                index.orgUnit().id(),
                                                index.period().id()),
                                sources.isEmpty() ? "-" : sources));
                    }
                }));

        List<Long> unitIds = List.copyOf(units.keySet());
        List<Figure> capacity = aggregate(CAPACITY, unitIds, period, numbers, refs, approvalsAt);
        List<Figure> accountability = aggregate(ACCOUNTABILITY, unitIds, period, numbers, refs, approvalsAt);

        DateTimeFormatter day =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language);
        List<AlertLine> alertLines = alerts.openIn(subject.countryCodes(), subject.missionId(), MAX_ALERTS).stream()
                .map(a -> alertLine(a, numbers, day))
                .toList();

        List<ReportSection.Table> extensions = new ArrayList<>();
        sections.orderedStream().forEach(s -> {
            ReportSection.Table t = s.table(subject, period.id(), language);
            if (t != null) {
                extensions.add(t);
            }
        });

        return new ProgressReport(
                subject,
                period.id(),
                period.startDate(),
                period.endDate(),
                language.getLanguage(),
                AccessScope.current().username(),
                OffsetDateTime.now(clock),
                counts,
                byPillar.groups(numbers),
                byDimension.groups(numbers),
                progressFigures,
                indexFigures,
                capacity,
                accountability,
                alertLines,
                extensions);
    }

    private Optional<SsrIndex> index(long unit, Period period) {
        try {
            return Optional.of(ssrIndex.index(unit, null, period.id()));
        } catch (RuntimeException e) {
            // a unit the index cannot be computed for (outside scope, no applicable indicator)
            return Optional.empty();
        }
    }

    private List<Figure> aggregate(
            List<String> codes,
            List<Long> units,
            Period period,
            NumberFormat numbers,
            Refs refs,
            Map<Long, Approvals> approvalsAt) {
        if (units.isEmpty()) {
            return List.of();
        }
        Map<Long, IndicatorView> byId = new LinkedHashMap<>();
        for (String code : codes) {
            indicators.findByCodeIgnoringScope(code).ifPresent(i -> byId.put(i.id(), i));
        }
        if (byId.isEmpty()) {
            return List.of();
        }
        AnalyticsResult result =
                analytics.aggregate(AnalyticsQuery.of(List.copyOf(byId.keySet()), units, period.id(), period.id()));
        Map<Long, AnalyticsResult.OrgUnitItem> unitItems = result.orgUnits().stream()
                .collect(Collectors.toMap(AnalyticsResult.OrgUnitItem::id, u -> u, (a, b) -> a));
        Map<String, AnalyticsResult.Row> cells = new HashMap<>();
        for (AnalyticsResult.Row row : result.rows()) {
            if (row.indicator() != null && row.option() == null) {
                cells.put(row.indicator() + "/" + row.orgUnit(), row);
            }
        }
        List<Figure> figures = new ArrayList<>();
        for (IndicatorView indicator : byId.values()) {
            for (long unit : units) {
                AnalyticsResult.Row row = cells.get(indicator.id() + "/" + unit);
                if (row == null) {
                    continue;
                }
                AnalyticsResult.OrgUnitItem item = unitItems.get(unit);
                BigDecimal value = row.value();
                figures.add(new Figure(
                        refs.next(),
                        indicator.code(),
                        indicator.name(),
                        unit,
                        item == null ? "" : item.code(),
                        item == null ? "" : item.name(),
                        row.period(),
                        value == null ? null : format(numbers, value),
                        row.suppressed(),
                        null,
                        null,
                        null,
                        null,
                        0,
                        approvalsAt.get(unit).state(unit, row.period()),
                        indicator.code()));
            }
        }
        return figures;
    }

    private AlertLine alertLine(AlertView a, NumberFormat numbers, DateTimeFormatter day) {
        return new AlertLine(
                a.kind().name(),
                a.indicatorCode(),
                a.indicatorName(),
                a.orgUnitName(),
                a.period(),
                a.value() != null
                        ? format(numbers, a.value())
                        : a.suppressedBelow() != null ? SmallCells.label(a.suppressedBelow()) : null,
                day.format(a.raisedAt()));
    }

    static String format(NumberFormat numbers, BigDecimal value) {
        return numbers.format(value);
    }

    private static int bar(@Nullable BigDecimal percent) {
        if (percent == null) {
            return 0;
        }
        return Math.max(0, Math.min(100, percent.intValue()));
    }

    /** Period types a report may cover. */
    static boolean reportable(Period period) {
        return Set.of(PeriodType.MONTHLY, PeriodType.QUARTERLY, PeriodType.YEARLY)
                .contains(period.type());
    }

    private String dimension(long indicatorId) {
        return indicators
                .findIgnoringScope(indicatorId)
                .map(i -> i.dimension().name())
                .orElse("-");
    }

    /** Progress figures grouped by a key (a pillar or a dimension), in the order keys first come. */
    private static final class Groups {
        private final Map<String, List<Figure>> figures = new LinkedHashMap<>();
        private final Map<String, List<BigDecimal>> percents = new HashMap<>();

        void add(String key, Figure figure, @Nullable BigDecimal percent) {
            figures.computeIfAbsent(key, k -> new ArrayList<>()).add(figure);
            List<BigDecimal> known = percents.computeIfAbsent(key, k -> new ArrayList<>());
            if (percent != null) {
                known.add(percent);
            }
        }

        List<ProgressReport.Group> groups(NumberFormat numbers) {
            List<ProgressReport.Group> groups = new ArrayList<>();
            figures.forEach((key, list) -> {
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (ProgressStatus s : ProgressStatus.values()) {
                    counts.put(s.name(), 0);
                }
                list.forEach(f -> counts.merge(java.util.Objects.requireNonNull(f.status()), 1, Integer::sum));
                List<BigDecimal> known = percents.get(key);
                BigDecimal mean = known.isEmpty()
                        ? null
                        : known.stream()
                                .reduce(BigDecimal.ZERO, BigDecimal::add)
                                .divide(BigDecimal.valueOf(known.size()), 1, java.math.RoundingMode.HALF_UP);
                groups.add(new ProgressReport.Group(
                        key, counts, list, mean == null ? null : format(numbers, mean) + " %", bar(mean)));
            });
            return groups;
        }
    }

    private static final class Refs {
        private int n;

        String next() {
            n++;
            return "F" + n;
        }
    }

    /**
     * The approval state of the programme's data per unit and period: the states of the units
     * named in {@link #prefetch} read in one query, any other unit's when first asked.
     */
    private final class Approvals {
        private final long programmeId;
        private final Map<Long, Map<String, ApprovalState>> known = new HashMap<>();

        Approvals(long programmeId) {
            this.programmeId = programmeId;
        }

        void prefetch(Collection<Long> units) {
            List<Long> missing =
                    units.stream().filter(u -> !known.containsKey(u)).toList();
            if (missing.isEmpty()) {
                return;
            }
            Map<Long, Map<String, ApprovalState>> states;
            try {
                states = approvals.states(programmeId, missing);
            } catch (RuntimeException e) {
                states = Map.of();
            }
            for (long unit : missing) {
                known.put(unit, states.getOrDefault(unit, Map.of()));
            }
        }

        String state(long unit, String period) {
            prefetch(List.of(unit));
            ApprovalState state;
            try {
                state = known.get(unit).get(Period.parse("period", period).id());
            } catch (RuntimeException e) {
                return NOT_SUBMITTED;
            }
            return state == null || state == ApprovalState.OPEN ? NOT_SUBMITTED : state.name();
        }
    }
}
