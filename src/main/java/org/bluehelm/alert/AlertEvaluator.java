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
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.bluehelm.alert.AlertStore.Finding;
import org.bluehelm.alert.AlertStore.Rule;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.Direction;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
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
 * that an active rule watches ({@link WatchedIndicators}) are kept until the commit. Missing values: every day
 * (cron {@code bluehelm.alerts.missing-cron}) and on demand. Newly open alerts are then mailed.
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
        Set<Long> indicatorIds =
                changes.stream().map(DataValuesChanged.Change::indicatorId).collect(Collectors.toSet());
        Map<Long, List<Rule>> rules =
                store.activeRulesFor(indicatorIds).stream().collect(Collectors.groupingBy(Rule::indicatorId));
        if (rules.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = now();
        Map<Long, String> paths = new HashMap<>();
        Map<Long, Optional<IndicatorView>> indicatorsById = new HashMap<>();
        Set<Long> opened = new LinkedHashSet<>();
        Set<String> done = new java.util.HashSet<>();
        for (DataValuesChanged.Change c : changes) {
            List<Rule> watching = rules.get(c.indicatorId());
            if (watching == null) {
                continue;
            }
            Period period = Period.parse(c.periodId());
            String path = paths.computeIfAbsent(
                    c.orgUnitId(),
                    id -> geography.findOrgUnit(id).map(OrgUnitView::path).orElse(""));
            for (Rule rule : watching) {
                if (!rule.covers(c.orgUnitId(), path) || !rule.watches(period.type())) {
                    continue;
                }
                if (rule.kind() == AlertKind.MISSING) {
                    if (c.newValue() != null) {
                        store.resolve(rule.id(), c.orgUnitId(), period.id(), now);
                    }
                    continue;
                }
                // totals only; a key changed twice in one write is evaluated once, from what is stored
                if (c.optionKey() != 0 || !done.add(rule.id() + "|" + c.orgUnitId() + "|" + period.id())) {
                    continue;
                }
                Scope scope = new Scope(c.missionId(), c.countryCode());
                if (rule.kind() == AlertKind.THRESHOLD) {
                    threshold(rule, c.orgUnitId(), period, scope, now).ifPresent(opened::add);
                } else {
                    Optional<IndicatorView> indicator =
                            indicatorsById.computeIfAbsent(c.indicatorId(), indicators::findIgnoringScope);
                    if (indicator.isEmpty()) {
                        continue;
                    }
                    Direction direction = indicator.get().direction();
                    deterioration(rule, direction, c.orgUnitId(), period, scope, now)
                            .ifPresent(opened::add);
                    // the next period was compared with this one, which has changed
                    Period next = AlertRules.next(period);
                    if (store.total(rule.indicatorId(), c.orgUnitId(), next.id())
                            .isPresent()) {
                        deterioration(rule, direction, c.orgUnitId(), next, scope, now)
                                .ifPresent(opened::add);
                    }
                }
            }
        }
        return List.copyOf(opened);
    }

    private record Scope(@Nullable Long missionId, String countryCode) {}

    private Optional<Long> threshold(Rule rule, long unit, Period period, Scope scope, OffsetDateTime now) {
        Optional<BigDecimal> total = store.total(rule.indicatorId(), unit, period.id());
        BigDecimal threshold = java.util.Objects.requireNonNull(rule.threshold());
        ThresholdOperator operator = java.util.Objects.requireNonNull(rule.operator());
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
            Rule rule, Direction direction, long unit, Period period, Scope scope, OffsetDateTime now) {
        Period previous = AlertRules.previous(period);
        Optional<BigDecimal> current = store.total(rule.indicatorId(), unit, period.id());
        Optional<BigDecimal> before = store.total(rule.indicatorId(), unit, previous.id());
        BigDecimal percent = java.util.Objects.requireNonNull(rule.percent());
        if (current.isPresent() && before.isPresent()) {
            Optional<BigDecimal> worse = AlertRules.worseByPercent(direction, before.get(), current.get());
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
     * for that period gets an alert; a unit that has one gets its alert resolved.
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
            Set<Long> withValues = store.unitsWithValues(rule.indicatorId(), period.id());
            for (long unitId : store.unitsThatReported(rule.indicatorId(), rule.periodType(), period.startDate())) {
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
            return java.util.Objects.requireNonNull(work.get());
        } finally {
            SecurityContextHolder.setContext(writer);
        }
    }
}
