package org.bluehelm.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.bluehelm.indicator.CategoryView;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.indicator.Direction;
import org.bluehelm.indicator.IndicatorCommand;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.shared.Period;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A realistic synthetic dataset, written straight into an empty database by the fastest correct
 * means (a bulk loader is not a data entry form): a country of 10 regions, 150 districts, 1,500
 * chiefdoms and 15,000 facilities (5 levels); 30 indicators disaggregated by sex; and values for
 * 60 months in which every facility reports a fixed set of indicators every month, for both sexes.
 * Values go in with PostgreSQL's COPY, or JDBC batches on H2.
 */
@Component
class BenchDataset {

    static final String COUNTRY = "LBR";
    static final int REGIONS = 10;
    static final int DISTRICTS_PER_REGION = 15;
    static final int CHIEFDOMS_PER_DISTRICT = 10;
    static final int FACILITIES_PER_CHIEFDOM = 10;
    static final int INDICATORS = 30;
    static final int MONTHS = 60;
    static final YearMonth FIRST_MONTH = YearMonth.of(2020, 1);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final IndicatorService indicators;

    BenchDataset(JdbcClient jdbc, DataSource dataSource, IndicatorService indicators) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.indicators = indicators;
    }

    /** What was generated: the root unit, the units per level, indicators and the two options. */
    record Layout(long root, List<List<Long>> levels, List<IndicatorView> indicators, long female, long male) {

        List<Long> leaves() {
            return levels.get(levels.size() - 1);
        }
    }

    Layout createStructure() {
        List<List<Long>> levels = new ArrayList<>();
        levels.add(insertUnits(List.of(), 1, 1, "Benchland"));
        levels.add(insertUnits(levels.get(0), 2, REGIONS, "Region"));
        levels.add(insertUnits(levels.get(1), 3, DISTRICTS_PER_REGION, "District"));
        levels.add(insertUnits(levels.get(2), 4, CHIEFDOMS_PER_DISTRICT, "Chiefdom"));
        levels.add(insertUnits(levels.get(3), 5, FACILITIES_PER_CHIEFDOM, "Facility"));
        List<IndicatorView> created = new ArrayList<>();
        for (int i = 0; i < INDICATORS; i++) {
            created.add(indicators.create(IndicatorCommand.sum(
                    "bench_indicator_" + (i + 1),
                    "Bench indicator " + (i + 1),
                    "persons",
                    Direction.HIGHER_IS_BETTER,
                    Dimension.CAPACITY,
                    null,
                    null,
                    COUNTRY,
                    List.of("SEX"),
                    List.of())));
        }
        CategoryView sex = created.get(0).categories().get(0);
        long female = sex.options().stream()
                .filter(o -> o.code().equals("FEMALE"))
                .findFirst()
                .orElseThrow()
                .id();
        long male = sex.options().stream()
                .filter(o -> o.code().equals("MALE"))
                .findFirst()
                .orElseThrow()
                .id();
        return new Layout(levels.get(0).get(0), levels, created, female, male);
    }

    /** The layout that {@link #createStructure} wrote into a database kept by an earlier run. */
    Layout existingLayout() {
        List<List<Long>> levels = new ArrayList<>();
        for (int level = 1; level <= 5; level++) {
            levels.add(jdbc.sql("select id from org_unit where code like :prefix order by id")
                    .param("prefix", "BENCH-L" + level + "-%")
                    .query(Long.class)
                    .list());
        }
        List<IndicatorView> found = new ArrayList<>();
        for (int i = 0; i < INDICATORS; i++) {
            found.add(indicators.getByCode("bench_indicator_" + (i + 1)));
        }
        CategoryView sex = found.get(0).categories().get(0);
        return new Layout(levels.get(0).get(0), levels, found, optionId(sex, "FEMALE"), optionId(sex, "MALE"));
    }

    private static long optionId(CategoryView category, String code) {
        return category.options().stream()
                .filter(o -> o.code().equals(code))
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** Inserts {@code perParent} units below each parent (or one root), then sets their paths. */
    private List<Long> insertUnits(List<Long> parents, int level, int perParent, String label) {
        String prefix = "BENCH-L" + level + "-";
        List<Object[]> rows = new ArrayList<>();
        List<Long> parentIds = parents.isEmpty() ? java.util.Collections.singletonList(null) : parents;
        int n = 0;
        for (Long parent : parentIds) {
            for (int i = 0; i < perParent; i++) {
                n++;
                rows.add(new Object[] {prefix + n, label + " " + n, parent, level});
            }
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert =
                        c.prepareStatement("insert into org_unit (code, name, kind, parent_id, level,"
                                + " path, country_code) values (?, ?, 'AREA', ?, ?, 'pending', '" + COUNTRY + "')")) {
            for (Object[] row : rows) {
                insert.setString(1, (String) row[0]);
                insert.setString(2, (String) row[1]);
                insert.setObject(3, row[2]);
                insert.setInt(4, (Integer) row[3]);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (level == 1) {
            jdbc.sql("update org_unit set path = '/' || id || '/' where code like :prefix")
                    .param("prefix", prefix + "%")
                    .update();
        } else {
            jdbc.sql("""
                            update org_unit set path = (select p.path from org_unit p where p.id = org_unit.parent_id)
                                   || id || '/'
                             where code like :prefix""").param("prefix", prefix + "%").update();
        }
        return jdbc.sql("select id from org_unit where code like :prefix order by id")
                .param("prefix", prefix + "%")
                .query(Long.class)
                .list();
    }

    /** One generated value. */
    record Value(long indicatorId, long orgUnitId, Period month, long optionId, int value) {}

    /**
     * Generates {@code count} values in key order (indicator, unit, month, option): facility f
     * reports indicators f, f+1, ... (mod 30), as many as needed to reach the count.
     */
    static void generate(Layout layout, long count, java.util.function.Consumer<Value> sink) {
        List<Long> leaves = layout.leaves();
        long pairs = (count + MONTHS * 2L - 1) / (MONTHS * 2L);
        long perLeaf = pairs / leaves.size();
        long extra = pairs % leaves.size();
        Period[] months = new Period[MONTHS];
        for (int m = 0; m < MONTHS; m++) {
            months[m] = Period.month(FIRST_MONTH.plusMonths(m));
        }
        SplittableRandom random = new SplittableRandom(42);
        long emitted = 0;
        for (int i = 0; i < INDICATORS && emitted < count; i++) {
            long indicatorId = layout.indicators().get(i).id();
            for (int f = 0; f < leaves.size() && emitted < count; f++) {
                long reported = perLeaf + (f < extra ? 1 : 0);
                int round = Math.floorMod(i - f, INDICATORS);
                if (round >= reported) {
                    continue;
                }
                long unit = leaves.get(f);
                for (int m = 0; m < MONTHS && emitted < count; m++) {
                    int base = 20 + random.nextInt(180);
                    sink.accept(
                            new Value(indicatorId, unit, months[m], layout.female(), base / 2 + random.nextInt(10)));
                    emitted++;
                    if (emitted < count) {
                        sink.accept(
                                new Value(indicatorId, unit, months[m], layout.male(), base / 2 + random.nextInt(10)));
                        emitted++;
                    }
                }
            }
        }
    }

    /** Loads the values; reports progress (values written so far) now and then. */
    void load(Layout layout, long count, boolean postgres, LongConsumer progress) throws SQLException, IOException {
        for (int m = 0; m < MONTHS; m++) {
            Period month = Period.month(FIRST_MONTH.plusMonths(m));
            jdbc.sql("""
                            insert into block_period (period_id, period_type, block_year, slot, start_date, end_date)
                            select cast(:id as varchar(20)), 'MONTHLY', cast(:year as integer), cast(:slot as integer),
                                   cast(:start as date), cast(:end as date)
                             where not exists (select 1 from block_period where period_id = :id)""")
                    .param("id", month.id())
                    .param("year", month.blockYear())
                    .param("slot", month.blockSlot())
                    .param("start", month.startDate())
                    .param("end", month.endDate())
                    .update();
        }
        if (postgres) {
            copy(layout, count, progress);
        } else {
            batches(layout, count, progress);
        }
    }

    private static final String COLUMNS = "indicator_id, org_unit_id, option_id, option_key, period_type, block_year,"
            + " mission_id, country_code, filled, vals, versions, stored_by, stored_at, comments";

    /** A year of one indicator, unit and option: the values of its twelve months (null where none). */
    record Block(long indicatorId, long orgUnitId, long optionId, int year, Integer[] values) {
        int filled() {
            int n = 0;
            for (Integer v : values) {
                n += v == null ? 0 : 1;
            }
            return n;
        }
    }

    /**
     * The generated values in blocks (the layout of data_value's store): they come in key order
     * (indicator, unit, month, option), so a unit's blocks are complete when the next unit starts.
     */
    static void blocks(Layout layout, long count, java.util.function.Consumer<Block> sink) {
        long[] current = {-1, -1};
        Map<String, Block> open = new java.util.LinkedHashMap<>();
        generate(layout, count, v -> {
            if (v.indicatorId() != current[0] || v.orgUnitId() != current[1]) {
                open.values().forEach(sink);
                open.clear();
                current[0] = v.indicatorId();
                current[1] = v.orgUnitId();
            }
            int year = v.month().blockYear();
            open.computeIfAbsent(
                                    v.optionId() + "|" + year,
                                    k -> new Block(v.indicatorId(), v.orgUnitId(), v.optionId(), year, new Integer[12]))
                            .values()[v.month().blockSlot() - 1] =
                    v.value();
        });
        open.values().forEach(sink);
    }

    /**
     * PostgreSQL's own advice for populating a database: COPY into the table without its secondary
     * indexes and foreign keys, then build the indexes and validate the foreign keys, each in one
     * set-based pass (the time of both is part of the load). The primary key and the unique key
     * stay, so every row is still checked as it arrives.
     */
    private void copy(Layout layout, long count, LongConsumer progress) throws SQLException {
        List<String[]> foreignKeys = jdbc.sql("""
                        select conname, pg_get_constraintdef(oid) from pg_constraint
                         where conrelid = 'data_block'::regclass and contype = 'f' order by conname""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        List<String[]> indexes = jdbc.sql("""
                        select i.indexname, i.indexdef from pg_indexes i
                         where i.schemaname = current_schema() and i.tablename = 'data_block'
                           and i.indexname not in (select conname from pg_constraint where conrelid = 'data_block'::regclass)
                         order by i.indexname""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        try (Connection c = dataSource.getConnection()) {
            try (var statement = c.createStatement()) {
                for (String[] fk : foreignKeys) {
                    statement.execute("alter table data_block drop constraint " + fk[0]);
                }
                for (String[] index : indexes) {
                    statement.execute("drop index " + index[0]);
                }
            }
            CopyIn copy = c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy data_block (" + COLUMNS + ") from stdin with (format csv)");
            StringBuilder buffer = new StringBuilder(1 << 20);
            String now = java.time.OffsetDateTime.now().toString();
            long[] written = {0};
            try {
                blocks(layout, count, b -> {
                    StringBuilder vals = new StringBuilder("{");
                    StringBuilder versions = new StringBuilder("{");
                    StringBuilder who = new StringBuilder("{");
                    StringBuilder at = new StringBuilder("{");
                    StringBuilder comments = new StringBuilder("{");
                    for (int i = 0; i < b.values().length; i++) {
                        String sep = i == 0 ? "" : ",";
                        Integer v = b.values()[i];
                        vals.append(sep).append(v == null ? "NULL" : v.toString());
                        versions.append(sep).append(v == null ? "NULL" : "1");
                        who.append(sep).append(v == null ? "NULL" : "bench");
                        at.append(sep).append(v == null ? "NULL" : now);
                        comments.append(sep).append("NULL");
                    }
                    buffer.append(b.indicatorId())
                            .append(',')
                            .append(b.orgUnitId())
                            .append(',')
                            .append(b.optionId())
                            .append(',')
                            .append(b.optionId())
                            .append(",MONTHLY,")
                            .append(b.year())
                            .append(",," + COUNTRY + ",")
                            .append(b.filled())
                            .append(",\"")
                            .append(vals)
                            .append("}\",\"")
                            .append(versions)
                            .append("}\",\"")
                            .append(who)
                            .append("}\",\"")
                            .append(at)
                            .append("}\",\"")
                            .append(comments)
                            .append("}\"\n");
                    if (buffer.length() > (1 << 20) - 2048) {
                        flush(copy, buffer);
                    }
                    long before = written[0];
                    written[0] += b.filled();
                    if (before / 1_000_000 != written[0] / 1_000_000) {
                        progress.accept(written[0]);
                    }
                });
                flush(copy, buffer);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            try (var statement = c.createStatement()) {
                statement.execute("set maintenance_work_mem = '512MB'");
                for (String[] index : indexes) {
                    statement.execute(index[1]);
                }
                for (String[] fk : foreignKeys) {
                    statement.execute("alter table data_block add constraint " + fk[0] + " " + fk[1] + " not valid");
                    statement.execute("alter table data_block validate constraint " + fk[0]);
                }
            }
        }
    }

    private static void flush(CopyIn copy, StringBuilder buffer) {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        buffer.setLength(0);
    }

    private void batches(Layout layout, long count, LongConsumer progress) throws SQLException {
        int batchSize = 2_000;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
            try (PreparedStatement insert = c.prepareStatement("insert into data_block (" + COLUMNS + ")"
                    + " values (?, ?, ?, ?, 'MONTHLY', ?, null, '" + COUNTRY + "', ?, ?, ?, ?, ?, ?)")) {
                long[] written = {0};
                long[] blocks = {0};
                blocks(layout, count, b -> {
                    try {
                        int length = b.values().length;
                        BigDecimal[] vals = new BigDecimal[length];
                        Integer[] versions = new Integer[length];
                        String[] who = new String[length];
                        java.time.OffsetDateTime[] at = new java.time.OffsetDateTime[length];
                        for (int i = 0; i < length; i++) {
                            Integer v = b.values()[i];
                            if (v != null) {
                                vals[i] = BigDecimal.valueOf(v);
                                versions[i] = 1;
                                who[i] = "bench";
                                at[i] = now;
                            }
                        }
                        insert.setLong(1, b.indicatorId());
                        insert.setLong(2, b.orgUnitId());
                        insert.setLong(3, b.optionId());
                        insert.setLong(4, b.optionId());
                        insert.setInt(5, b.year());
                        insert.setInt(6, b.filled());
                        insert.setObject(7, vals);
                        insert.setObject(8, versions);
                        insert.setObject(9, who);
                        insert.setObject(10, at);
                        insert.setObject(11, new String[length]);
                        insert.addBatch();
                        if (++blocks[0] % batchSize == 0) {
                            insert.executeBatch();
                            c.commit();
                        }
                        long before = written[0];
                        written[0] += b.filled();
                        if (before / 1_000_000 != written[0] / 1_000_000) {
                            progress.accept(written[0]);
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                insert.executeBatch();
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Writes the same values as {@link #load} as a DHIS2 CSV file (header, then dataElement,
     * period, orgUnit, categoryOptionCombo, value by code), for the import path users take.
     */
    void writeCsv(Layout layout, long count, Path file) throws IOException {
        Map<Long, String> indicatorCodes = new java.util.HashMap<>();
        layout.indicators().forEach(i -> indicatorCodes.put(i.id(), i.code()));
        Map<Long, String> unitCodes = new java.util.HashMap<>();
        jdbc.sql("select id, code from org_unit where code like 'BENCH-L5-%'").query((java.sql.ResultSet rs) -> {
            unitCodes.put(rs.getLong(1), rs.getString(2));
        });
        try (java.io.Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("dataElement,period,orgUnit,categoryOptionCombo,value\n");
            generate(layout, count, v -> {
                try {
                    out.write(indicatorCodes.get(v.indicatorId()));
                    out.write(',');
                    out.write(v.month().id());
                    out.write(',');
                    out.write(unitCodes.get(v.orgUnitId()));
                    out.write(v.optionId() == layout.female() ? ",FEMALE," : ",MALE,");
                    out.write(Integer.toString(v.value()));
                    out.write('\n');
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    /** The first and last month of the data as periods. */
    static Period firstMonth() {
        return Period.month(FIRST_MONTH);
    }

    static Period lastMonth() {
        return Period.month(FIRST_MONTH.plusMonths(MONTHS - 1));
    }

    static LocalDate firstDay() {
        return FIRST_MONTH.atDay(1);
    }
}
