package org.bluehelm.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.bluehelm.indicator.IndicatorFixtures.unique;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The reconciliation of derived totals, on both databases: create, update, leave alone, delete. */
@IntegrationTest
class ValueReconcilerIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ValueReconciler reconciler;

    @Autowired
    JdbcClient jdbc;

    @Test
    void storedTotalsFollowTheWantedValuesAndAnUnchangedRunWritesNothing() throws Exception {
        long unit = orgUnit(mvc, "LBR");
        long indicator = id(
                createIndicator(mvc, admin(), "\"name\":\"Reconcile test " + unique() + "\",\"countryCode\":\"LBR\""));
        ValueKey q1 = new ValueKey(unit, "2024Q1");
        ValueKey q2 = new ValueKey(unit, "2024Q2");

        assertThat(reconciler.reconcile(indicator, Map.of(q1, new BigDecimal("10"), q2, new BigDecimal("5"))))
                .isEqualTo(new Reconciled(2, 0, 0, 0, 0));
        assertThat(stored(indicator)).isEqualTo(Map.of("2024Q1", "10", "2024Q2", "5"));

        assertThat(reconciler.reconcile(indicator, Map.of(q1, new BigDecimal("10.000"), q2, new BigDecimal("7"))))
                .isEqualTo(new Reconciled(0, 1, 0, 1, 0));
        assertThat(stored(indicator)).isEqualTo(Map.of("2024Q1", "10", "2024Q2", "7"));

        assertThat(reconciler.reconcile(indicator, Map.of(q1, new BigDecimal("10"))))
                .isEqualTo(new Reconciled(0, 0, 1, 1, 0));
        assertThat(stored(indicator)).isEqualTo(Map.of("2024Q1", "10"));

        assertThat(reconciler.reconcile(indicator, Map.of())).isEqualTo(new Reconciled(0, 0, 1, 0, 0));
        assertThat(stored(indicator)).isEmpty();
    }

    private Map<String, String> stored(long indicator) {
        Map<String, String> values = new HashMap<>();
        jdbc.sql("select period_id, value from data_value where indicator_id = :indicator")
                .param("indicator", indicator)
                .query((rs, n) -> values.put(
                        rs.getString(1),
                        rs.getBigDecimal(2).stripTrailingZeros().toPlainString()))
                .list();
        return values;
    }
}
