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
 * The SQL of the aggregate store (V0011, V0040; kept in blocks of a year since V0050): adding the
 * changes of a write or an import to the rollup blocks (fanned out in memory, written in batches),
 * rebuilding everything from {@code data_value}, and reading cells (from the blocks, or through the
 * views {@code analytics_rollup} and {@code analytics_rollup_total} with a row per cell). Only this
 * class knows the tables; every statement is a fixed text with named parameters.
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
     * The two stores of rollups: a cell per disaggregation option, and the cell's total over its
     * options (what most questions ask for, read without grouping). Every write adds to both. Each
     * is a table of blocks (one row per year of a cell's periods, V0050) read through a view with
     * a row per cell.
     */
    private enum Table {
        CELLS("analytics_rollup_block", true),
        TOTALS("analytics_rollup_total_block", false);

        /** The table of blocks (its view with a row per cell has the name without {@code _block}). */
        final String blocks;
        /** The key of a block, in the order of the primary key. */
        final String key;
        /** The columns of a block, in order. */
        final String columns;

        Table(String blocks, boolean withOption) {
            this.blocks = blocks;
            this.key = "indicator_id, period_type, org_unit_level, org_unit_id" + (withOption ? ", option_key" : "")
                    + ", block_year";
            this.columns = key + ", mission_id, country_code, sums, counts";
        }

        int keyColumns() {
            return key.split(", ").length;
        }

        boolean withOption() {
            return this == CELLS;
        }
    }

    /** The number of slots of a block of the period type in column {@code column}. */
    private static String blockLength(String column) {
        StringBuilder sql = new StringBuilder("case ").append(column);
        for (PeriodType type : PeriodType.values()) {
            sql.append(" when '").append(type.name()).append("' then ").append(Period.blockLength(type));
        }
        return sql.append(" end").toString();
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    /** For reading many rows: fetched a thousand at a time rather than all at once. */
    private final JdbcTemplate streaming;

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
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
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
        Map<String, Object[]> targets = new HashMap<>();
        for (String id : missing) {
            for (Period target : containingPeriods(Period.parse(id))) {
                String type = target.type().name();
                rows.add(new Object[] {id, type, target.id(), target.startDate(), target.endDate()});
                targets.computeIfAbsent(target.id(), t -> new Object[] {
                    t, type, target.blockYear(), target.blockSlot(), target.startDate(), target.endDate()
                });
            }
        }
        template.batchUpdate(
                "insert into analytics_period_map (period_id, target_type, target_id, target_start, target_end)"
                        + " values (?, ?, ?, ?, ?) on conflict do nothing",
                rows);
        List<Object[]> periods = new ArrayList<>(targets.values());
        periods.sort((a, b) -> ((String) a[0]).compareTo((String) b[0]));
        template.batchUpdate(
                "insert into analytics_period (period_id, period_type, block_year, slot, start_date, end_date)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict do nothing",
                periods);
        if (postgres) {
            // the views of the rollups join this table: the planner needs its size
            jdbc.sql("analyze analytics_period").update();
        }
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
     * written, with the stored value it replaced), to the rollups: the staged rows are read once,
     * streamed, and fanned out in memory as single writes are, then each block is added with one
     * batched statement in key order. What is held is one block per rollup row touched (bounded by
     * the units of the upper levels, the indicators and the years, not by the rows imported). A
     * set-based statement that grouped the staged rows into cells in the database was 3 times
     * slower on PostgreSQL (docs/benchmarks.md, run 16). {@code units} are the staged rows' units
     * (the event's), which the caller has made sure are known, as their periods.
     */
    void applyStaged(long batchId, Collection<Long> units) {
        Fanout fanout = new Fanout(ancestors(new HashSet<>(units)));
        streaming.query(
                """
                select indicator_id, org_unit_id, period_id, option_key, value - coalesce(old_value, 0),
                       case when existing_id is null then 1 else 0 end, mission_id, country_code
                  from value_staging where batch_id = ?""",
                rs -> {
                    fanout.add(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getLong(4),
                            rs.getBigDecimal(5),
                            rs.getInt(6),
                            rs.getObject(7, Long.class),
                            rs.getString(8));
                },
                batchId);
        fanout.write();
        if (postgres && fanout.blocks() >= ANALYZE_FROM) {
            // the views of the rollups join the blocks to their periods: without the blocks'
            // statistics the planner takes a table of thousands of rows for one and loops over it
            jdbc.sql("analyze analytics_rollup_block").update();
            jdbc.sql("analyze analytics_rollup_total_block").update();
        }
    }

    /** A write of at least this many blocks renews the planner's statistics of the block tables. */
    private static final int ANALYZE_FROM = 10_000;

    /** Every period a value of this period counts in: itself and each coarser type. */
    private static Period[] containingPeriods(Period period) {
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
     * hierarchy copy) and every containing period, added up per rollup block and per total block.
     */
    private final class Fanout {
        private final Map<Long, long[][]> ancestors;
        private final Map<String, Period> sources = new HashMap<>();
        private final Map<String, Period[][]> targetsBySlot = new HashMap<>();
        /** The changes added up per unit's own block (level 0): one map operation per change. */
        private final Map<BlockKey, Block> own = new HashMap<>();

        private final Map<BlockKey, Block> cells = new HashMap<>();
        private final Map<BlockKey, Block> totals = new HashMap<>();

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
            if (!ancestors.containsKey(orgUnitId)) {
                throw new IllegalStateException("unit " + orgUnitId + " is not in the hierarchy copy");
            }
            Period period = sources.computeIfAbsent(periodId, Period::parse);
            own.computeIfAbsent(
                            new BlockKey(
                                    indicatorId, period.type().name(), 0, orgUnitId, optionKey, period.blockYear()),
                            k -> new Block(period.type()))
                    .add(period.blockSlot() - 1, delta, count, missionId, countryCode);
        }

        /**
         * Spreads each unit's own blocks over its ancestors with rollups and the periods containing
         * each slot, into the cells and totals: one map operation per block, ancestor and period
         * type rather than per change.
         */
        private void spread() {
            for (Map.Entry<BlockKey, Block> e : own.entrySet()) {
                BlockKey key = e.getKey();
                Block block = e.getValue();
                PeriodType type = PeriodType.valueOf(key.periodType());
                Period[][] targets = targetsBySlot.computeIfAbsent(
                        key.periodType() + key.year(), k -> containingPeriodsBySlot(type, key.year()));
                int kinds = PeriodType.values().length;
                for (long[] ancestor : ancestors.get(key.orgUnitId())) {
                    if (ancestor[1] > levels) {
                        continue;
                    }
                    Block[] cellOf = new Block[kinds];
                    Block[] totalOf = new Block[kinds];
                    int[] yearOf = new int[kinds];
                    for (int slot = 0; slot < block.length(); slot++) {
                        if (block.empty(slot)) {
                            continue;
                        }
                        for (Period target : targets[slot]) {
                            int kind = target.type().ordinal();
                            if (cellOf[kind] == null || yearOf[kind] != target.blockYear()) {
                                BlockKey total = new BlockKey(
                                        key.indicatorId(),
                                        target.type().name(),
                                        (int) ancestor[1],
                                        ancestor[0],
                                        0,
                                        target.blockYear());
                                BlockKey cell = key.optionKey() == 0 ? total : total.withOption(key.optionKey());
                                cellOf[kind] = cells.computeIfAbsent(cell, k -> new Block(target.type()));
                                totalOf[kind] = totals.computeIfAbsent(total, k -> new Block(target.type()));
                                yearOf[kind] = target.blockYear();
                            }
                            int at = target.blockSlot() - 1;
                            cellOf[kind].add(at, block, slot);
                            totalOf[kind].add(at, block, slot);
                        }
                    }
                }
            }
            own.clear();
        }

        int blocks() {
            return cells.size() + totals.size();
        }

        /** Adds the cells, then the totals, each in key order (the order rows are locked in). */
        void write() {
            spread();
            addAll(Table.CELLS, cells);
            addAll(Table.TOTALS, totals);
        }
    }

    /** For each slot of a block year of a type, the periods containing that slot's period (none for a slot the year lacks). */
    private static Period[][] containingPeriodsBySlot(PeriodType type, int year) {
        Period[][] targets = new Period[Period.blockLength(type)][];
        for (int slot = 1; slot <= targets.length; slot++) {
            Period period;
            try {
                period = Period.inBlock(type, year, slot);
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                targets[slot - 1] = new Period[0];
                continue;
            }
            targets[slot - 1] = containingPeriods(period);
        }
        return targets;
    }

    /** The key of a rollup block, ordered as the table's primary key (the order rows are locked in). */
    private record BlockKey(long indicatorId, String periodType, int level, long orgUnitId, long optionKey, int year)
            implements Comparable<BlockKey> {

        BlockKey withOption(long option) {
            return new BlockKey(indicatorId, periodType, level, orgUnitId, option, year);
        }

        @Override
        public int hashCode() {
            return mix(indicatorId, orgUnitId, periodType, optionKey * 31 + level * 7L + year * 131L);
        }

        @Override
        public int compareTo(BlockKey o) {
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
                c = Long.compare(optionKey, o.optionKey);
            }
            return c != 0 ? c : Integer.compare(year, o.year);
        }
    }

    /**
     * The sums and counts to add to one block, slot by slot, with the scope columns (the largest,
     * as the SQL rebuild keeps). Sums are kept in millionths (the rollups' scale) in longs while
     * they fit, which an import adds up millions of times (as decimals that was a third of its
     * fan-out, docs/benchmarks.md run 18); a slot whose sum leaves that range, or that is given a
     * value with more than six decimals, goes on as a decimal.
     */
    static final class Block {
        /** {@link #micros} of a value that is not a whole number of millionths below 10^12. */
        private static final long NOT_MICROS = Long.MIN_VALUE;

        private final long[] micros;
        private BigDecimal @Nullable [] large;
        private final long[] counts;
        private @Nullable Long missionId;
        private @Nullable String countryCode;

        Block(PeriodType type) {
            int length = Period.blockLength(type);
            micros = new long[length];
            counts = new long[length];
        }

        int length() {
            return counts.length;
        }

        void add(int slot, BigDecimal value, long n, @Nullable Long mission, @Nullable String country) {
            long m = micros(value);
            if (m == NOT_MICROS) {
                addLarge(slot, value);
            } else {
                addMicros(slot, m);
            }
            addCount(slot, n, mission, country);
        }

        /** Adds the slot {@code from} of another block at {@code slot}. */
        void add(int slot, Block other, int from) {
            addMicros(slot, other.micros[from]);
            if (other.large != null && other.large[from] != null) {
                addLarge(slot, other.large[from]);
            }
            addCount(slot, other.counts[from], other.missionId, other.countryCode);
        }

        /** Whether the slot adds nothing (no count, a sum of zero). */
        boolean empty(int slot) {
            return counts[slot] == 0
                    && micros[slot] == 0
                    && (large == null || large[slot] == null || large[slot].signum() == 0);
        }

        /** The sums to add, slot by slot. */
        BigDecimal[] sums() {
            BigDecimal[] sums = new BigDecimal[micros.length];
            for (int i = 0; i < sums.length; i++) {
                BigDecimal sum = micros[i] == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(micros[i], 6);
                sums[i] = large == null || large[i] == null ? sum : sum.add(large[i]);
            }
            return sums;
        }

        /**
         * The sums as PostgreSQL's text of an array ({@code {0,2.5,-4}}), written straight from the
         * millionths: creating a JDBC array of {@code BigDecimal}s for every block was a sixth of
         * an import's rollup writes (docs/benchmarks.md run 19).
         */
        String sumsText() {
            StringBuilder text = new StringBuilder(micros.length * 8).append('{');
            for (int i = 0; i < micros.length; i++) {
                if (i > 0) {
                    text.append(',');
                }
                if (large != null && large[i] != null) {
                    text.append(BigDecimal.valueOf(micros[i], 6).add(large[i]).toPlainString());
                } else {
                    appendMicros(text, micros[i]);
                }
            }
            return text.append('}').toString();
        }

        /** The counts as PostgreSQL's text of an array. */
        String countsText() {
            StringBuilder text = new StringBuilder(counts.length * 3).append('{');
            for (int i = 0; i < counts.length; i++) {
                if (i > 0) {
                    text.append(',');
                }
                text.append(counts[i]);
            }
            return text.append('}').toString();
        }

        /** Appends millionths as a decimal number: {@code 2500000} as {@code 2.5}. */
        private static void appendMicros(StringBuilder text, long m) {
            if (m == Long.MIN_VALUE) {
                text.append(BigDecimal.valueOf(m, 6).toPlainString());
                return;
            }
            if (m < 0) {
                text.append('-');
                m = -m;
            }
            text.append(m / 1_000_000);
            long fraction = m % 1_000_000;
            if (fraction != 0) {
                int digits = 6;
                while (fraction % 10 == 0) {
                    fraction /= 10;
                    digits--;
                }
                String f = Long.toString(fraction);
                text.append('.');
                for (int pad = f.length(); pad < digits; pad++) {
                    text.append('0');
                }
                text.append(f);
            }
        }

        private void addMicros(int slot, long m) {
            long sum = micros[slot] + m;
            if (((micros[slot] ^ sum) & (m ^ sum)) < 0) { // out of a long's range
                addLarge(slot, BigDecimal.valueOf(m, 6));
            } else {
                micros[slot] = sum;
            }
        }

        private void addLarge(int slot, BigDecimal value) {
            if (large == null) {
                large = new BigDecimal[micros.length];
            }
            large[slot] = large[slot] == null ? value : large[slot].add(value);
        }

        private void addCount(int slot, long n, @Nullable Long mission, @Nullable String country) {
            counts[slot] += n;
            if (mission != null && (missionId == null || mission > missionId)) {
                missionId = mission;
            }
            if (country != null && (countryCode == null || country.compareTo(countryCode) > 0)) {
                countryCode = country;
            }
        }

        /** The value in millionths when it is a whole number of them below 10^12, else {@link #NOT_MICROS}. */
        static long micros(BigDecimal value) {
            int scale = value.scale();
            if (scale > 6 || scale < 0 || value.precision() - scale > 12) {
                return NOT_MICROS;
            }
            return value.movePointRight(6).longValueExact();
        }

        Long[] boxedCounts() {
            Long[] boxed = new Long[counts.length];
            for (int i = 0; i < counts.length; i++) {
                boxed[i] = counts[i];
            }
            return boxed;
        }
    }

    /**
     * Adds blocks to the stored ones in key order, in batches: an upsert on PostgreSQL (safe when
     * two transactions add to the same new block); on H2 an update of the stored blocks, then an
     * insert of those that had none.
     */
    private void addAll(Table table, Map<BlockKey, Block> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        List<Map.Entry<BlockKey, Block>> sorted = new ArrayList<>(blocks.entrySet());
        sorted.sort(Map.Entry.comparingByKey());
        String sums = "cast(? as numeric(32, 6) array)";
        String counts = "cast(? as bigint array)";
        String insert = "insert into " + table.blocks + " (" + table.columns + ") values ("
                + String.join(", ", Collections.nCopies(table.keyColumns() + 2, "?")) + ", " + sums + ", " + counts
                + ")";
        template.execute((java.sql.Connection connection) -> {
            if (postgres) {
                try (java.sql.PreparedStatement upsert = connection.prepareStatement(insert + " on conflict ("
                        + table.key + ") do update set sums = rollup_add_numeric(" + table.blocks
                        + ".sums, excluded.sums), counts = rollup_add_count(" + table.blocks
                        + ".counts, excluded.counts)")) {
                    for (Map.Entry<BlockKey, Block> e : sorted) {
                        bindBlock(upsert, connection, table, e.getKey(), e.getValue(), true);
                        upsert.addBatch();
                    }
                    upsert.executeBatch();
                }
                return null;
            }
            int[] updated;
            try (java.sql.PreparedStatement update = connection.prepareStatement("update " + table.blocks
                    + " set sums = rollup_add_numeric(sums, " + sums + "), counts = rollup_add_count(counts, "
                    + counts + ") where " + String.join(" = ? and ", table.key.split(", ")) + " = ?")) {
                for (Map.Entry<BlockKey, Block> e : sorted) {
                    update.setArray(
                            1, connection.createArrayOf("numeric", e.getValue().sums()));
                    update.setArray(
                            2, connection.createArrayOf("int8", e.getValue().boxedCounts()));
                    bindKey(update, 3, table, e.getKey());
                    update.addBatch();
                }
                updated = update.executeBatch();
            }
            try (java.sql.PreparedStatement add = connection.prepareStatement(insert)) {
                boolean any = false;
                for (int i = 0; i < sorted.size(); i++) {
                    if (updated[i] == 0) {
                        bindBlock(
                                add,
                                connection,
                                table,
                                sorted.get(i).getKey(),
                                sorted.get(i).getValue(),
                                false);
                        add.addBatch();
                        any = true;
                    }
                }
                if (any) {
                    add.executeBatch();
                }
            }
            return null;
        });
    }

    /** Binds a block's columns in order, from parameter 1; its arrays as text on PostgreSQL ({@code asText}). */
    private static void bindBlock(
            java.sql.PreparedStatement statement,
            java.sql.Connection connection,
            Table table,
            BlockKey key,
            Block block,
            boolean asText)
            throws java.sql.SQLException {
        int next = bindKey(statement, 1, table, key);
        statement.setObject(next++, block.missionId, java.sql.Types.BIGINT);
        statement.setString(next++, block.countryCode);
        if (asText) {
            statement.setString(next++, block.sumsText());
            statement.setString(next, block.countsText());
        } else {
            statement.setArray(next++, connection.createArrayOf("numeric", block.sums()));
            statement.setArray(next, connection.createArrayOf("int8", block.boxedCounts()));
        }
    }

    /** Binds a block's key in the order of the table's key from parameter {@code first}; returns the next. */
    private static int bindKey(java.sql.PreparedStatement statement, int first, Table table, BlockKey key)
            throws java.sql.SQLException {
        int next = first;
        statement.setLong(next++, key.indicatorId());
        statement.setString(next++, key.periodType());
        statement.setInt(next++, key.level());
        statement.setLong(next++, key.orgUnitId());
        if (table.withOption()) {
            statement.setLong(next++, key.optionKey());
        }
        statement.setInt(next++, key.year());
        return next;
    }

    /**
     * The blocks of the rows of a source of cells (the rollup columns of {@code COLUMNS} in order,
     * one row per cell, or the total columns when {@code table} is the totals): the cells of a
     * year laid out by their periods' slots, in the block columns' order.
     */
    private static String blocksOf(Table table, String source, String sourceColumns) {
        String option = table.withOption() ? " s.option_key," : "";
        return "select s.indicator_id, s.period_type, s.org_unit_level, s.org_unit_id," + option + " p.block_year,"
                + " max(s.mission_id), max(s.country_code),"
                + " rollup_lay_numeric(" + blockLength("s.period_type") + ", array_agg(p.slot),"
                + " array_agg(cast(s.value_sum as numeric(32, 6)))),"
                + " rollup_lay_count(" + blockLength("s.period_type") + ", array_agg(p.slot),"
                + " array_agg(cast(s.value_count as bigint)))\n"
                + " from (" + source + ") s (" + sourceColumns + ")\n"
                + " join analytics_period p on p.period_id = s.period_id\n"
                + " group by s.indicator_id, s.period_type, s.org_unit_level, s.org_unit_id," + option
                + " p.block_year";
    }

    /** The totals over the options of rollup rows (a source of the rollup columns in order). */
    private static String totalsOf(String source) {
        return "select indicator_id, period_type, org_unit_level, org_unit_id, period_id, min(start_date),"
                + " max(end_date), max(mission_id), max(country_code), sum(value_sum), sum(value_count)\n"
                + " from (" + source + ") x (" + COLUMNS + ")\n"
                + " group by " + TOTAL_KEY;
    }

    /**
     * Adds the rows of a query (selecting the rollup columns in order, one row per cell) to the
     * stored rollups and their totals, laid out in blocks: an upsert on PostgreSQL (safe when two
     * transactions add to the same new block), a MERGE on H2. Blocks are locked in key order,
     * cells before totals, so that concurrent writers do not deadlock.
     */
    private void addFrom(String source, Map<String, ?> params) {
        if (postgres) {
            // The cells are grouped first (a materialised CTE, so the planner can hash them) and
            // only the blocks are sorted into key order.
            jdbc.sql("with source (" + COLUMNS + ") as materialized (\n" + source + "\n),\n"
                            + "cells as (" + upsert(Table.CELLS, blocksOf(Table.CELLS, "select * from source", COLUMNS))
                            + ")\n"
                            + upsert(
                                    Table.TOTALS,
                                    blocksOf(Table.TOTALS, totalsOf("select * from source"), TOTAL_COLUMNS)))
                    .params(params)
                    .update();
            return;
        }
        jdbc.sql(merge(Table.CELLS, blocksOf(Table.CELLS, source, COLUMNS)))
                .params(params)
                .update();
        jdbc.sql(merge(Table.TOTALS, blocksOf(Table.TOTALS, totalsOf(source), TOTAL_COLUMNS)))
                .params(params)
                .update();
    }

    private static String upsert(Table table, String blocks) {
        int keys = table.keyColumns();
        StringBuilder order = new StringBuilder();
        for (int i = 1; i <= keys; i++) {
            order.append(i == 1 ? "" : ", ").append(i);
        }
        return "insert into " + table.blocks + " (" + table.columns + ")\n" + blocks + "\n order by " + order
                + "\n on conflict (" + table.key + ") do update"
                + " set sums = rollup_add_numeric(" + table.blocks + ".sums, excluded.sums),"
                + " counts = rollup_add_count(" + table.blocks + ".counts, excluded.counts)";
    }

    private static String merge(Table table, String blocks) {
        List<String> key = List.of(table.key.split(", "));
        List<String> columns = List.of(table.columns.split(",\\s*"));
        return "merge into " + table.blocks + " r using (" + blocks + ") s (" + table.columns + ")\n on ("
                + String.join(
                        " and ", key.stream().map(c -> "r." + c + " = s." + c).toList()) + ")\n"
                + " when matched then update set sums = rollup_add_numeric(r.sums, s.sums),"
                + " counts = rollup_add_count(r.counts, s.counts)\n"
                + " when not matched then insert (" + table.columns + ") values ("
                + String.join(", ", columns.stream().map(c -> "s." + c).toList()) + ")";
    }

    void deleteIndicator(long indicatorId) {
        for (Table table : Table.values()) {
            jdbc.sql("delete from " + table.blocks + " where indicator_id = :id")
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
                    jdbc.sql("delete from " + table.blocks + " where org_unit_id in (:units)")
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
            // The sort into key order that remains (of the blocks written) then costs so much in the
            // planner's eyes that each statement of the rebuild (two per indicator and level) would
            // be compiled by the JIT, about a second each.
            jdbc.sql("set local jit = off").update();
        }
        for (String table : List.of(
                "analytics_rollup_block",
                "analytics_rollup_total_block",
                "analytics_unit_ancestor",
                "analytics_period_map",
                "analytics_period")) {
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
     * whole subtrees; each with its totals. One indicator at a time keeps the groups of a statement
     * in memory. Returns the rollup rows (cells and totals, as the views count them) of the level.
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
        Map<String, Object> params = new HashMap<>(Map.of("indicator", indicator, "level", level));
        if (!bottom) {
            params.put("below", level + 1);
        }
        addFrom(source, params);
        return jdbc.sql("""
                        select (select count(*) from analytics_rollup where indicator_id = :indicator
                                   and org_unit_level = :level)
                             + (select count(*) from analytics_rollup_total where indicator_id = :indicator
                                   and org_unit_level = :level)""")
                .param("indicator", indicator)
                .param("level", level)
                .query(Long.class)
                .single();
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
                    "analytics_rollup_block",
                    "analytics_rollup_total_block",
                    "analytics_unit_ancestor",
                    "analytics_period_map",
                    "analytics_period")) {
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
        String select = "select r.indicator_id, r.org_unit_id, " + (byOption ? "r.option_key" : "0")
                + ", r.block_year, r.sums, r.counts"
                + " from " + table.blocks + " r"
                + " where r.period_type = :type and r.org_unit_level = :level"
                + " and r.block_year between :fromYear and :toYear"
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
                .param("fromYear", Period.parse(fromPeriod).blockYear())
                .param("toYear", Period.parse(toPeriod).blockYear());
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
        // each block's periods within the range, by slot (the same few for every block of a year)
        Map<Integer, String[]> periodsOfYear = new HashMap<>();
        List<Cell> cells = new ArrayList<>();
        statement.query(rs -> {
            long unit = rs.getLong(2);
            if (!wanted.isEmpty() && !wanted.contains(unit)) {
                return;
            }
            long indicator = rs.getLong(1);
            long option = rs.getLong(3);
            String[] periods = periodsOfYear.computeIfAbsent(
                    rs.getInt(4), year -> periodsInRange(type, year, fromPeriod, toPeriod));
            Object[] sums = (Object[]) rs.getArray(5).getArray();
            Object[] counts = (Object[]) rs.getArray(6).getArray();
            for (int i = 0; i < periods.length && i < counts.length; i++) {
                if (periods[i] != null && counts[i] != null && ((Number) counts[i]).longValue() > 0) {
                    cells.add(new Cell(
                            indicator, unit, periods[i], option, toDecimal(sums[i]), ((Number) counts[i]).longValue()));
                }
            }
        });
        return cells;
    }

    /** The ids of a block year's periods of a type by slot (from 0), null outside {@code from..to}. */
    private static String[] periodsInRange(PeriodType type, int year, String from, String to) {
        String[] ids = new String[Period.blockLength(type)];
        for (int slot = 1; slot <= ids.length; slot++) {
            try {
                String id = Period.inBlock(type, year, slot).id();
                if (id.compareTo(from) >= 0 && id.compareTo(to) <= 0) {
                    ids[slot - 1] = id;
                }
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                // no such period (week 53 or day 366 of a year that has none)
            }
        }
        return ids;
    }

    private static BigDecimal toDecimal(@Nullable Object value) {
        return value instanceof BigDecimal d ? d : value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
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
