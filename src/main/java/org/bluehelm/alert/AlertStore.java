package org.bluehelm.alert;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.PeriodType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The SQL of rules and alerts, and the few reads of measurement's {@code data_value} that the
 * evaluation needs (a unit's total: its value recorded without a disaggregation option, option_key
 * 0, or the sum of its values by option; see {@link #total}). Runs in the caller's transaction.
 */
@Component
class AlertStore {

    static final String RULE_COLUMNS = """
            select r.id, r.indicator_id, r.kind, r.operator, r.threshold, r.percent, r.due_days, r.period_type,
                   r.org_unit_id, r.active, r.mission_id, r.country_code, r.updated_by, r.updated_at, r.version
              from alert_rule r""";

    static final String ALERT_COLUMNS = """
            select a.id, a.rule_id, a.indicator_id, a.org_unit_id, a.period_id, a.kind, a.value, a.reference_value,
                   a.reference_period, a.change_percent, a.due_date, a.state, a.mission_id, a.country_code,
                   a.raised_at, a.updated_at, a.acknowledged_by, a.acknowledged_at, a.resolved_at, a.version,
                   r.operator
              from alert a join alert_rule r on r.id = a.rule_id""";

    private final JdbcClient jdbc;

    AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored rule. */
    record Rule(
            long id,
            long indicatorId,
            AlertKind kind,
            @Nullable ThresholdOperator operator,
            @Nullable BigDecimal threshold,
            @Nullable BigDecimal percent,
            @Nullable Integer dueDays,
            @Nullable PeriodType periodType,
            @Nullable Long orgUnitId,
            boolean active,
            @Nullable Long missionId,
            @Nullable String countryCode,
            String updatedBy,
            OffsetDateTime updatedAt,
            int version) {

        /** Whether the rule watches the unit, given the unit's path ({@code /1/7/42/}). */
        boolean covers(long unitId, String path) {
            return orgUnitId == null || orgUnitId == unitId || path.contains("/" + orgUnitId + "/");
        }

        /** Whether the rule watches values of the period's type. */
        boolean watches(PeriodType type) {
            return periodType == null || periodType == type;
        }
    }

    /** A stored alert (before the codes and names of its indicator and unit are added). */
    record Stored(
            long id,
            long ruleId,
            long indicatorId,
            long orgUnitId,
            String periodId,
            AlertKind kind,
            @Nullable BigDecimal value,
            @Nullable BigDecimal referenceValue,
            @Nullable String referencePeriod,
            @Nullable BigDecimal changePercent,
            @Nullable LocalDate dueDate,
            AlertState state,
            @Nullable Long missionId,
            String countryCode,
            OffsetDateTime raisedAt,
            OffsetDateTime updatedAt,
            @Nullable String acknowledgedBy,
            @Nullable OffsetDateTime acknowledgedAt,
            @Nullable OffsetDateTime resolvedAt,
            int version,
            @Nullable ThresholdOperator operator) {}

    /** What a breach saw: the unit's total and what it was compared with. */
    record Finding(
            @Nullable BigDecimal value,
            @Nullable BigDecimal referenceValue,
            @Nullable String referencePeriod,
            @Nullable BigDecimal changePercent,
            @Nullable LocalDate dueDate) {}

    // rules

    Optional<Rule> rule(long id) {
        return jdbc.sql(RULE_COLUMNS + " where r.id = :id")
                .param("id", id)
                .query(AlertStore::rule)
                .optional();
    }

    List<Rule> activeRulesFor(Collection<Long> indicatorIds) {
        if (indicatorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(RULE_COLUMNS + " where r.active = true and r.indicator_id in (:ids) order by r.id")
                .param("ids", List.copyOf(indicatorIds))
                .query(AlertStore::rule)
                .list();
    }

    List<Rule> activeRules(AlertKind kind) {
        return jdbc.sql(RULE_COLUMNS + " where r.active = true and r.kind = :kind order by r.id")
                .param("kind", kind.name())
                .query(AlertStore::rule)
                .list();
    }

    static Rule rule(ResultSet rs, int n) throws SQLException {
        String operator = rs.getString("operator");
        String periodType = rs.getString("period_type");
        return new Rule(
                rs.getLong("id"),
                rs.getLong("indicator_id"),
                AlertKind.valueOf(rs.getString("kind")),
                operator == null ? null : ThresholdOperator.valueOf(operator),
                rs.getBigDecimal("threshold"),
                rs.getBigDecimal("percent"),
                rs.getObject("due_days", Integer.class),
                periodType == null ? null : PeriodType.valueOf(periodType),
                rs.getObject("org_unit_id", Long.class),
                rs.getBoolean("active"),
                rs.getObject("mission_id", Long.class),
                rs.getString("country_code"),
                rs.getString("updated_by"),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getInt("version"));
    }

    // alerts

    Optional<Stored> alert(long id) {
        return jdbc.sql(ALERT_COLUMNS + " where a.id = :id")
                .param("id", id)
                .query(AlertStore::alert)
                .optional();
    }

    static Stored alert(ResultSet rs, int n) throws SQLException {
        String operator = rs.getString("operator");
        return new Stored(
                rs.getLong("id"),
                rs.getLong("rule_id"),
                rs.getLong("indicator_id"),
                rs.getLong("org_unit_id"),
                rs.getString("period_id"),
                AlertKind.valueOf(rs.getString("kind")),
                rs.getBigDecimal("value"),
                rs.getBigDecimal("reference_value"),
                rs.getString("reference_period"),
                rs.getBigDecimal("change_percent"),
                rs.getObject("due_date", LocalDate.class),
                AlertState.valueOf(rs.getString("state")),
                rs.getObject("mission_id", Long.class),
                rs.getString("country_code"),
                rs.getObject("raised_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("acknowledged_by"),
                rs.getObject("acknowledged_at", OffsetDateTime.class),
                rs.getObject("resolved_at", OffsetDateTime.class),
                rs.getInt("version"),
                operator == null ? null : ThresholdOperator.valueOf(operator));
    }

    /**
     * Records a breach of the rule for the unit and period: creates the alert, or updates the one
     * there is (a resolved one opens again, as if new; an open or acknowledged one keeps its state).
     *
     * @return the alert's id when it is newly open (created or re-opened), so that people are told
     */
    Optional<Long> raise(
            Rule rule,
            long orgUnitId,
            Period period,
            Finding finding,
            @Nullable Long missionId,
            String countryCode,
            OffsetDateTime now) {
        Optional<Stored> existing = find(rule.id(), orgUnitId, period.id());
        if (existing.isEmpty()) {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                            insert into alert (rule_id, indicator_id, org_unit_id, period_id, period_type, start_date,
                                               end_date, kind, value, reference_value, reference_period, change_percent,
                                               due_date, state, mission_id, country_code, raised_at, updated_at)
                            values (:rule, :indicator, :unit, :period, :type, :start, :end, :kind, :value, :reference,
                                    :referencePeriod, :change, :due, 'OPEN', :mission, :country, :now, :now)""")
                    .param("rule", rule.id())
                    .param("indicator", rule.indicatorId())
                    .param("unit", orgUnitId)
                    .param("period", period.id())
                    .param("type", period.type().name())
                    .param("start", period.startDate())
                    .param("end", period.endDate())
                    .param("kind", rule.kind().name())
                    .param("value", finding.value())
                    .param("reference", finding.referenceValue())
                    .param("referencePeriod", finding.referencePeriod())
                    .param("change", finding.changePercent())
                    .param("due", finding.dueDate())
                    .param("mission", missionId)
                    .param("country", countryCode)
                    .param("now", now)
                    .update(key, "id");
            return Optional.of(Objects.requireNonNull(key.getKey()).longValue());
        }
        Stored stored = existing.get();
        boolean reopened = stored.state() == AlertState.RESOLVED;
        if (!reopened && same(stored, finding)) {
            return Optional.empty();
        }
        jdbc.sql("""
                        update alert
                           set value = :value, reference_value = :reference, reference_period = :referencePeriod,
                               change_percent = :change, due_date = :due, updated_at = :now,
                               state = case when :reopen then 'OPEN' else state end,
                               raised_at = case when :reopen then :now else raised_at end,
                               acknowledged_by = case when :reopen then null else acknowledged_by end,
                               acknowledged_at = case when :reopen then null else acknowledged_at end,
                               resolved_at = null, version = version + 1
                         where id = :id""")
                .param("value", finding.value())
                .param("reference", finding.referenceValue())
                .param("referencePeriod", finding.referencePeriod())
                .param("change", finding.changePercent())
                .param("due", finding.dueDate())
                .param("now", now)
                .param("reopen", reopened)
                .param("id", stored.id())
                .update();
        return reopened ? Optional.of(stored.id()) : Optional.empty();
    }

    /** Resolves the rule's alert for the unit and period, if there is one not yet resolved. */
    boolean resolve(long ruleId, long orgUnitId, String periodId, OffsetDateTime now) {
        return jdbc.sql("""
                                update alert set state = 'RESOLVED', resolved_at = :now, updated_at = :now,
                                       version = version + 1
                                 where rule_id = :rule and org_unit_id = :unit and period_id = :period
                                   and state <> 'RESOLVED'""")
                        .param("now", now)
                        .param("rule", ruleId)
                        .param("unit", orgUnitId)
                        .param("period", periodId)
                        .update()
                > 0;
    }

    private Optional<Stored> find(long ruleId, long orgUnitId, String periodId) {
        return jdbc.sql(ALERT_COLUMNS + " where a.rule_id = :rule and a.org_unit_id = :unit and a.period_id = :period")
                .param("rule", ruleId)
                .param("unit", orgUnitId)
                .param("period", periodId)
                .query(AlertStore::alert)
                .optional();
    }

    private static boolean same(Stored stored, Finding finding) {
        return sameNumber(stored.value(), finding.value())
                && sameNumber(stored.referenceValue(), finding.referenceValue())
                && Objects.equals(stored.referencePeriod(), finding.referencePeriod())
                && sameNumber(stored.changePercent(), finding.changePercent())
                && Objects.equals(stored.dueDate(), finding.dueDate());
    }

    private static boolean sameNumber(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    // data values (measurement's table, read-only)

    /**
     * The unit's total of the indicator for the period: the value recorded without a disaggregation
     * option or, when {@code addOptions} and there is none, the sum of the values recorded by
     * option (measurement refuses a total and a breakdown for the same unit and period; were both
     * stored, the total would count). Empty when the unit recorded nothing that counts.
     */
    Optional<BigDecimal> total(long indicatorId, long orgUnitId, String periodId, boolean addOptions) {
        // the total row when there is one, else every row (options only): max and sum of nothing are null
        String sql = addOptions ? """
                        select coalesce(max(case when option_key = 0 then value end), sum(value)) from data_value
                         where indicator_id = :indicator and org_unit_id = :unit and period_id = :period""" : """
                        select value from data_value
                         where indicator_id = :indicator and org_unit_id = :unit and period_id = :period
                           and option_key = 0""";
        return jdbc
                .sql(sql)
                .param("indicator", indicatorId)
                .param("unit", orgUnitId)
                .param("period", periodId)
                .query(BigDecimal.class)
                .list()
                .stream()
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** Whether the unit has any value (a total or an option) of the indicator for the period. */
    boolean hasValues(long indicatorId, long orgUnitId, String periodId) {
        return jdbc.sql("""
                        select count(*) from data_value
                         where indicator_id = :indicator and org_unit_id = :unit and period_id = :period""")
                        .param("indicator", indicatorId)
                        .param("unit", orgUnitId)
                        .param("period", periodId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The units that recorded a value of the indicator for a period of the type that started before {@code before}. */
    List<Long> unitsThatReported(long indicatorId, PeriodType type, LocalDate before) {
        return jdbc.sql("""
                        select distinct org_unit_id from data_value
                         where indicator_id = :indicator and period_type = :type and start_date < :before
                         order by org_unit_id""")
                .param("indicator", indicatorId)
                .param("type", type.name())
                .param("before", before)
                .query(Long.class)
                .list();
    }

    /** The units with any value (a total or an option) of the indicator for the period. */
    Set<Long> unitsWithValues(long indicatorId, String periodId) {
        return new HashSet<>(jdbc.sql("""
                        select distinct org_unit_id from data_value
                         where indicator_id = :indicator and period_id = :period""")
                .param("indicator", indicatorId)
                .param("period", periodId)
                .query(Long.class)
                .list());
    }
}
