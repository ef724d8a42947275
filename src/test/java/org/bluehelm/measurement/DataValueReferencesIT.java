package org.bluehelm.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Types;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bluehelm.shared.Period;
import org.bluehelm.test.IntegrationTest;
import org.bluehelm.test.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A data value always refers to an indicator, an organisation unit and (when it has one) a
 * disaggregation option that exist, whoever writes it and whatever deletes them: on H2 through
 * foreign keys, on PostgreSQL through checks made once per statement (migration V0051). Both
 * databases, except a delete racing a writer (PostgreSQL only).
 */
@IntegrationTest
class DataValueReferencesIT {

    private static final String INSERT = """
            insert into data_block (indicator_id, org_unit_id, option_id, option_key, period_type, block_year,
                                    mission_id, country_code, filled, vals, versions, stored_by, stored_at, comments)
            values (:indicator, :unit, null, 0, 'YEARLY', 2024, null, 'LBR', 1, array[1], array[1],
                    array[cast('test' as varchar(64))], array[current_timestamp], array[cast(null as varchar(1000))]),
                   (:indicator2, :unit2, :option, :optionKey, 'YEARLY', 2023, null, 'LBR', 1, array[2], array[1],
                    array[cast('test' as varchar(64))], array[current_timestamp], array[cast(null as varchar(1000))])""";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataValueRepository blocks;

    @BeforeEach
    void periods() {
        blocks.ensurePeriods(List.of(Period.parse("2023"), Period.parse("2024")));
    }

    @Test
    void aUnitThatDataValuesUseCannotBeDeletedUntilTheValuesAreGone() throws Exception {
        long unit = orgUnit(mvc, "LBR");
        long indicator = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\""));
        long value = id(mvc.perform(post("/api/v1/dataValues")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"2024\",\"value\":7}"
                                .formatted(indicator, unit)))
                .andExpect(status().isCreated())
                .andReturn());

        mvc.perform(delete("/api/v1/orgUnits/{id}", unit).param("version", "1").with(admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("integrity"));
        assertThat(valuesOf(unit)).isEqualTo(1);

        mvc.perform(delete("/api/v1/dataValues/{id}", value)
                        .param("version", "1")
                        .with(admin()))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/orgUnits/{id}", unit).param("version", "1").with(admin()))
                .andExpect(status().isNoContent());
    }

    @Test
    void aStatementWritingOneValueThatRefersToAMissingRecordWritesNone() throws Exception {
        long unit = orgUnit(mvc, "LBR");
        long indicator = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\""));
        long missing = jdbc.sql("select max(id) + 1000 from org_unit")
                .query(Long.class)
                .single();

        // the second row's unit, then its indicator, then its option is missing
        assertRefused(indicator, unit, indicator, missing, null);
        assertRefused(indicator, unit, missing, unit, null);
        long missingOption = jdbc.sql("select max(id) + 1000 from disaggregation_option")
                .query(Long.class)
                .single();
        assertRefused(indicator, unit, indicator, unit, missingOption);
        assertThat(valuesOf(unit)).isZero();

        insert(indicator, unit, indicator, unit, null);
        assertThat(valuesOf(unit)).isEqualTo(2);
        jdbc.sql("delete from data_block where org_unit_id = :unit")
                .param("unit", unit)
                .update();
    }

    @Test
    void aUnitIsNotDeletedUnderAWriterStillUsingIt() throws Exception {
        // H2 checks a foreign key against committed rows only and locks nothing: there the delete
        // succeeds and the writer's values are left without their unit (an H2 limitation)
        assumeTrue(TestDatabase.postgres());
        long unit = orgUnit(mvc, "LBR");
        long indicator = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\""));
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            insert(indicator, unit, indicator, unit, null);
            written.countDown();
            await(release);
        }));
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Integer> deleter = CompletableFuture.supplyAsync(
                () -> transactions.execute(tx -> jdbc.sql("delete from org_unit where id = :id")
                        .param("id", unit)
                        .update()));
        Thread.sleep(500);
        release.countDown();
        writer.get(10, TimeUnit.SECONDS);

        // the delete waited for the writer's transaction to end, then found its values
        assertThatThrownBy(() -> deleter.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DataIntegrityViolationException.class);
        assertThat(valuesOf(unit)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from org_unit where id = :id")
                        .param("id", unit)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        jdbc.sql("delete from data_block where org_unit_id = :unit")
                .param("unit", unit)
                .update();
    }

    private void assertRefused(long indicator, long unit, long indicator2, long unit2, @Nullable Long option) {
        assertThatThrownBy(() -> insert(indicator, unit, indicator2, unit2, option))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private void insert(long indicator, long unit, long indicator2, long unit2, @Nullable Long option) {
        jdbc.sql(INSERT)
                .param("indicator", indicator)
                .param("unit", unit)
                .param("indicator2", indicator2)
                .param("unit2", unit2)
                .param("option", option, Types.BIGINT)
                .param("optionKey", option == null ? 0L : option)
                .update();
    }

    private long valuesOf(long unit) {
        return jdbc.sql("select count(*) from data_value where org_unit_id = :unit")
                .param("unit", unit)
                .query(Long.class)
                .single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
