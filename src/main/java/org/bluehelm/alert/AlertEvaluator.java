package org.bluehelm.alert;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.bluehelm.alert.AlertStore.Finding;
import org.bluehelm.alert.AlertStore.Rule;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.Aggregation;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.indicator.ValueType;
import org.bluehelm.measurement.DataValuesChanged;
import org.bluehelm.measurement.DataValuesImported;
import org.bluehelm.shared.Period;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates the rules. Values: after the writing transaction has committed (so a failing
 * evaluation can never roll back data entry), synchronously on the writer's thread (so the answer
 * to the write comes after the alerts are stored, and tests observe them without waiting), in a
 * transaction of its own, as background work that sees every record. Only values of indicators
 * that an active rule needs ({@link WatchedIndicators}: its indicator, or a RATIO indicator's
 * numerator and denominator) are kept until the commit. Missing values: every day (cron {@code
 * bluehelm.alerts.missing-cron}) and on demand. Newly open alerts are then mailed. What a rule
 * judges is read from the stored values: see {@link #value}.
 */
@Component
class AlertEvaluator {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

    private final AlertStore store;
    private final IndicatorService indicators;
    private final GeographyService geography;
    private final AlertMailer mailer;
    private final WatchedIndicators watchedIndicators;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    AlertEvaluator(
            AlertStore store,
            IndicatorService indicators,
            GeographyService geography,
            AlertMailer mailer,
            WatchedIndicators watchedIndicators,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.store = store;
        this.indicators = indicators;
        this.geography = geography;
        this.mailer = mailer;
        this.watchedIndicators = watchedIndicators;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Result of a check for missing values: the rules checked and the alerts newly opened. */
    record MissingCheck(int rules, int opened) {}

    /**
     * Notes, inside the writing transaction, the values of watched indicators, and evaluates them
     * once that transaction has committed (at once when there is none). Nothing else is kept, so
     * an import of unwatched indicators holds nothing for later; nothing here can fail the write.
     */
    @EventListener
    void on(DataValuesChanged event) {
        List<DataValuesChanged.Change> watched;
        try {
            Set<Long> ids = watchedIndicators.ids();
            watched = event.changes().stream()
                    .filter(c -> ids.contains(c.indicatorId()))
                    .toList();
        } catch (RuntimeException e) {
            log.error(
                    "Could not read the alert rules; {} changed values are not evaluated",
                    event.changes().size(),
                    e);
            return;
        }
        evaluateAfterCommit(watched);
    }

    /** The same for an import: only the values of watched indicators are read from it. */
    @EventListener
    void on(DataValuesImported event) {
        List<DataValuesChanged.Change> watched;
        try {
            Set<Long> ids = new java.util.HashSet<>(watchedIndicators.ids());
            ids.retainAll(event.indicatorIds());
            watched = event.changes(ids);
        } catch (RuntimeException e) {
            log.error(
                    "Could not read the alert rules; the {} imported values are not evaluated",
                    event.created() + event.updated(),
                    e);
            return;
        }
        evaluateAfterCommit(watched);
    }

    private void evaluateAfterCommit(List<DataValuesChanged.Change> watched) {
        if (watched.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    evaluateCommitted(watched);
                }
            });
        } else {
            evaluateCommitted(watched);
        }
    }

    /** Evaluates committed values in a transaction of its own, then mails the alerts it opened. */
    private void evaluateCommitted(List<DataValuesChanged.Change> changes) {
        try {
            List<Long> opened = asBackgroundWork(() -> ownTransaction.execute(s -> evaluate(changes)));
            mailer.tell(opened);
        } catch (RuntimeException e) {
            // the values are committed whatever happens here; an alert lost is logged, not thrown
            log.error("Alert evaluation failed for {} changed values", changes.size(), e);
        }
    }

    @Scheduled(cron = "${bluehelm.alerts.missing-cron:0 30 1 * * *}")
    void daily() {
        try {
            MissingCheck check = checkMissing(LocalDate.now(clock));
            log.info("Checked {} missing-value rules; {} alerts opened", check.rules(), check.opened());
        } catch (RuntimeException e) {
            log.error("The daily check for missing values failed", e);
        }
    }

    /** Checks every active MISSING rule as of {@code today}, then mails the newly open alerts. */
    MissingCheck checkMissing(LocalDate today) {
        List<Long> opened = new ArrayList<>();
        int rules = asBackgroundWork(() -> ownTransaction.execute(s -> missing(today, opened)));
        mailer.tell(opened);
        return new MissingCheck(rules, opened.size());
    }

    private List<Long> evaluate(List<DataValuesChanged.Change> changes) {
        Set<Long> changed =
                changes.stream().map(DataValuesChanged.Change::indicatorId).collect(Collectors.toSet());
        // the rules on the changed indicators, and on the RATIO indicators they are a component of
        Map<Long, Optional<IndicatorView>> indicatorsById = new HashMap<>();
        Map<Long, List<Watching>> watchingById = new HashMap<>();
        for (Rule rule : store.activeRulesFor(watchedIndicators.concerning(changed))) {
            Optional<IndicatorView> indicator =
                    indicatorsById.computeIfAbsent(rule.indicatorId(), indicators::findIgnoringScope);
            if (indicator.isEmpty()) {
                continue;
            }
            for (long source : sources(indicator.get())) {
                if (changed.contains(source)) {
                    watchingById
                            .computeIfAbsent(source, s -> new ArrayList<>())
                            .add(new Watching(rule, indicator.get()));
                }
            }
        }
        if (watchingById.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = now();
        Map<Long, String> paths = new HashMap<>();
        Set<Long> opened = new LinkedHashSet<>();
        Set<String> done = new java.util.HashSet<>();
        for (DataValuesChanged.Change c : changes) {
            List<Watching> watching = watchingById.get(c.indicatorId());
            if (watching == null) {
                continue;
            }
            Period period = Period.parse(c.periodId());
            String path = paths.computeIfAbsent(
                    c.orgUnitId(),
                    id -> geography.findOrgUnit(id).map(OrgUnitView::path).orElse(""));
            for (Watching w : watching) {
                Rule rule = w.rule();
                IndicatorView indicator = w.indicator();
                // each rule, unit and period once per write, from what is stored (a total, an option,
                // a numerator or a denominator changed: the value judged is read again whole)
                if (!rule.covers(c.orgUnitId(), path)
                        || !rule.watches(period.type())
                        || !done.add(rule.id() + "|" + c.orgUnitId() + "|" + period.id())) {
                    continue;
                }
                if (rule.kind() == AlertKind.MISSING) {
                    if (reported(indicator, c.orgUnitId(), period.id())) {
                        store.resolve(rule.id(), c.orgUnitId(), period.id(), now);
                    }
                    continue;
                }
                Scope scope = new Scope(c.missionId(), c.countryCode());
                if (rule.kind() == AlertKind.THRESHOLD) {
                    threshold(rule, indicator, c.orgUnitId(), period, scope, now)
                            .ifPresent(opened::add);
                } else {
                    deterioration(rule, indicator, c.orgUnitId(), period, scope, now)
                            .ifPresent(opened::add);
                    // the next period was compared with this one, which has changed
                    Period next = AlertRules.next(period);
                    if (value(indicator, c.orgUnitId(), next.id()).isPresent()) {
                        deterioration(rule, indicator, c.orgUnitId(), next, scope, now)
                                .ifPresent(opened::add);
                    }
                }
            }
        }
        return List.copyOf(opened);
    }

    /** A rule and its indicator. */
    private record Watching(Rule rule, IndicatorView indicator) {}

    private record Scope(@Nullable Long missionId, String countryCode) {}

    /**
     * The indicators whose values make the indicator's: its numerator and denominator for a RATIO
     * indicator (it has no values of its own), otherwise itself.
     */
    private static Set<Long> sources(IndicatorView indicator) {
        Set<Long> sources = new LinkedHashSet<>();
        if (indicator.aggregation() == Aggregation.RATIO) {
            sources.add(Objects.requireNonNull(indicator.numeratorId()));
            sources.add(Objects.requireNonNull(indicator.denominatorId()));
        } else {
            sources.add(indicator.id());
        }
        return sources;
    }

    /**
     * The value a rule on the indicator judges for the unit and period, if it has one.
     *
     * <ul>
     *   <li>RATIO: the unit's total of the numerator over its total of the denominator, times 100
     *       for a PERCENTAGE indicator, as analytics computes it (the totals add up the values by
     *       option, as analytics adds them up); none when either total is missing or the
     *       denominator's is 0.
     *   <li>SUM: the unit's total, the value recorded without an option or, when the unit recorded
     *       the indicator by option only (FEMALE, MALE), the sum of those values.
     *   <li>AVERAGE and LAST_VALUE: only the value recorded without an option. The values by option
     *       are not combined into a total: adding them up would not give the unit's average or
     *       latest value, and they do not say how many they average.
     * </ul>
     */
    private Optional<BigDecimal> value(IndicatorView indicator, long unit, String periodId) {
        return switch (indicator.aggregation()) {
            case RATIO -> {
                Optional<BigDecimal> numerator =
                        store.total(Objects.requireNonNull(indicator.numeratorId()), unit, periodId, true);
                Optional<BigDecimal> denominator = numerator.isEmpty()
                        ? Optional.empty()
                        : store.total(Objects.requireNonNull(indicator.denominatorId()), unit, periodId, true);
                yield denominator.isEmpty()
                        ? Optional.empty()
                        : AlertRules.ratio(
                                numerator.get(), denominator.get(), indicator.valueType() == ValueType.PERCENTAGE);
            }
            case SUM -> store.total(indicator.id(), unit, periodId, true);
            case AVERAGE, LAST_VALUE -> store.total(indicator.id(), unit, periodId, false);
        };
    }

    /**
     * Whether the unit reported the indicator for the period, for a MISSING rule: any value of it (a
     * total or an option); for a RATIO indicator, a value of its numerator and one of its
     * denominator (the ratio is missing when either is).
     */
    private boolean reported(IndicatorView indicator, long unit, String periodId) {
        return sources(indicator).stream().allMatch(source -> store.hasValues(source, unit, periodId));
    }

    private Optional<Long> threshold(
            Rule rule, IndicatorView indicator, long unit, Period period, Scope scope, OffsetDateTime now) {
        Optional<BigDecimal> total = value(indicator, unit, period.id());
        BigDecimal threshold = Objects.requireNonNull(rule.threshold());
        ThresholdOperator operator = Objects.requireNonNull(rule.operator());
        if (total.isPresent() && AlertRules.crosses(operator, threshold, total.get())) {
            return store.raise(
                    rule,
                    unit,
                    period,
                    new Finding(total.get(), threshold, null, null, null),
                    scope.missionId(),
                    scope.countryCode(),
                    now);
        }
        store.resolve(rule.id(), unit, period.id(), now);
        return Optional.empty();
    }

    private Optional<Long> deterioration(
            Rule rule, IndicatorView indicator, long unit, Period period, Scope scope, OffsetDateTime now) {
        Period previous = AlertRules.previous(period);
        Optional<BigDecimal> current = value(indicator, unit, period.id());
        Optional<BigDecimal> before = value(indicator, unit, previous.id());
        BigDecimal percent = Objects.requireNonNull(rule.percent());
        if (current.isPresent() && before.isPresent()) {
            Optional<BigDecimal> worse = AlertRules.worseByPercent(indicator.direction(), before.get(), current.get());
            if (worse.isPresent() && worse.get().compareTo(percent) > 0) {
                return store.raise(
                        rule,
                        unit,
                        period,
                        new Finding(current.get(), before.get(), previous.id(), worse.get(), null),
                        scope.missionId(),
                        scope.countryCode(),
                        now);
            }
        }
        store.resolve(rule.id(), unit, period.id(), now);
        return Optional.empty();
    }

    /**
     * For each MISSING rule, the latest period whose value is overdue: every unit that reported an
     * earlier period of the rule's type (within the rule's unit, when it has one) and has no value
     * for that period gets an alert; a unit that has one gets its alert resolved. For a RATIO
     * indicator, a unit that reported its numerator or its denominator before is expected, and
     * misses the period when it has no value of the numerator or none of the denominator.
     */
    private int missing(LocalDate today, List<Long> opened) {
        OffsetDateTime now = now();
        List<Rule> rules = store.activeRules(AlertKind.MISSING);
        Map<Long, Optional<OrgUnitView>> units = new HashMap<>();
        for (Rule rule : rules) {
            Optional<IndicatorView> indicator = indicators.findIgnoringScope(rule.indicatorId());
            if (indicator.isEmpty() || rule.periodType() == null || rule.dueDays() == null) {
                continue;
            }
            Period period = AlertRules.latestOverdue(rule.periodType(), rule.dueDays(), today);
            // a RATIO indicator's units with values: those with a numerator and a denominator
            List<Long> sources = List.copyOf(sources(indicator.get()));
            Set<Long> withValues = store.unitsWithValues(sources.get(0), period.id());
            Set<Long> expected = new TreeSet<>();
            for (long source : sources) {
                expected.addAll(store.unitsThatReported(source, rule.periodType(), period.startDate()));
                if (source != sources.get(0)) {
                    withValues.retainAll(store.unitsWithValues(source, period.id()));
                }
            }
            for (long unitId : expected) {
                Optional<OrgUnitView> unit = units.computeIfAbsent(unitId, geography::findOrgUnit);
                if (unit.isEmpty() || !rule.covers(unitId, unit.get().path())) {
                    continue;
                }
                if (withValues.contains(unitId)) {
                    store.resolve(rule.id(), unitId, period.id(), now);
                } else {
                    store.raise(
                                    rule,
                                    unitId,
                                    period,
                                    new Finding(null, null, null, null, AlertRules.dueDate(period, rule.dueDays())),
                                    indicator.get().missionId(),
                                    unit.get().countryCode(),
                                    now)
                            .ifPresent(opened::add);
                }
            }
        }
        return rules.size();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Runs work as background work, which sees every record ({@link
     * org.bluehelm.shared.AccessScope#SYSTEM}), whoever wrote the values; the writer's sign-in is
     * put back afterwards.
     */
    private static <T> T asBackgroundWork(Supplier<@Nullable T> work) {
        SecurityContext writer = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            return Objects.requireNonNull(work.get());
        } finally {
            SecurityContextHolder.setContext(writer);
        }
    }
}
