package org.bluehelm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnitBelow;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.bluehelm.measurement.DataValueCommand;
import org.bluehelm.measurement.MeasurementService;
import org.bluehelm.shared.Period;
import org.bluehelm.test.AsAdmin;
import org.bluehelm.test.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The in-memory cells of the upper levels never show anything but what is committed (or, inside
 * a writing transaction, what it wrote): a committed value is in the next read, a value of an open
 * transaction is seen by it alone, and a rolled-back value by nobody afterwards.
 */
@IntegrationTest
class CellCacheIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    AnalyticsService analytics;

    @Autowired
    MeasurementService measurements;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    UserDetailsService users;

    long region;
    long district;
    long indicator;
    final Period quarter = Period.parse("2024Q1");

    @BeforeEach
    void data() throws Exception {
        long root = orgUnit(mvc, "LBR");
        region = orgUnitBelow(mvc, root);
        district = orgUnitBelow(mvc, region);
        indicator = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\""));
    }

    private void record(String period, String value) {
        replace(period, value, null);
    }

    private void replace(String period, String value, @Nullable Integer version) {
        measurements.recordValue(
                new DataValueCommand(indicator, district, period, null, null, new BigDecimal(value), null, version));
    }

    private Optional<BigDecimal> regionQuarter() {
        return analytics.value(indicator, region, quarter);
    }

    /** The region's quarter read by another thread (its own transaction). */
    private Optional<BigDecimal> regionQuarterElsewhere() {
        return CompletableFuture.supplyAsync(() -> AsAdmin.run(users, this::regionQuarter))
                .join();
    }

    @Test
    void aCommittedValueIsInTheVeryNextReadOfACachedCell() {
        AsAdmin.run(users, () -> {
            record("202401", "10");
            assertThat(regionQuarter()).contains(new BigDecimal("10"));
            assertThat(regionQuarter()).contains(new BigDecimal("10")); // now from memory
            record("202402", "5");
            assertThat(regionQuarter()).contains(new BigDecimal("15"));
            replace("202401", "1", 1); // replaces 10
            assertThat(regionQuarter()).contains(new BigDecimal("6"));
            assertThat(regionQuarterElsewhere()).contains(new BigDecimal("6"));
            return null;
        });
    }

    @Test
    void anOpenTransactionSeesItsOwnValueOthersOnlyOnceItCommits() {
        AsAdmin.run(users, () -> {
            record("202401", "10");
            assertThat(regionQuarter()).contains(new BigDecimal("10"));
            transactions.executeWithoutResult(status -> {
                record("202402", "7");
                assertThat(regionQuarter()).contains(new BigDecimal("17"));
                // another transaction reads the committed state, and may remember it...
                assertThat(regionQuarterElsewhere()).contains(new BigDecimal("10"));
                assertThat(regionQuarterElsewhere()).contains(new BigDecimal("10"));
            });
            // ...but not past the commit
            assertThat(regionQuarterElsewhere()).contains(new BigDecimal("17"));
            assertThat(regionQuarter()).contains(new BigDecimal("17"));
            return null;
        });
    }

    @Test
    void aRolledBackValueIsSeenByNobodyAfterwards() {
        AsAdmin.run(users, () -> {
            record("202401", "10");
            assertThat(regionQuarter()).contains(new BigDecimal("10"));
            transactions.executeWithoutResult(status -> {
                record("202403", "4");
                assertThat(regionQuarter()).contains(new BigDecimal("14"));
                status.setRollbackOnly();
            });
            assertThat(regionQuarter()).contains(new BigDecimal("10"));
            assertThat(regionQuarterElsewhere()).contains(new BigDecimal("10"));
            return null;
        });
    }

    @Test
    void theSameResultsWithAndWithoutTheCache() {
        AsAdmin.run(users, () -> {
            record("202401", "3");
            record("202402", "4");
            AnalyticsQuery query = AnalyticsQuery.of(List.of(indicator), List.of(region), "2024Q1", "2024Q4");
            AnalyticsResult cached = analytics.aggregate(query);
            analytics.cacheUpperLevels(false);
            try {
                assertThat(analytics.aggregate(query).rows()).isEqualTo(cached.rows());
            } finally {
                analytics.cacheUpperLevels(true);
            }
            assertThat(analytics.aggregate(query).rows()).isEqualTo(cached.rows());
            return null;
        });
    }

    @Test
    void aRatioReadFromMemoryFollowsAWriteToItsNumerator() throws Exception {
        long denominator = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\""));
        long ratio = id(createIndicator(
                mvc,
                admin(),
                "\"countryCode\":\"LBR\",\"aggregation\":\"RATIO\",\"numeratorId\":%d,\"denominatorId\":%d"
                        .formatted(indicator, denominator)));
        AsAdmin.run(users, () -> {
            record("202401", "1");
            measurements.recordValue(
                    new DataValueCommand(denominator, district, "202401", null, null, new BigDecimal("4"), null, null));
            assertThat(analytics.value(ratio, region, quarter)).contains(new BigDecimal("0.25"));
            assertThat(analytics.value(ratio, region, quarter)).contains(new BigDecimal("0.25")); // from memory
            record("202402", "1"); // a write to the numerator alone
            assertThat(analytics.value(ratio, region, quarter)).contains(new BigDecimal("0.5"));
            return null;
        });
    }
}
