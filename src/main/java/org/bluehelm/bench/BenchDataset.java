package org.bluehelm.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
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
        if (postgres) {
            copy(layout, count, progress);
        } else {
            batches(layout, count, progress);
        }
    }

    private static final String COLUMNS = "indicator_id, org_unit_id, period_id, period_type, start_date, end_date,"
            + " option_id, option_key, value, mission_id, country_code, stored_by, stored_at, version";

    /**
     * PostgreSQL's own advice for populating a database: COPY into the table without its secondary
     * indexes and foreign keys, then build the indexes and validate the foreign keys, each in one
     * set-based pass (the time of both is part of the load). The primary key and the unique key
     * stay, so every row is still checked as it arrives.
     */
    private void copy(Layout layout, long count, LongConsumer progress) throws SQLException {
        List<String[]> foreignKeys = jdbc.sql("""
                        select conname, pg_get_constraintdef(oid) from pg_constraint
                         where conrelid = 'data_value'::regclass and contype = 'f' order by conname""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        List<String[]> indexes = jdbc.sql("""
                        select i.indexname, i.indexdef from pg_indexes i
                         where i.schemaname = current_schema() and i.tablename = 'data_value'
                           and i.indexname not in (select conname from pg_constraint where conrelid = 'data_value'::regclass)
                         order by i.indexname""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        try (Connection c = dataSource.getConnection()) {
            try (var statement = c.createStatement()) {
                for (String[] fk : foreignKeys) {
                    statement.execute("alter table data_value drop constraint " + fk[0]);
                }
                for (String[] index : indexes) {
                    statement.execute("drop index " + index[0]);
                }
            }
            CopyIn copy = c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy data_value (" + COLUMNS + ") from stdin with (format csv)");
            StringBuilder buffer = new StringBuilder(1 << 20);
            String now = java.time.OffsetDateTime.now().toString();
            long[] written = {0};
            try {
                generate(layout, count, v -> {
                    buffer.append(v.indicatorId())
                            .append(',')
                            .append(v.orgUnitId())
                            .append(',')
                            .append(v.month().id())
                            .append(",MONTHLY,")
                            .append(v.month().startDate())
                            .append(',')
                            .append(v.month().endDate())
                            .append(',')
                            .append(v.optionId())
                            .append(',')
                            .append(v.optionId())
                            .append(',')
                            .append(v.value())
                            .append(",," + COUNTRY + ",bench,")
                            .append(now)
                            .append(",1\n");
                    if (buffer.length() > (1 << 20) - 512) {
                        flush(copy, buffer);
                    }
                    if (++written[0] % 1_000_000 == 0) {
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
                    statement.execute("alter table data_value add constraint " + fk[0] + " " + fk[1] + " not valid");
                    statement.execute("alter table data_value validate constraint " + fk[0]);
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
        int batchSize = 10_000;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Timestamp now = Timestamp.from(java.time.Instant.now());
            Map<String, Date[]> dates = new java.util.HashMap<>();
            try (PreparedStatement insert = c.prepareStatement("insert into data_value (" + COLUMNS + ")"
                    + " values (?, ?, ?, 'MONTHLY', ?, ?, ?, ?, ?, null, '" + COUNTRY + "', 'bench', ?, 1)")) {
                long[] written = {0};
                generate(layout, count, v -> {
                    try {
                        Date[] d = dates.computeIfAbsent(v.month().id(), k -> new Date[] {
                            Date.valueOf(v.month().startDate()),
                            Date.valueOf(v.month().endDate())
                        });
                        insert.setLong(1, v.indicatorId());
                        insert.setLong(2, v.orgUnitId());
                        insert.setString(3, v.month().id());
                        insert.setDate(4, d[0]);
                        insert.setDate(5, d[1]);
                        insert.setLong(6, v.optionId());
                        insert.setLong(7, v.optionId());
                        insert.setBigDecimal(8, BigDecimal.valueOf(v.value()));
                        insert.setTimestamp(9, now);
                        insert.addBatch();
                        if (++written[0] % batchSize == 0) {
                            insert.executeBatch();
                            c.commit();
                        }
                        if (written[0] % 1_000_000 == 0) {
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
