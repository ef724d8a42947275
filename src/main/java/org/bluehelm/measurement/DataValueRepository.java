package org.bluehelm.measurement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.bluehelm.shared.Databases;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.PeriodType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single data values in their blocks (V0046, docs/adr/0006-values-in-blocks.md): a value is one
 * element of the block of its indicator, unit, option, period type and year, with a version of its
 * own, so that writers of different periods of a block never conflict. A value's id is its block's
 * id times {@link #SLOTS} plus its slot.
 */
@Repository
class DataValueRepository {

    /** Ids of the values of a block: block id * SLOTS + slot (a block has at most 366 slots). */
    static final int SLOTS = 512;

    /** The length of a block's arrays, as SQL over a {@code period_type} column. */
    static String blockLength(String periodType) {
        return "case " + periodType + " when 'YEARLY' then 1 when 'QUARTERLY' then 4 when 'MONTHLY' then 12"
                + " when 'WEEKLY' then 53 else 366 end";
    }

    /** Every slot of a block in order (1, 2, ... its length), as SQL over a {@code period_type} column. */
    static String allSlots(String periodType) {
        StringBuilder sql = new StringBuilder("case ").append(periodType);
        for (PeriodType type : PeriodType.values()) {
            sql.append(" when '").append(type.name()).append("' then array[");
            for (int slot = 1; slot <= Period.blockLength(type); slot++) {
                sql.append(slot == 1 ? "" : ",").append(slot);
            }
            sql.append(']');
        }
        return sql.append(" end").toString();
    }

    private static final String COLUMNS = """
            select d.id, d.indicator_id, d.org_unit_id, d.period_id, d.period_type, d.start_date, d.end_date,
                   d.option_id, d.value, d.comment, d.mission_id, d.country_code, d.stored_by, d.stored_at, d.version
            """;

    private final JdbcClient jdbc;
    private final boolean postgres;

    DataValueRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(dataSource);
    }

    Optional<DataValue> findById(long id) {
        long block = Math.floorDiv(id, SLOTS);
        int slot = (int) Math.floorMod(id, SLOTS);
        if (slot < 1) {
            return Optional.empty();
        }
        return jdbc.sql(COLUMNS + """
                          from (select b.id * 512 + p.slot as id, b.indicator_id, b.org_unit_id, p.period_id,
                                       b.period_type, p.start_date, p.end_date, b.option_id, b.vals[p.slot] as value,
                                       b.comments[p.slot] as comment, b.mission_id, b.country_code,
                                       b.stored_by[p.slot] as stored_by, b.stored_at[p.slot] as stored_at,
                                       b.versions[p.slot] as version
                                  from data_block b
                                  join block_period p on p.period_type = b.period_type and p.block_year = b.block_year
                                 where b.id = :block and p.slot = :slot) d
                         where d.value is not null""")
                .param("block", block)
                .param("slot", slot)
                .query(DataValueRepository::row)
                .optional();
    }

    Optional<DataValue> findByIndicatorIdAndOrgUnitIdAndPeriodIdAndOptionKey(
            long indicatorId, long orgUnitId, String periodId, long optionKey) {
        return jdbc.sql(COLUMNS + """
                          from data_value d
                         where d.indicator_id = :indicator and d.org_unit_id = :unit and d.period_id = :period
                           and d.option_key = :option""")
                .param("indicator", indicatorId)
                .param("unit", orgUnitId)
                .param("period", periodId)
                .param("option", optionKey)
                .query(DataValueRepository::row)
                .optional();
    }

    /**
     * Stores a new value (no id yet: version 1) or a new number for a stored one (at the version it
     * was read, which goes up by one); returns it with its id and version.
     *
     * @throws OptimisticLockingFailureException when someone else stored or changed it meanwhile
     */
    DataValue save(DataValue value) {
        Period period = new Period(value.periodId, value.periodType, value.startDate, value.endDate);
        int slot = period.blockSlot();
        if (value.id == null) {
            ensurePeriods(List.of(period));
            long block = createdBlock(value, period).orElseGet(() -> fill(value, period, slot));
            value.id = block * SLOTS + slot;
            value.version = 1;
            return value;
        }
        long block = Math.floorDiv(value.id, SLOTS);
        int changed = jdbc.sql("""
                        update data_block
                           set vals[:slot] = :value, comments[:slot] = :comment, stored_by[:slot] = :who,
                               stored_at[:slot] = :at, versions[:slot] = :version + 1
                         where id = :block and versions[:slot] = :version""")
                .param("slot", slot)
                .param("value", value.value)
                .param("comment", value.comment)
                .param("who", value.storedBy)
                .param("at", value.storedAt)
                .param("version", value.version)
                .param("block", block)
                .update();
        if (changed == 0) {
            throw stale(value);
        }
        value.version++;
        return value;
    }

    /**
     * Deletes a stored value at the version it was read (and its block, when it held nothing else).
     *
     * @throws OptimisticLockingFailureException when someone else changed or deleted it meanwhile
     */
    void delete(DataValue value) {
        if (value.id == null) {
            return;
        }
        long block = Math.floorDiv(value.id, SLOTS);
        int slot = (int) Math.floorMod(value.id, SLOTS);
        int changed = jdbc.sql("""
                        update data_block
                           set vals[:slot] = null, comments[:slot] = null, stored_by[:slot] = null,
                               stored_at[:slot] = null, versions[:slot] = null, filled = filled - 1
                         where id = :block and versions[:slot] = :version""")
                .param("slot", slot)
                .param("block", block)
                .param("version", value.version)
                .update();
        if (changed == 0) {
            throw stale(value);
        }
        jdbc.sql("delete from data_block where id = :block and filled = 0")
                .param("block", block)
                .update();
    }

    /**
     * Makes sure the view of the blocks knows the periods (their block year and slot). On
     * PostgreSQL the periods' statistics are renewed when some are new: the planner would
     * otherwise take the table for as small as when it last looked, and plan every read of
     * {@code data_value} for a handful of rows.
     */
    void ensurePeriods(Collection<Period> periods) {
        int added = 0;
        for (Period p : periods) {
            String sql = postgres ? """
                    insert into block_period (period_id, period_type, block_year, slot, start_date, end_date)
                    values (:id, :type, :year, :slot, :start, :end) on conflict (period_id) do nothing""" : """
                    insert into block_period (period_id, period_type, block_year, slot, start_date, end_date)
                    select cast(:id as varchar(20)), cast(:type as varchar(20)), cast(:year as integer),
                           cast(:slot as integer), cast(:start as date), cast(:end as date)
                     where not exists (select 1 from block_period where period_id = :id)""";
            try {
                added += jdbc.sql(sql)
                        .param("id", p.id())
                        .param("type", p.type().name())
                        .param("year", p.blockYear())
                        .param("slot", p.blockSlot())
                        .param("start", p.startDate())
                        .param("end", p.endDate())
                        .update();
            } catch (DuplicateKeyException e) {
                // H2: another writer added the same period at the same moment
            }
        }
        if (postgres && added > 0) {
            jdbc.sql("analyze block_period").update();
        }
    }

    /** Creates the value's block holding the value alone, unless the block exists; its id if created. */
    private Optional<Long> createdBlock(DataValue v, Period period) {
        String insert = """
                insert into data_block (indicator_id, org_unit_id, option_id, option_key, period_type, block_year,
                                        mission_id, country_code, filled, vals, versions, stored_by, stored_at, comments)
                select cast(:indicator as bigint), cast(:unit as bigint), cast(:optionId as bigint),
                       cast(:optionKey as bigint), cast(:type as varchar(20)), cast(:year as integer),
                       cast(:mission as bigint), cast(:country as char(3)), 1,
                       block_put_numeric(null, :length, array[cast(:slot as integer)], array[cast(:value as numeric(20, 6))]),
                       block_put_integer(null, :length, array[cast(:slot as integer)], array[1]),
                       block_put_text(null, :length, array[cast(:slot as integer)], array[cast(:who as varchar(64))]),
                       block_put_time(null, :length, array[cast(:slot as integer)],
                                      array[cast(:at as timestamp with time zone)]),
                       block_put_text(null, :length, array[cast(:slot as integer)], array[cast(:comment as varchar(1000))])
                """ + (postgres ? """
                 on conflict (indicator_id, org_unit_id, option_key, period_type, block_year) do nothing
                returning id""" : """
                 where not exists (select 1 from data_block b where b.indicator_id = :indicator
                                     and b.org_unit_id = :unit and b.option_key = :optionKey
                                     and b.period_type = :type and b.block_year = :year)""");
        var statement = jdbc.sql(insert)
                .param("indicator", v.indicatorId)
                .param("unit", v.orgUnitId)
                .param("optionId", v.optionId)
                .param("optionKey", v.optionKey)
                .param("type", v.periodType.name())
                .param("year", period.blockYear())
                .param("mission", v.missionId)
                .param("country", v.countryCode)
                .param("length", Period.blockLength(v.periodType))
                .param("slot", period.blockSlot())
                .param("value", v.value)
                .param("who", v.storedBy)
                .param("at", v.storedAt)
                .param("comment", v.comment);
        try {
            if (postgres) {
                return statement.query(Long.class).optional();
            }
            if (statement.update() == 0) {
                return Optional.empty();
            }
        } catch (DuplicateKeyException e) {
            throw stale(v); // another writer created the block at the same moment
        }
        return Optional.of(blockId(v, period).orElseThrow());
    }

    /** Stores a new value in its (existing) block; the block's id. */
    private long fill(DataValue v, Period period, int slot) {
        long block = blockId(v, period).orElseThrow(() -> stale(v));
        int changed = jdbc.sql("""
                        update data_block
                           set vals[:slot] = :value, comments[:slot] = :comment, stored_by[:slot] = :who,
                               stored_at[:slot] = :at, versions[:slot] = 1, filled = filled + 1
                         where id = :block and vals[:slot] is null""")
                .param("slot", slot)
                .param("value", v.value)
                .param("comment", v.comment)
                .param("who", v.storedBy)
                .param("at", v.storedAt)
                .param("block", block)
                .update();
        if (changed == 0) {
            throw stale(v);
        }
        return block;
    }

    private Optional<Long> blockId(DataValue v, Period period) {
        return jdbc.sql("""
                        select id from data_block
                         where indicator_id = :indicator and org_unit_id = :unit and option_key = :option
                           and period_type = :type and block_year = :year""")
                .param("indicator", v.indicatorId)
                .param("unit", v.orgUnitId)
                .param("option", v.optionKey)
                .param("type", v.periodType.name())
                .param("year", period.blockYear())
                .query(Long.class)
                .optional();
    }

    private static OptimisticLockingFailureException stale(DataValue v) {
        return new OptimisticLockingFailureException("data value "
                + (v.id == null ? "" : v.id + " ")
                + "was changed by someone else meanwhile (indicator " + v.indicatorId + ", organisation unit "
                + v.orgUnitId + ", period " + v.periodId + ")");
    }

    /** A data value from a row of {@code data_value} (every column of the view). */
    static DataValue row(ResultSet rs, int n) throws SQLException {
        DataValue d = new DataValue(
                rs.getLong("indicator_id"),
                rs.getLong("org_unit_id"),
                rs.getString("period_id"),
                PeriodType.valueOf(rs.getString("period_type")),
                rs.getObject("start_date", java.time.LocalDate.class),
                rs.getObject("end_date", java.time.LocalDate.class),
                rs.getObject("option_id", Long.class),
                rs.getBigDecimal("value"),
                rs.getObject("mission_id", Long.class),
                rs.getString("country_code"),
                rs.getString("stored_by"),
                rs.getObject("stored_at", OffsetDateTime.class));
        d.id = rs.getLong("id");
        d.comment = rs.getString("comment");
        d.version = rs.getInt("version");
        return d;
    }
}
