package org.bluehelm.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.bluehelm.measurement.DataValuesChanged;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.Chunks;
import org.bluehelm.shared.Databases;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.PeriodType;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the aggregate store (tables of V0011): applying the changes of a write to the
 * rollups in one set-based statement, rebuilding everything from {@code data_value}, and reading
 * cells. Only this class knows the tables; every statement is a fixed text with named parameters.
 */
@Component
class RollupStore {

    /** Largest IN list sent in one statement (PostgreSQL allows at most 65,535 parameters). */
    static final int CHUNK = 1000;

    private static final String COLUMNS = """
            indicator_id, period_type, org_unit_level, org_unit_id, period_id, option_key, start_date, end_date,
            mission_id, country_code, value_sum, value_count""";

    private static final String KEY = "indicator_id, period_type, org_unit_level, org_unit_id, period_id, option_key";

    private static final String TOTAL_KEY = "indicator_id, period_type, org_unit_level, org_unit_id, period_id";

    private static final String TOTAL_COLUMNS =
            TOTAL_KEY + ", start_date, end_date, mission_id, country_code, value_sum, value_count";

    /**
     * The two tables of rollups: a cell per disaggregation option, and the cell's total over its
     * options (what most questions ask for, read without grouping). Every write adds to both.
     */
    private enum Table {
        CELLS("analytics_rollup", COLUMNS, KEY),
        TOTALS("analytics_rollup_total", TOTAL_COLUMNS, TOTAL_KEY);

        final String name;
        final String columns;
        final String key;

        Table(String name, String columns, String key) {
            this.name = name;
            this.columns = columns;
            this.key = key;
        }

        int keyColumns() {
            return key.split(", ").length;
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final boolean postgres;
    private final int levels;

    RollupStore(
            JdbcClient jdbc,
            JdbcTemplate template,
            DataSource dataSource,
            @Value("${bluehelm.analytics.rollup-levels:3}") int levels) {
        if (levels < 1 || levels > 20) {
            throw new IllegalArgumentException("bluehelm.analytics.rollup-levels must be between 1 and 20");
        }
        this.jdbc = jdbc;
        this.template = template;
        this.postgres = Databases.isPostgres(dataSource);
        this.levels = levels;
    }

    /**
     * The deepest level of the hierarchy that has rollups (3 by default: country, regions,
     * districts). Below it a unit's aggregates are read from the data values of its subtree:
     * units there hold few values each, so a rollup row would add up next to nothing while it
     * would cost every value written a row or more.
     */
    int levels() {
        return levels;
    }

    boolean postgres() {
        return postgres;
    }

    // ---- the hierarchy copy and the period map ----------------------------------------------

    /** The units (of those given) that the hierarchy copy does not know yet. */
    Set<Long> unknownUnits(Collection<Long> unitIds) {
        Set<Long> unknown = new HashSet<>(unitIds);
        for (List<Long> chunk : Chunks.of(List.copyOf(unitIds), CHUNK)) {
            unknown.removeAll(jdbc.sql("select org_unit_id from analytics_unit_ancestor"
                            + " where org_unit_id in (:ids) and ancestor_id = org_unit_id")
                    .param("ids", chunk)
                    .query(Long.class)
                    .list());
        }
        return unknown;
    }

    /** Adds units to the hierarchy copy from their materialised paths ({@code /1/7/42/}). */
    void addUnits(Map<Long, String> pathsByUnit) {
        List<Object[]> rows = new ArrayList<>();
        pathsByUnit.forEach((unit, path) -> {
            List<Long> ancestors = ancestorsOf(path);
            for (int i = 0; i < ancestors.size(); i++) {
                rows.add(new Object[] {unit, ancestors.get(i), i + 1});
            }
        });
        template.batchUpdate(
                "insert into analytics_unit_ancestor (org_unit_id, ancestor_id, ancestor_level) values (?, ?, ?)"
                        + " on conflict do nothing",
                rows);
    }

    /** The ids on a materialised path, from the root: {@code /1/7/42/} gives 1, 7, 42. */
    static List<Long> ancestorsOf(String path) {
        List<Long> ids = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.valueOf(part));
            }
        }
        return ids;
    }

    /** Makes sure that the period map holds every one of these periods. */
    void ensurePeriods(Collection<String> periodIds) {
        Set<String> missing = new HashSet<>(periodIds);
        for (List<String> chunk : Chunks.of(List.copyOf(periodIds), CHUNK)) {
            missing.removeAll(jdbc.sql("select distinct period_id from analytics_period_map where period_id in (:ids)")
                    .param("ids", chunk)
                    .query(String.class)
                    .list());
        }
        if (missing.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (String id : missing) {
            Period period = Period.parse(id);
            for (PeriodType type : PeriodType.values()) {
                if (type == period.type() || period.type().finerThan(type)) {
                    Period target = period.rollUpTo(type);
                    rows.add(new Object[] {id, type.name(), target.id(), target.startDate(), target.endDate()});
                }
            }
        }
        template.batchUpdate(
                "insert into analytics_period_map (period_id, target_type, target_id, target_start, target_end)"
                        + " values (?, ?, ?, ?, ?) on conflict do nothing",
                rows);
    }

    // ---- incremental maintenance ---------------------------------------------------------------

    /**
     * Adds the changes of one write to the rollups: the changes are fanned out in memory over
     * every ancestor (from the hierarchy copy) and every containing period, added up per rollup
     * cell, and the cells are added to the stored sums and counts with one batched statement, in
     * key order. The caller has made sure that their units and periods are known.
     */
    void apply(List<DataValuesChanged.Change> changes) {
        Set<Long> units = new HashSet<>();
        for (DataValuesChanged.Change c : changes) {
            units.add(c.orgUnitId());
        }
        Fanout fanout = new Fanout(ancestors(units));
        for (DataValuesChanged.Change c : changes) {
            BigDecimal delta = (c.newValue() == null ? BigDecimal.ZERO : c.newValue())
                    .subtract(c.oldValue() == null ? BigDecimal.ZERO : c.oldValue());
            int count = (c.newValue() == null ? 0 : 1) - (c.oldValue() == null ? 0 : 1);
            fanout.add(
                    c.indicatorId(),
                    c.orgUnitId(),
                    c.periodId(),
                    c.optionKey(),
                    delta,
                    count,
                    c.missionId(),
                    c.countryCode());
        }
        fanout.write();
    }

    /**
     * Adds the values of an import, staged by measurement in {@code value_staging} (every row
     * written, with the stored value it replaced), to the rollups. On PostgreSQL one statement
     * groups the staged rows, joined to their ancestors at the deepest level with rollups and to
     * their containing periods, into that level's cells, adds up each level above from the level
     * below (and the staged rows of its own units), and upserts every level's cells in key order. H2
     * runs such a statement slowly (each cell a MERGE step), so there the staged rows are read once
     * and fanned out in memory as single writes are. The caller has made sure that their units and
     * periods are known.
     */
    void applyStaged(long batchId) {
        if (!postgres) {
            Fanout fanout = new Fanout(ancestors(new HashSet<>(stagedUnits(batchId))));
            jdbc.sql("""
                            select indicator_id, org_unit_id, period_id, option_key, value - coalesce(old_value, 0),
                                   case when existing_id is null then 1 else 0 end, mission_id, country_code
                              from value_staging where batch_id = :batch""").param("batch", batchId).query(rs -> {
                fanout.add(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getBigDecimal(5),
                        rs.getInt(6),
                        rs.getObject(7, Long.class),
                        rs.getString(8));
            });
            fanout.write();
            return;
        }
        int deepest = jdbc.sql("""
                        select max(a.ancestor_level)
                          from value_staging s
                          join analytics_unit_ancestor a on a.org_unit_id = s.org_unit_id
                               and a.ancestor_id = s.org_unit_id
                         where s.batch_id = :batch""")
                .param("batch", batchId)
                .query(Integer.class)
                .optional()
                .orElse(0);
        int top = Math.min(deepest, levels);
        if (top < 1) {
            return;
        }
        // The deepest level's cells are grouped from the staged rows, each level above from the
        // cells of the level below plus the staged rows of its own units: a million staged rows
        // with three periods each are grouped once, not once per level. The cells of every level
        // are then added with one statement.
        StringBuilder source = new StringBuilder("with ").append(levelCells(top, true));
        for (int level = top - 1; level >= 1; level--) {
            source.append(",\n").append(levelCells(level, false));
        }
        List<String> all = new ArrayList<>();
        for (int level = 1; level <= top; level++) {
            all.add("select * from l" + level);
        }
        source.append("\n").append(String.join("\nunion all\n", all));
        // Group the staged rows by hashing them in memory: PostgreSQL cannot know how few cells
        // the upper levels have, expects a group per row, and would sort every row on disk.
        jdbc.sql("set local work_mem = '256MB'").update();
        jdbc.sql("set local enable_sort = off").update();
        addFrom(source.toString(), Map.of("batch", batchId));
        jdbc.sql("set local enable_sort = on").update();
    }

    /**
     * The rollup cells of one level (a common table expression {@code l<level>}) for the staged
     * rows of an import, with their containing periods: at the deepest level, every staged row
     * through its unit's ancestor at that level; above it, the staged rows of the level's own
     * units and the cells of the level below ({@code l<level + 1>}), each with its unit's parent
     * (found through the units below it: the hierarchy copy lists the units that have values, not
     * necessarily their ancestors); grouped by cell.
     */
    private static String levelCells(int level, boolean deepest) {
        String units = "a.org_unit_id = s.org_unit_id and a.ancestor_level = " + level
                + (deepest ? "" : " and a.ancestor_id = s.org_unit_id");
        String staged = """
                select s.indicator_id, p.target_type as period_type, a.ancestor_id as org_unit_id,
                       p.target_id as period_id, s.option_key, p.target_start as start_date, p.target_end as end_date,
                       s.mission_id, s.country_code, s.value - coalesce(s.old_value, 0) as value_sum,
                       case when s.existing_id is null then 1 else 0 end as value_count
                  from value_staging s
                  join analytics_unit_ancestor a on %s
                  join analytics_period_map p on p.period_id = s.period_id
                 where s.batch_id = :batch""".formatted(units);
        String rows = deepest ? staged : """
                select c.indicator_id, c.period_type, u.parent_id as org_unit_id, c.period_id, c.option_key, c.start_date,
                       c.end_date, c.mission_id, c.country_code, c.value_sum, c.value_count
                  from %s c
                  join (select distinct child.ancestor_id as child_id, parent.ancestor_id as parent_id
                          from analytics_unit_ancestor child
                          join analytics_unit_ancestor parent on parent.org_unit_id = child.org_unit_id
                               and parent.ancestor_level = %d
                         where child.ancestor_level = %d) u on u.child_id = c.org_unit_id
                union all
                %s""".formatted("l" + (level + 1), level, level + 1, staged);
        return """
                l%d (%s) as materialized (
                select x.indicator_id, x.period_type, %d, x.org_unit_id, x.period_id, x.option_key, min(x.start_date),
                       max(x.end_date), max(x.mission_id), max(x.country_code), sum(x.value_sum),
                       cast(sum(x.value_count) as bigint)
                  from (%s) x
                 group by x.indicator_id, x.period_type, x.org_unit_id, x.period_id, x.option_key
                having sum(x.value_sum) <> 0 or sum(x.value_count) <> 0)""".formatted(level, COLUMNS, level, rows);
    }

    /** The distinct units and periods of an import's staged rows. */
    List<Long> stagedUnits(long batchId) {
        return jdbc.sql("select distinct org_unit_id from value_staging where batch_id = :batch")
                .param("batch", batchId)
                .query(Long.class)
                .list();
    }

    /** Every period a value of this period counts in: itself and each coarser type. */
    private static Period[] containingPeriods(String periodId) {
        Period period = Period.parse(periodId);
        List<Period> targets = new ArrayList<>();
        for (PeriodType type : PeriodType.values()) {
            if (type == period.type() || period.type().finerThan(type)) {
                targets.add(period.rollUpTo(type));
            }
        }
        return targets.toArray(Period[]::new);
    }

    /** Each unit's ancestors (itself included) as {ancestor id, level}, from the hierarchy copy. */
    private Map<Long, long[][]> ancestors(Set<Long> units) {
        Map<Long, List<long[]>> found = new HashMap<>();
        for (List<Long> chunk : Chunks.of(List.copyOf(units), CHUNK)) {
            jdbc.sql("select org_unit_id, ancestor_id, ancestor_level from analytics_unit_ancestor"
                            + " where org_unit_id in (:ids)")
                    .param("ids", chunk)
                    .query((java.sql.ResultSet rs) -> {
                        found.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new long[] {rs.getLong(2), rs.getInt(3)});
                    });
        }
        Map<Long, long[][]> ancestors = new HashMap<>();
        found.forEach((unit, list) -> ancestors.put(unit, list.toArray(long[][]::new)));
        return ancestors;
    }

    /**
     * The changes of one write fanned out in memory over every ancestor with rollups (from the
     * hierarchy copy) and every containing period, added up per rollup cell and per total.
     */
    private final class Fanout {
        private final Map<Long, long[][]> ancestors;
        private final Map<String, Period[]> periods = new HashMap<>();
        private final Map<DeltaKey, Delta> cells = new HashMap<>();
        private final Map<DeltaKey, Delta> totals = new HashMap<>();

        Fanout(Map<Long, long[][]> ancestors) {
            this.ancestors = ancestors;
        }

        void add(
                long indicatorId,
                long orgUnitId,
                String periodId,
                long optionKey,
                BigDecimal delta,
                int count,
                @Nullable Long missionId,
                @Nullable String countryCode) {
            if (delta.signum() == 0 && count == 0) {
                return;
            }
            long[][] up = ancestors.get(orgUnitId);
            if (up == null) {
                throw new IllegalStateException("unit " + orgUnitId + " is not in the hierarchy copy");
            }
            for (Period target : periods.computeIfAbsent(periodId, RollupStore::containingPeriods)) {
                for (long[] ancestor : up) {
                    if (ancestor[1] > levels) {
                        continue;
                    }
                    DeltaKey total = new DeltaKey(
                            indicatorId, target.type().name(), (int) ancestor[1], ancestor[0], target.id(), 0);
                    DeltaKey cell = optionKey == 0 ? total : total.withOption(optionKey);
                    cells.computeIfAbsent(cell, k -> new Delta(target)).add(delta, count, missionId, countryCode);
                    totals.computeIfAbsent(total, k -> new Delta(target)).add(delta, count, missionId, countryCode);
                }
            }
        }

        /** Adds the cells, then the totals, each in key order (the order rows are locked in). */
        void write() {
            addAll(Table.CELLS, rows(cells, true));
            addAll(Table.TOTALS, rows(totals, false));
        }

        private static List<Object[]> rows(Map<DeltaKey, Delta> deltas, boolean withOption) {
            List<Map.Entry<DeltaKey, Delta>> sorted = new ArrayList<>(deltas.entrySet());
            sorted.sort(Map.Entry.comparingByKey());
            List<Object[]> rows = new ArrayList<>(sorted.size());
            for (Map.Entry<DeltaKey, Delta> e : sorted) {
                DeltaKey k = e.getKey();
                Delta d = e.getValue();
                List<Object> row = new ArrayList<>(12);
                row.addAll(List.of(k.indicatorId(), k.periodType(), k.level(), k.orgUnitId(), k.periodId()));
                if (withOption) {
                    row.add(k.optionKey());
                }
                row.add(java.sql.Date.valueOf(d.period.startDate()));
                row.add(java.sql.Date.valueOf(d.period.endDate()));
                row.add(d.missionId);
                row.add(d.countryCode);
                row.add(d.sum);
                row.add(d.count);
                rows.add(row.toArray());
            }
            return rows;
        }
    }

    /** The key of a rollup cell, ordered as the table's primary key (the order rows are locked in). */
    private record DeltaKey(
            long indicatorId, String periodType, int level, long orgUnitId, String periodId, long optionKey)
            implements Comparable<DeltaKey> {

        DeltaKey withOption(long option) {
            return new DeltaKey(indicatorId, periodType, level, orgUnitId, periodId, option);
        }

        @Override
        public int hashCode() {
            return mix(indicatorId, orgUnitId, periodId, optionKey * 31 + level * 7L + periodType.hashCode());
        }

        @Override
        public int compareTo(DeltaKey o) {
            int c = Long.compare(indicatorId, o.indicatorId);
            if (c == 0) {
                c = periodType.compareTo(o.periodType);
            }
            if (c == 0) {
                c = Integer.compare(level, o.level);
            }
            if (c == 0) {
                c = Long.compare(orgUnitId, o.orgUnitId);
            }
            if (c == 0) {
                c = periodId.compareTo(o.periodId);
            }
            return c != 0 ? c : Long.compare(optionKey, o.optionKey);
        }
    }

    /** The sum and count to add to one cell, with the scope columns (the largest, as the SQL rebuild keeps). */
    private static final class Delta {
        private final Period period;
        private BigDecimal sum = BigDecimal.ZERO;
        private long count;
        private @Nullable Long missionId;
        private @Nullable String countryCode;

        Delta(Period period) {
            this.period = period;
        }

        void add(BigDecimal value, int n, @Nullable Long mission, @Nullable String country) {
            sum = sum.add(value);
            count += n;
            if (mission != null && (missionId == null || mission > missionId)) {
                missionId = mission;
            }
            if (country != null && (countryCode == null || country.compareTo(countryCode) > 0)) {
                countryCode = country;
            }
        }
    }

    /**
     * Adds rows (a table's columns in order, sorted by key, one row per key) to its stored rows in
     * batches: an upsert on PostgreSQL (safe when two transactions add to the same new cell); on
     * H2 an update of the stored rows, then an insert of those that had none.
     */
    private void addAll(Table table, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String placeholders = String.join(", ", Collections.nCopies(rows.get(0).length, "?"));
        String insert = "insert into " + table.name + " (" + table.columns + ") values (" + placeholders + ")";
        if (postgres) {
            template.batchUpdate(
                    insert + " on conflict (" + table.key + ") do update"
                            + " set value_sum = " + table.name + ".value_sum + excluded.value_sum,"
                            + " value_count = " + table.name + ".value_count + excluded.value_count",
                    rows);
            return;
        }
        int keys = table.keyColumns();
        List<Object[]> updates = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Object[] u = new Object[keys + 2];
            u[0] = r[r.length - 2];
            u[1] = r[r.length - 1];
            System.arraycopy(r, 0, u, 2, keys);
            updates.add(u);
        }
        int[] updated = template.batchUpdate(
                "update " + table.name + " set value_sum = value_sum + ?, value_count = value_count + ? where "
                        + String.join(" = ? and ", table.key.split(", ")) + " = ?",
                updates);
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] == 0) {
                inserts.add(rows.get(i));
            }
        }
        if (!inserts.isEmpty()) {
            template.batchUpdate(insert, inserts);
        }
    }

    /** The totals over the options of rollup rows (a source of the rollup columns in order). */
    private static String totalsOf(String source) {
        return "select indicator_id, period_type, org_unit_level, org_unit_id, period_id, min(start_date),"
                + " max(end_date), max(mission_id), max(country_code), sum(value_sum), sum(value_count)\n"
                + " from (" + source + ") x (" + COLUMNS + ")\n"
                + " group by " + TOTAL_KEY;
    }

    /**
     * Adds the rows of a query (selecting the rollup columns in order) to the stored rollups and
     * their totals: an upsert on PostgreSQL (safe when two transactions add to the same new cell),
     * a MERGE on H2. Rows are locked in key order, cells before totals, so that concurrent writers
     * do not deadlock.
     */
    private void addFrom(String source, Map<String, ?> params) {
        if (postgres) {
            // The cells are grouped first (a materialised CTE, so the planner can hash them) and
            // only the groups are sorted into key order.
            jdbc.sql("with source (" + COLUMNS + ") as materialized (\n" + source + "\n),\n"
                            + "cells as (insert into analytics_rollup (" + COLUMNS + ")\n"
                            + " select * from source order by 1, 2, 3, 4, 5, 6\n"
                            + " on conflict (" + KEY + ") do update"
                            + " set value_sum = analytics_rollup.value_sum + excluded.value_sum,"
                            + " value_count = analytics_rollup.value_count + excluded.value_count)\n"
                            + "insert into analytics_rollup_total (" + TOTAL_COLUMNS + ")\n"
                            + totalsOf("select * from source") + "\n order by 1, 2, 3, 4, 5\n"
                            + " on conflict (" + TOTAL_KEY + ") do update"
                            + " set value_sum = analytics_rollup_total.value_sum + excluded.value_sum,"
                            + " value_count = analytics_rollup_total.value_count + excluded.value_count")
                    .params(params)
                    .update();
            return;
        }
        jdbc.sql(merge(Table.CELLS, source)).params(params).update();
        jdbc.sql(merge(Table.TOTALS, totalsOf(source))).params(params).update();
    }

    private static String merge(Table table, String source) {
        List<String> key = List.of(table.key.split(", "));
        List<String> columns = List.of(table.columns.split(",\\s*"));
        return "merge into " + table.name + " r using (" + source + ") s (" + table.columns + ")\n on ("
                + String.join(
                        " and ", key.stream().map(c -> "r." + c + " = s." + c).toList()) + ")\n"
                + " when matched then update set value_sum = r.value_sum + s.value_sum,"
                + " value_count = r.value_count + s.value_count\n"
                + " when not matched then insert (" + table.columns + ") values ("
                + String.join(", ", columns.stream().map(c -> "s." + c).toList()) + ")";
    }

    void deleteIndicator(long indicatorId) {
        for (Table table : Table.values()) {
            jdbc.sql("delete from " + table.name + " where indicator_id = :id")
                    .param("id", indicatorId)
                    .update();
        }
    }

    /**
     * Moves a unit's subtree in the rollups and the hierarchy copy: the subtree's values are taken
     * from the ancestors it left and added to the ones it joined (each with one statement over the
     * subtree's data values), and when the subtree changes level its own rows are built again at
     * their new levels (moves are rare; this reads the subtree's values, never the whole store).
     */
    void moveUnit(long unitId, String oldPath, String newPath) {
        List<Long> oldAncestors = ancestorsOf(oldPath);
        List<Long> newAncestors = ancestorsOf(newPath);
        int oldLevel = oldAncestors.size();
        int shift = newAncestors.size() - oldLevel;
        oldAncestors = oldAncestors.subList(0, oldAncestors.size() - 1);
        newAncestors = newAncestors.subList(0, newAncestors.size() - 1);
        for (int i = 0; i < oldAncestors.size() && i < levels; i++) {
            if (i >= newAncestors.size() || !oldAncestors.get(i).equals(newAncestors.get(i))) {
                addSubtreeValues(unitId, oldAncestors.get(i), i + 1, -1);
            }
        }
        for (int i = 0; i < newAncestors.size() && i < levels; i++) {
            if (i >= oldAncestors.size() || !oldAncestors.get(i).equals(newAncestors.get(i))) {
                addSubtreeValues(unitId, newAncestors.get(i), i + 1, 1);
            }
        }
        // the units with values in the subtree, and every unit of the subtree above one of them
        List<Long> subtree = jdbc.sql("select org_unit_id from analytics_unit_ancestor where ancestor_id = :id")
                .param("id", unitId)
                .query(Long.class)
                .list();
        List<Long> members = jdbc.sql("""
                        select distinct a.ancestor_id from analytics_unit_ancestor a
                         where a.ancestor_level >= :level
                           and a.org_unit_id in (select org_unit_id from analytics_unit_ancestor where ancestor_id = :id)""")
                .param("level", oldLevel)
                .param("id", unitId)
                .query(Long.class)
                .list();
        for (List<Long> chunk : Chunks.of(subtree, CHUNK)) {
            jdbc.sql("delete from analytics_unit_ancestor where org_unit_id in (:units) and ancestor_level < :level")
                    .param("units", chunk)
                    .param("level", oldLevel)
                    .update();
            if (shift != 0) {
                jdbc.sql("update analytics_unit_ancestor set ancestor_level = ancestor_level + :shift"
                                + " where org_unit_id in (:units)")
                        .param("shift", shift)
                        .param("units", chunk)
                        .update();
            }
            List<Object[]> rows = new ArrayList<>();
            for (Long unit : chunk) {
                for (int i = 0; i < newAncestors.size(); i++) {
                    rows.add(new Object[] {unit, newAncestors.get(i), i + 1});
                }
            }
            template.batchUpdate(
                    "insert into analytics_unit_ancestor (org_unit_id, ancestor_id, ancestor_level) values (?, ?, ?)",
                    rows);
        }
        if (shift != 0) {
            for (List<Long> chunk : Chunks.of(members, CHUNK)) {
                for (Table table : Table.values()) {
                    jdbc.sql("delete from " + table.name + " where org_unit_id in (:units)")
                            .param("units", chunk)
                            .update();
                }
                buildSubtrees(chunk);
            }
        }
    }

    /**
     * Adds (sign 1) or subtracts (sign -1) the data values of a unit's subtree, as the hierarchy
     * copy stands, to the rollups of one ancestor.
     */
    private void addSubtreeValues(long unitId, long ancestorId, int ancestorLevel, int sign) {
        String source = """
                select d.indicator_id, m.target_type, cast(:ancestorLevel as integer) as org_unit_level,
                       cast(:ancestor as bigint) as org_unit_id, m.target_id, d.option_key, m.target_start,
                       m.target_end, max(d.mission_id), max(d.country_code),
                       sum(d.value) * cast(:sign as integer), count(*) * cast(:sign as integer)
                  from data_value d
                  join analytics_unit_ancestor a on a.org_unit_id = d.org_unit_id and a.ancestor_id = :unit
                  join analytics_period_map m on m.period_id = d.period_id
                 group by d.indicator_id, m.target_type, m.target_id, d.option_key, m.target_start, m.target_end""";
        addFrom(source, Map.of("ancestorLevel", ancestorLevel, "ancestor", ancestorId, "sign", sign, "unit", unitId));
    }

    /** Builds the rollups of these units (which have none) at their levels, from their subtrees' values. */
    private void buildSubtrees(List<Long> unitIds) {
        String source = """
                select d.indicator_id, m.target_type, a.ancestor_level, a.ancestor_id, m.target_id, d.option_key,
                       m.target_start, m.target_end, max(d.mission_id), max(d.country_code), sum(d.value), count(*)
                  from data_value d
                  join analytics_unit_ancestor a on a.org_unit_id = d.org_unit_id
                  join analytics_period_map m on m.period_id = d.period_id
                 where a.ancestor_id in (:units) and a.ancestor_level <= :levels
                 group by d.indicator_id, m.target_type, a.ancestor_level, a.ancestor_id, m.target_id, d.option_key,
                          m.target_start, m.target_end""";
        addFrom(source, Map.of("units", unitIds, "levels", levels));
    }

    // ---- rebuild -------------------------------------------------------------------------------

    /** Empties every analytics table (before a rebuild). */
    void clear() {
        if (postgres) {
            // For this transaction only: group millions of rows by hashing in memory. PostgreSQL
            // underestimates the number of groups and would sort them instead, comparing period
            // ids with the database's collation, which is several times slower.
            jdbc.sql("set local work_mem = '512MB'").update();
            jdbc.sql("set local enable_sort = off").update();
        }
        for (String table : List.of(
                "analytics_rollup", "analytics_rollup_total", "analytics_unit_ancestor", "analytics_period_map")) {
            // TRUNCATE is transactional on PostgreSQL (and locks out writers until the rebuild commits);
            // on H2 it would commit the open transaction, so H2 deletes.
            jdbc.sql((postgres ? "truncate table " : "delete from ") + table).update();
        }
    }

    List<String> storedPeriods() {
        return jdbc.sql("select distinct period_id from data_value")
                .query(String.class)
                .list();
    }

    int deepestLevel() {
        Integer level = jdbc.sql("select max(ancestor_level) from analytics_unit_ancestor")
                .query(Integer.class)
                .single();
        return level == null ? 0 : level;
    }

    List<Long> storedIndicators() {
        return jdbc.sql("select distinct indicator_id from data_value order by indicator_id")
                .query(Long.class)
                .list();
    }

    /**
     * Builds the rollups of one indicator for the units at one level from their own values and from
     * the rollups of the level below (built just before), so each value is read once and each level
     * only once; at the deepest level with rollups ({@code bottom}), from the values of the units'
     * whole subtrees, then their totals from those rows. One indicator at a time keeps the groups
     * of a statement in memory. Returns the rows written to both tables.
     */
    long buildLevel(long indicator, int level, boolean bottom) {
        String values = """
                        select d.indicator_id, m.target_type as period_type, u.ancestor_id as org_unit_id,
                               m.target_id as period_id, d.option_key, m.target_start as start_date,
                               m.target_end as end_date, d.mission_id, d.country_code, d.value as value_sum,
                               1 as value_count
                          from data_value d
                          join analytics_unit_ancestor u on u.org_unit_id = d.org_unit_id
                               and u.ancestor_level = :level""" + (bottom ? "" : " and u.ancestor_id = d.org_unit_id") + """

                          join analytics_period_map m on m.period_id = d.period_id
                         where d.indicator_id = :indicator""";
        String below = bottom ? "" : """

                        union all
                        select r.indicator_id, r.period_type, p.ancestor_id, r.period_id, r.option_key, r.start_date,
                               r.end_date, r.mission_id, r.country_code, r.value_sum, r.value_count
                          from analytics_rollup r
                          join analytics_unit_ancestor p on p.org_unit_id = r.org_unit_id and p.ancestor_level = :level
                         where r.indicator_id = :indicator and r.org_unit_level = :below and r.value_count > 0""";
        String source = """
                select indicator_id, period_type, cast(:level as integer) as org_unit_level, org_unit_id, period_id, option_key,
                       start_date, end_date, max(mission_id) as mission_id, max(country_code) as country_code,
                       sum(value_sum) as value_sum, sum(value_count) as value_count
                  from (""" + values + below + """
                ) x
                 group by indicator_id, period_type, org_unit_id, period_id, option_key, start_date, end_date""";
        JdbcClient.StatementSpec statement = jdbc.sql("insert into analytics_rollup (" + COLUMNS + ")\n" + source)
                .param("indicator", indicator)
                .param("level", level);
        if (!bottom) {
            statement = statement.param("below", level + 1);
        }
        long rows = statement.update();
        return rows
                + jdbc.sql("insert into analytics_rollup_total (" + TOTAL_COLUMNS + ")\n"
                                + totalsOf("select " + COLUMNS + " from analytics_rollup"
                                        + " where indicator_id = :indicator and org_unit_level = :level"))
                        .param("indicator", indicator)
                        .param("level", level)
                        .update();
    }

    /**
     * Whether the stored rollups are those of the configured levels: none deeper (left by a larger
     * setting, or by versions that kept every level), and some at the deepest configured level
     * when values lie that deep (a smaller setting left none).
     */
    boolean keptAtConfiguredLevels() {
        boolean deeper = jdbc.sql("select count(*) from (select 1 from analytics_rollup where org_unit_level > :levels"
                                + " fetch first 1 rows only) x")
                        .param("levels", levels)
                        .query(Long.class)
                        .single()
                > 0;
        if (deeper) {
            return false;
        }
        boolean atLevel = jdbc.sql("select count(*) from (select 1 from analytics_rollup where org_unit_level = :levels"
                                + " fetch first 1 rows only) x")
                        .param("levels", levels)
                        .query(Long.class)
                        .single()
                > 0;
        if (atLevel) {
            return true;
        }
        return jdbc.sql("""
                                select count(*) from (select 1 from data_value d
                                  join analytics_unit_ancestor a on a.org_unit_id = d.org_unit_id
                                       and a.ancestor_level = :levels
                                 fetch first 1 rows only) x""").param("levels", levels).query(Long.class).single() == 0;
    }

    /** Brings the planner's figures for the hierarchy copy up to date (after many units were added). */
    void analyzeHierarchy() {
        if (postgres) {
            jdbc.sql("analyze analytics_unit_ancestor").update();
        }
    }

    void analyze() {
        if (postgres) {
            for (String table : List.of(
                    "analytics_rollup", "analytics_rollup_total", "analytics_unit_ancestor", "analytics_period_map")) {
                jdbc.sql("analyze " + table).update();
            }
        }
    }

    // ---- reading -------------------------------------------------------------------------------

    /**
     * A hash of a cell's key that spreads well. The records' own hash (31 * h + ...) collides
     * in bulk on this data: consecutive indicator and unit ids and period ids that differ in
     * one digit give equal sums, and the hash maps of a query degrade into trees.
     */
    static int mix(long indicator, long unit, String period, long option) {
        long h = indicator * 0x9E3779B97F4A7C15L;
        h = (h ^ unit) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ period.hashCode()) * 0x165667B19E3779F9L;
        h = (h ^ option) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** One cell of the store: the sum and count of the values of an indicator in a unit and period. */
    record Cell(long indicatorId, long orgUnitId, String periodId, long optionKey, BigDecimal sum, long count) {}

    /** Up to this many units are filtered in SQL; more are read for their whole level and filtered here. */
    static final int UNITS_IN_SQL = 50;

    /**
     * The stored cells of the indicators for units of one level and a range of periods of one type,
     * within the user's scope; options kept apart or added together; {@code unitIds} null for every
     * unit of the level. Options added together are read from the totals, one row per cell with
     * nothing to group. One statement for all the indicators, each of which is one contiguous range
     * of the primary key; H2 uses an index for an IN list on one column only, so it gets one branch
     * of a UNION ALL per indicator. A long list of units is filtered here rather than by an IN list
     * (which H2 checks row by row).
     */
    List<Cell> cells(
            Collection<Long> indicatorIds,
            int level,
            @Nullable List<Long> unitIds,
            PeriodType type,
            String fromPeriod,
            String toPeriod,
            boolean byOption,
            AccessScope scope) {
        if ((unitIds != null && unitIds.isEmpty()) || indicatorIds.isEmpty()) {
            return List.of();
        }
        if (level > levels) {
            return cellsFromValues(indicatorIds, level, unitIds, type, fromPeriod, toPeriod, byOption, scope);
        }
        AccessScope.Filter filter = scope.filter("r.mission_id", "r.country_code");
        boolean inSql = unitIds != null && unitIds.size() <= UNITS_IN_SQL;
        Set<Long> wanted = unitIds == null || inSql ? Set.of() : new HashSet<>(unitIds);
        Table table = byOption ? Table.CELLS : Table.TOTALS;
        String select = "select r.indicator_id, r.org_unit_id, r.period_id, " + (byOption ? "r.option_key" : "0")
                + ", r.value_sum, r.value_count"
                + " from " + table.name + " r"
                + " where r.period_type = :type and r.org_unit_level = :level"
                + " and r.period_id between :from and :to and r.value_count > 0"
                + (inSql ? " and r.org_unit_id in (:units)" : "")
                + " and " + filter.sql();
        List<Long> indicators = List.copyOf(indicatorIds);
        String sql;
        if (postgres) {
            sql = select + " and r.indicator_id in (:indicators)";
        } else {
            List<String> branches = new ArrayList<>();
            for (int i = 0; i < indicators.size(); i++) {
                branches.add(select + " and r.indicator_id = :indicator" + i);
            }
            sql = String.join("\n union all\n", branches);
        }
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .params(filter.params())
                .param("type", type.name())
                .param("level", level)
                .param("from", fromPeriod)
                .param("to", toPeriod);
        if (postgres) {
            statement = statement.param("indicators", indicators);
        } else {
            for (int i = 0; i < indicators.size(); i++) {
                statement = statement.param("indicator" + i, indicators.get(i));
            }
        }
        if (inSql) {
            statement = statement.param("units", unitIds);
        }
        List<Cell> cells = new ArrayList<>();
        statement.query(rs -> {
            long unit = rs.getLong(2);
            if (wanted.isEmpty() || wanted.contains(unit)) {
                cells.add(new Cell(
                        rs.getLong(1), unit, rs.getString(3), rs.getLong(4), rs.getBigDecimal(5), rs.getLong(6)));
            }
        });
        return cells;
    }

    /**
     * The cells of units below the deepest level with rollups, added up from the data values of
     * their subtrees (each unit's ancestor at the level, each value's containing period of the
     * type asked for), within the user's scope. Units there hold few values each, so this reads
     * about as many rows as rollups would.
     */
    private List<Cell> cellsFromValues(
            Collection<Long> indicatorIds,
            int level,
            @Nullable List<Long> unitIds,
            PeriodType type,
            String fromPeriod,
            String toPeriod,
            boolean byOption,
            AccessScope scope) {
        AccessScope.Filter filter = scope.filter("d.mission_id", "d.country_code");
        boolean inSql = unitIds != null && unitIds.size() <= UNITS_IN_SQL;
        Set<Long> wanted = unitIds == null || inSql ? Set.of() : new HashSet<>(unitIds);
        String option = byOption ? "d.option_key" : "0";
        String sql = "select d.indicator_id, a.ancestor_id, m.target_id, " + option + ", sum(d.value), count(*)"
                + " from data_value d"
                + " join analytics_unit_ancestor a on a.org_unit_id = d.org_unit_id and a.ancestor_level = :level"
                + " join analytics_period_map m on m.period_id = d.period_id and m.target_type = :type"
                + " where d.indicator_id in (:indicators) and m.target_id between :from and :to"
                + (inSql ? " and a.ancestor_id in (:units)" : "")
                + " and " + filter.sql()
                + " group by d.indicator_id, a.ancestor_id, m.target_id" + (byOption ? ", d.option_key" : "");
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .params(filter.params())
                .param("indicators", List.copyOf(indicatorIds))
                .param("level", level)
                .param("type", type.name())
                .param("from", fromPeriod)
                .param("to", toPeriod);
        if (inSql) {
            statement = statement.param("units", unitIds);
        }
        List<Cell> cells = new ArrayList<>();
        statement.query(rs -> {
            long unit = rs.getLong(2);
            if (wanted.isEmpty() || wanted.contains(unit)) {
                cells.add(new Cell(
                        rs.getLong(1), unit, rs.getString(3), rs.getLong(4), rs.getBigDecimal(5), rs.getLong(6)));
            }
        });
        return cells;
    }

    /**
     * LAST_VALUE cells, read from the data values: for every unit with values in the subtree of a
     * requested unit, the value of its latest period inside the requested period (per option, of
     * the total or the breakdown, whichever the unit recorded last), then added up over those units.
     */
    List<Cell> lastValueCells(
            long indicatorId,
            List<Long> unitIds,
            PeriodType type,
            String fromPeriod,
            String toPeriod,
            boolean byOption,
            AccessScope scope) {
        AccessScope.Filter filter = scope.filter("d.mission_id", "d.country_code");
        String option = byOption ? "x.option_key" : "0";
        String sql = "select x.ancestor_id, x.target_id, " + option
                + " as option_key, sum(x.value) as value_sum, count(*) as value_count"
                + " from (select a.ancestor_id, m.target_id, d.option_key, d.value,"
                + "              row_number() over (partition by a.ancestor_id, d.org_unit_id, m.target_id, d.option_key"
                + "                                 order by d.end_date desc, d.start_date desc) as rn,"
                // a unit's latest value says whether it records a total or a breakdown now: one that
                // recorded a total in January and a breakdown from March on has the breakdown's
                // latest values, never the two added up
                + "              case when d.option_key = 0 then 0 else 1 end as kind,"
                + "              first_value(case when d.option_key = 0 then 0 else 1 end) over"
                + "                  (partition by a.ancestor_id, d.org_unit_id, m.target_id"
                + "                   order by d.end_date desc, d.start_date desc) as latest_kind"
                + "         from data_value d"
                + "         join analytics_period_map m on m.period_id = d.period_id and m.target_type = :type"
                + "         join analytics_unit_ancestor a on a.org_unit_id = d.org_unit_id"
                + "        where d.indicator_id = :indicator and a.ancestor_id in (:units)"
                + "          and m.target_id between :from and :to and " + filter.sql() + ") x"
                + " where x.rn = 1 and x.kind = x.latest_kind"
                + " group by x.ancestor_id, x.target_id" + (byOption ? ", x.option_key" : "");
        List<Cell> cells = new ArrayList<>();
        for (List<Long> chunk : Chunks.of(unitIds, CHUNK)) {
            cells.addAll(jdbc.sql(sql)
                    .params(filter.params())
                    .param("indicator", indicatorId)
                    .param("type", type.name())
                    .param("units", chunk)
                    .param("from", fromPeriod)
                    .param("to", toPeriod)
                    .query((rs, n) -> new Cell(
                            indicatorId,
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getBigDecimal(4),
                            rs.getLong(5)))
                    .list());
        }
        return cells;
    }

    /**
     * The rollups and their totals (option key -1) as they stand, for comparing an incremental
     * store with a rebuilt one.
     */
    List<Map<String, @Nullable Object>> snapshot() {
        return jdbc.sql("select " + COLUMNS + " from analytics_rollup where value_count <> 0 union all select "
                        + COLUMNS.replace("option_key", "-1 as option_key")
                        + " from analytics_rollup_total where value_count <> 0 order by " + KEY)
                .query()
                .listOfRows();
    }
}
