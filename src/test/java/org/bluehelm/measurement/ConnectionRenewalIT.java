package org.bluehelm.measurement;

import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The connection pool closes its connections from time to time (after 30 minutes by default),
 * among them the one that created the tables at start-up. Values must still be accepted, checked
 * against the tables' constraints, and added up afterwards: H2 2.4.240 refused every row of a
 * table with a {@code CHECK (... IN (...))} constraint once the connection that created the
 * constraint was closed.
 */
@IntegrationTest
class ConnectionRenewalIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    @Test
    void valuesAreAcceptedAndAddedUpAfterEveryConnectionHasBeenRenewed() throws Exception {
        long unit = orgUnit(mvc, "LBR");
        long indicator = id(createIndicator(mvc, admin(), "\"valueType\":\"INTEGER\",\"countryCode\":\"LBR\""));

        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();

        mvc.perform(post("/api/v1/dataValues")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"202405\",\"value\":42}"
                                .formatted(indicator, unit)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.periodType").value("MONTHLY"));
        mvc.perform(get("/api/v1/analytics")
                        .param("indicator", String.valueOf(indicator))
                        .param("orgUnit", String.valueOf(unit))
                        .param("from", "2024Q2")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].value").value(42));
    }
}
