package org.bluehelm.complaint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bluehelm.indicator.SmallCells;
import org.bluehelm.institution.InstitutionFilter;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.institution.InstitutionSummary;
import org.bluehelm.institution.OversightBodyFilter;
import org.bluehelm.institution.OversightBodyService;
import org.bluehelm.institution.OversightBodySummary;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.PeriodType;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The performance of oversight bodies over the cases in the user's scope (by the case's country),
 * per oversight body, institution complained about, or both, and per quarter or year.
 *
 * <p>One SQL query reads the few columns each case contributes (body, institution, received, closed,
 * outcome, referral, its result and when it was made) for the cases matching the filters; the figures
 * are then counted in Java, period by period. This keeps them identical on H2 and PostgreSQL (the
 * median in particular, and the period a timestamp falls in, always taken in UTC) and reads each case
 * once however many periods are asked for.
 *
 * <ul>
 *   <li>received: cases received in the period; open at end: received by the end of the period and
 *       not closed by then;
 *   <li>closed: cases closed in the period; median days to close: the median of their whole days
 *       (24-hour spans) from received to closed (the mean of the two middle ones for an even number);
 *   <li>substantiated share: substantiated ÷ (substantiated + unsubstantiated) closed in the period,
 *       in percent, one decimal; withdrawn and referred outcomes are left out;
 *   <li>referrals: cases referred in the period (the first move to REFERRED; for a case without that
 *       step, when it was closed), by kind, and the result each has so far (PENDING when none yet).
 * </ul>
 *
 * For users who must not see small cells ({@link SmallCells}) every count under 5 is suppressed, the
 * median when fewer than 5 cases closed, and the share when either of its counts is under 5.
 */
@Service
@Transactional(readOnly = true)
public class CasePerformanceService {

    /** What a row stands for. */
    public enum Grouping {
        BODY,
        INSTITUTION,
        BODY_AND_INSTITUTION
    }

    /** Most periods in one query. */
    static final int MAX_PERIODS = 40;

    static final List<String> RESULTS =
            List.of("PENDING", "SANCTIONED", "NO_ACTION", "CONVICTED", "ACQUITTED", "DISMISSED");

    private final JdbcClient jdbc;
    private final InstitutionService institutions;
    private final OversightBodyService bodies;
    private final Clock clock;

    CasePerformanceService(JdbcClient jdbc, InstitutionService institutions, OversightBodyService bodies) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.bodies = bodies;
        this.clock = Clock.systemUTC();
    }

    /** Which cases and periods: every filter is optional; periods default to the last 4 quarters (or 3 years). */
    public record Query(
            @Nullable String country,
            @Nullable Long oversightBodyId,
            @Nullable Long institutionId,
            @Nullable PeriodType periodType,
            @Nullable String from,
            @Nullable String to,
            @Nullable Grouping by) {}

    /** One case as the figures need it. */
    private record Case(
            @Nullable Long body,
            @Nullable Long institution,
            OffsetDateTime receivedAt,
            @Nullable OffsetDateTime closedAt,
            @Nullable String outcome,
            @Nullable String referral,
            @Nullable String referralResult,
            @Nullable OffsetDateTime referredAt,
            @Nullable LocalDate stageDue) {}

    /**
     * The figures for the query, in the scope given.
     *
     * @throws InvalidInputException naming the parameter at fault
     */
    public CasePerformance performance(Query query, AccessScope scope) {
        PeriodType type = query.periodType() == null ? PeriodType.QUARTERLY : query.periodType();
        Validation v = new Validation();
        if (type != PeriodType.QUARTERLY && type != PeriodType.YEARLY) {
            v.coded("periodType", "must be QUARTERLY or YEARLY", "complaint.error.periodType");
        }
        if (query.country() != null && !query.country().isBlank()) {
            v.iso3("country", query.country().strip());
        }
        v.throwIfInvalid();
        Period current = Period.day(LocalDate.now(clock)).rollUpTo(type);
        Period to = query.to() == null || query.to().isBlank() ? current : period("to", query.to(), type);
        Period from = query.from() == null || query.from().isBlank()
                ? back(to, type == PeriodType.QUARTERLY ? 3 : 2)
                : period("from", query.from(), type);
        if (from.startDate().isAfter(to.startDate())) {
            throw refused("to", "must not be before from", "complaint.error.toBeforeFrom");
        }
        List<Period> periods = new ArrayList<>();
        for (Period p = from; !p.startDate().isAfter(to.startDate()); p = next(p)) {
            periods.add(p);
            if (periods.size() > MAX_PERIODS) {
                throw refused(
                        "from", "at most " + MAX_PERIODS + " periods at once", "complaint.error.periods", MAX_PERIODS);
            }
        }
        Grouping by = query.by() == null ? Grouping.BODY : query.by();
        List<Case> cases = cases(query, scope, end(to));
        Map<Long, String> bodyNames = bodyNames();
        Map<Long, String> institutionNames = institutionNames();
        boolean suppress = !SmallCells.visibleToCurrentUser();

        List<CasePerformance.Row> rows = new ArrayList<>();
        for (Period period : periods) {
            OffsetDateTime start = start(period);
            OffsetDateTime end = end(period);
            Map<List<@Nullable Long>, List<Case>> groups = new LinkedHashMap<>();
            for (Case c : cases) {
                if (c.receivedAt().isBefore(end)) {
                    List<@Nullable Long> key = new ArrayList<>(2);
                    key.add(by == Grouping.INSTITUTION ? null : c.body());
                    key.add(by == Grouping.BODY ? null : c.institution());
                    groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
                }
            }
            groups.forEach((key, group) -> {
                CasePerformance.Row row =
                        row(period, key.get(0), key.get(1), group, start, end, suppress, bodyNames, institutionNames);
                if (row != null) {
                    rows.add(row);
                }
            });
        }
        Comparator<@Nullable String> names = Comparator.nullsLast(Comparator.naturalOrder());
        rows.sort(Comparator.comparing(CasePerformance.Row::period)
                .thenComparing(CasePerformance.Row::oversightBody, names)
                .thenComparing(CasePerformance.Row::institution, names));
        return new CasePerformance(type, from.id(), to.id(), by, suppress, rows);
    }

    /**
     * The accountability statistics of a country for the public, by year (from {@code fromYear} to
     * {@code toYear}) and institution complained about, with an all-institutions row first in each
     * year: every case of the country whoever asks, and every count under {@link
     * SmallCells#DEFAULT_THRESHOLD} suppressed whoever asks (with the figures resting on it). A year
     * without any case has no rows.
     *
     * @throws InvalidInputException naming {@code country} or {@code from}
     */
    public List<AccountabilityStatistic> publicStatistics(String country, int fromYear, int toYear) {
        Validation v = new Validation();
        v.iso3("country", country);
        if (fromYear > toYear || toYear - fromYear >= MAX_PERIODS) {
            v.coded(
                    "from",
                    "give at most " + MAX_PERIODS + " years, the first not after the last",
                    "complaint.error.years",
                    MAX_PERIODS);
        }
        v.throwIfInvalid();
        Period to = Period.parse(String.valueOf(toYear));
        List<Case> cases = cases(
                new Query(country, null, null, PeriodType.YEARLY, null, null, Grouping.INSTITUTION),
                AccessScope.SYSTEM,
                end(to));
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("select i.id, i.name from institution i where i.country_code = :country")
                .param("country", country.toUpperCase(java.util.Locale.ROOT))
                .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
                .list();
        LocalDate today = LocalDate.now(clock);
        List<AccountabilityStatistic> rows = new ArrayList<>();
        for (int year = fromYear; year <= toYear; year++) {
            Period period = Period.parse(String.valueOf(year));
            OffsetDateTime start = start(period);
            OffsetDateTime end = end(period);
            Map<Long, List<Case>> byInstitution = new java.util.TreeMap<>();
            List<Case> unnamed = new ArrayList<>();
            List<Case> all = new ArrayList<>();
            for (Case c : cases) {
                if (c.receivedAt().isBefore(end)) {
                    all.add(c);
                    if (c.institution() == null) {
                        unnamed.add(c);
                    } else {
                        byInstitution
                                .computeIfAbsent(c.institution(), k -> new ArrayList<>())
                                .add(c);
                    }
                }
            }
            List<AccountabilityStatistic> ofYear = new ArrayList<>();
            statistic(period, null, null, false, all, start, end, today).ifPresent(ofYear::add);
            byInstitution.forEach((id, group) -> statistic(
                            period, id, names.getOrDefault(id, "#" + id), false, group, start, end, today)
                    .ifPresent(ofYear::add));
            statistic(period, null, null, true, unnamed, start, end, today).ifPresent(ofYear::add);
            ofYear.subList(ofYear.isEmpty() ? 0 : 1, ofYear.size())
                    .sort(Comparator.comparing((AccountabilityStatistic r) -> r.unnamed())
                            .thenComparing(r -> Objects.requireNonNullElse(r.institution(), "")));
            rows.addAll(ofYear);
        }
        return rows;
    }

    private static java.util.Optional<AccountabilityStatistic> statistic(
            Period period,
            @Nullable Long institution,
            @Nullable String name,
            boolean unnamed,
            List<Case> group,
            OffsetDateTime start,
            OffsetDateTime end,
            LocalDate today) {
        CasePerformance.Row row = row(period, null, institution, group, start, end, true, Map.of(), Map.of());
        long received = 0;
        long overdue = 0;
        for (Case c : group) {
            if (within(c.receivedAt(), start, end)) {
                received++;
                if (c.closedAt() == null && c.stageDue() != null && c.stageDue().isBefore(today)) {
                    overdue++;
                }
            }
        }
        if (row == null || (received == 0 && !row.closed().suppressed() && isZero(row.closed()))) {
            return java.util.Optional.empty();
        }
        int t = SmallCells.DEFAULT_THRESHOLD;
        CasePerformance.Cell share = received < t || overdue < t
                ? CasePerformance.Cell.SUPPRESSED
                : figure(BigDecimal.valueOf(overdue * 100)
                        .divide(BigDecimal.valueOf(received), 1, RoundingMode.HALF_UP));
        return java.util.Optional.of(new AccountabilityStatistic(
                period.id(),
                institution,
                name,
                unnamed,
                row.received(),
                row.closed(),
                row.substantiated(),
                row.substantiatedShare(),
                row.medianDaysToClose(),
                count(overdue, true),
                share));
    }

    private static boolean isZero(CasePerformance.Cell cell) {
        return cell.value() != null && cell.value().signum() == 0;
    }

    /** The figures of one group in one period; null when it had nothing in the period. */
    private static CasePerformance.@Nullable Row row(
            Period period,
            @Nullable Long body,
            @Nullable Long institution,
            List<Case> group,
            OffsetDateTime start,
            OffsetDateTime end,
            boolean suppress,
            Map<Long, String> bodyNames,
            Map<Long, String> institutionNames) {
        long received = 0;
        long open = 0;
        long closed = 0;
        long substantiated = 0;
        long unsubstantiated = 0;
        long discipline = 0;
        long prosecution = 0;
        Map<String, Long> results = new LinkedHashMap<>();
        RESULTS.forEach(r -> results.put(r, 0L));
        List<Long> days = new ArrayList<>();
        for (Case c : group) {
            if (within(c.receivedAt(), start, end)) {
                received++;
            }
            if (c.closedAt() == null || !c.closedAt().isBefore(end)) {
                open++;
            }
            if (c.closedAt() != null && within(c.closedAt(), start, end)) {
                closed++;
                days.add(Duration.between(c.receivedAt(), c.closedAt()).toDays());
                if ("SUBSTANTIATED".equals(c.outcome())) {
                    substantiated++;
                } else if ("UNSUBSTANTIATED".equals(c.outcome())) {
                    unsubstantiated++;
                }
            }
            if (c.referral() != null && c.referredAt() != null && within(c.referredAt(), start, end)) {
                if ("DISCIPLINE".equals(c.referral())) {
                    discipline++;
                } else {
                    prosecution++;
                }
                results.merge(c.referralResult() == null ? "PENDING" : c.referralResult(), 1L, Long::sum);
            }
        }
        if (received + open + closed + discipline + prosecution == 0) {
            return null;
        }
        BigDecimal median = median(days);
        long decided = substantiated + unsubstantiated;
        BigDecimal share = decided == 0
                ? null
                : BigDecimal.valueOf(substantiated * 100).divide(BigDecimal.valueOf(decided), 1, RoundingMode.HALF_UP);
        int t = SmallCells.DEFAULT_THRESHOLD;
        Map<String, CasePerformance.Cell> resultCells = new LinkedHashMap<>();
        results.forEach((r, n) -> resultCells.put(r, count(n, suppress)));
        return new CasePerformance.Row(
                period.id(),
                body,
                body == null ? null : bodyNames.getOrDefault(body, "#" + body),
                institution,
                institution == null ? null : institutionNames.getOrDefault(institution, "#" + institution),
                count(received, suppress),
                count(open, suppress),
                count(closed, suppress),
                suppress && closed < t ? CasePerformance.Cell.SUPPRESSED : figure(median),
                count(substantiated, suppress),
                count(unsubstantiated, suppress),
                suppress && (substantiated < t || decided < t) ? CasePerformance.Cell.SUPPRESSED : figure(share),
                count(discipline, suppress),
                count(prosecution, suppress),
                resultCells);
    }

    /** The median of whole days: the middle one, or the mean of the two middle ones. */
    static @Nullable BigDecimal median(List<Long> days) {
        if (days.isEmpty()) {
            return null;
        }
        List<Long> sorted = days.stream().sorted().toList();
        int n = sorted.size();
        if (n % 2 == 1) {
            return BigDecimal.valueOf(sorted.get(n / 2));
        }
        BigDecimal sum = BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2));
        return sum.divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY).stripTrailingZeros();
    }

    private static CasePerformance.Cell count(long n, boolean suppress) {
        return suppress && n < SmallCells.DEFAULT_THRESHOLD
                ? CasePerformance.Cell.SUPPRESSED
                : CasePerformance.Cell.of(n);
    }

    private static CasePerformance.Cell figure(@Nullable BigDecimal value) {
        if (value == null) {
            return CasePerformance.Cell.NONE;
        }
        BigDecimal v = value.stripTrailingZeros();
        return new CasePerformance.Cell(v.scale() < 0 ? v.setScale(0) : v, false);
    }

    private List<Case> cases(Query query, AccessScope scope, OffsetDateTime before) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(CaseAccess.scopeCondition(scope, params));
        where.append(" and c.received_at < :before");
        params.put("before", before);
        if (query.country() != null && !query.country().isBlank()) {
            where.append(" and c.country_code = :country");
            params.put("country", query.country().strip().toUpperCase(java.util.Locale.ROOT));
        }
        if (query.oversightBodyId() != null) {
            where.append(" and c.oversight_body_id = :body");
            params.put("body", query.oversightBodyId());
        }
        if (query.institutionId() != null) {
            where.append(" and c.institution_id = :institution");
            params.put("institution", query.institutionId());
        }
        return jdbc.sql("""
                        select c.oversight_body_id, c.institution_id, c.received_at, c.closed_at, c.outcome,
                            c.referral, c.referral_result, c.state, c.stage_since, c.stage_due,
                            (select min(t.at) from complaint_transition t
                             where t.complaint_id = c.id and t.to_state = 'REFERRED') as referred_at
                        from complaint c""" + " where " + where)
                .params(params)
                .query((rs, n) -> {
                    OffsetDateTime closedAt = rs.getObject("closed_at", OffsetDateTime.class);
                    OffsetDateTime referredAt = rs.getObject("referred_at", OffsetDateTime.class);
                    if (referredAt == null && rs.getString("referral") != null) {
                        referredAt = "REFERRED".equals(rs.getString("state"))
                                ? rs.getObject("stage_since", OffsetDateTime.class)
                                : closedAt;
                    }
                    return new Case(
                            (Long) rs.getObject("oversight_body_id", Long.class),
                            (Long) rs.getObject("institution_id", Long.class),
                            Objects.requireNonNull(rs.getObject("received_at", OffsetDateTime.class)),
                            closedAt,
                            rs.getString("outcome"),
                            rs.getString("referral"),
                            rs.getString("referral_result"),
                            referredAt,
                            rs.getObject("stage_due", LocalDate.class));
                })
                .list();
    }

    /** The oversight bodies in the current user's scope by id (names for the rows and the filter). */
    public Map<Long, String> bodyNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        List<OversightBodySummary> list = bodies.list(
                        new OversightBodyFilter(null, null, null, null, null),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "name", Map.of("name", "b.name"), "name"))
                .items();
        list.forEach(b -> names.put(b.id(), b.name()));
        return names;
    }

    /** The institutions in the current user's scope by id. */
    public Map<Long, String> institutionNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        List<InstitutionSummary> list = institutions
                .list(
                        new InstitutionFilter(null, null, null, null, null),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "name", Map.of("name", "i.name"), "name"))
                .items();
        list.forEach(i -> names.put(i.id(), i.name()));
        return names;
    }

    private static boolean within(OffsetDateTime at, OffsetDateTime start, OffsetDateTime end) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    private static OffsetDateTime start(Period p) {
        return p.startDate().atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime end(Period p) {
        return p.endDate().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static Period next(Period p) {
        return Period.day(p.endDate().plusDays(1)).rollUpTo(p.type());
    }

    private static Period back(Period p, int steps) {
        Period q = p;
        for (int i = 0; i < steps; i++) {
            q = Period.day(q.startDate().minusDays(1)).rollUpTo(p.type());
        }
        return q;
    }

    private static Period period(String field, String text, PeriodType type) {
        Period p = Period.parse(field, text.strip());
        if (p.type() == type) {
            return p;
        }
        if (!p.type().finerThan(type)) {
            throw refused(
                    field,
                    "must be a period of type " + type + " (e.g. 2025Q1 or 2025)",
                    type == PeriodType.YEARLY ? "complaint.error.periodYearly" : "complaint.error.periodQuarterly");
        }
        return p.rollUpTo(type);
    }

    private static InvalidInputException refused(String field, String message, String code, Object... args) {
        return new InvalidInputException(List.of(new FieldProblem(field, message, code, List.of(args))));
    }

    /** The countries of the cases in the scope, for the country filter. */
    public List<String> countries(AccessScope scope) {
        Map<String, Object> params = new HashMap<>();
        String where = CaseAccess.scopeCondition(scope, params);
        return jdbc.sql("select distinct c.country_code from complaint c where c.country_code is not null and " + where
                        + " order by c.country_code")
                .params(params)
                .query(String.class)
                .list();
    }
}
