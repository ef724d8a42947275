package org.bluehelm.context;

import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnitBelow;
import static org.bluehelm.test.TestApi.admin;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.bluehelm.indicator.IndicatorFixtures;
import org.bluehelm.test.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Transition readiness from the SSR index dimensions and the context, per region and per pillar. */
@IntegrationTest
class ReadinessIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService userDetails;

    @Test
    void readinessWeighsCapacityOwnershipAccountabilityAndContextPerRegionAndPillar() throws Exception {
        long root = orgUnit(mvc, "LBR");
        long county = orgUnitBelow(mvc, root);
        long capacity = indicator("CAPACITY", "POLICE", root);
        long ownership = indicator("OWNERSHIP", "DEFENCE", root);
        record(capacity, county, "60");
        record(ownership, county, "80");
        mvc.perform(post("/api/v1/context/assessments")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"countryCode":"LBR","assessedOn":"%s","kind":"PERIODIC","scores":[
                                 {"factor":"POLITICAL_WILL","score":4},{"factor":"RESOURCES","score":4},
                                 {"factor":"FRAGMENTATION","score":4},{"factor":"CORRUPTION","score":4},
                                 {"factor":"SPOILERS","score":4},{"factor":"LOCAL_OWNERSHIP","score":4},
                                 {"factor":"PUBLIC_TRUST","score":4}]}""".formatted(LocalDate.now())))
                .andExpect(status().isCreated());

        // (0.30 × 60 + 0.30 × 80 + 0.15 × 75) / 0.75 = 71.0; accountability has no data
        mvc.perform(get("/api/v1/readiness")
                        .param("orgUnit", String.valueOf(root))
                        .param("period", "2026")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.countryCode").value("LBR"))
                .andExpect(jsonPath("$.context").value(75.0))
                .andExpect(jsonPath("$.rows[0].orgUnitId").value((int) root))
                .andExpect(jsonPath("$.rows[0].capacity").value(60.0))
                .andExpect(jsonPath("$.rows[0].ownership").value(80.0))
                .andExpect(jsonPath("$.rows[0].accountability").value(nullValue()))
                .andExpect(jsonPath("$.rows[0].score").value(71.0))
                .andExpect(jsonPath("$.rows[0].level").value("READY"))
                .andExpect(jsonPath("$.rows[0].components").value(3))
                .andExpect(jsonPath("$.rows[1].orgUnitId").value((int) county))
                .andExpect(jsonPath("$.rows[1].score").value(71.0));
        // police only: (0.30 × 60 + 0.15 × 75) / 0.45 = 65.0
        mvc.perform(get("/api/v1/readiness")
                        .param("orgUnit", String.valueOf(root))
                        .param("pillar", "POLICE")
                        .param("period", "2026")
                        .with(admin()))
                .andExpect(jsonPath("$.rows[0].ownership").value(nullValue()))
                .andExpect(jsonPath("$.rows[0].score").value(65.0))
                .andExpect(jsonPath("$.rows[0].level").value("PARTIAL"));
        mvc.perform(get("/api/v1/readiness").param("period", "2026").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("countryCode"));
        mvc.perform(get("/readiness")
                        .param("orgUnit", String.valueOf(root))
                        .param("period", "2026")
                        .with(user(userDetails.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Ready")));
        mvc.perform(get("/readiness/method").param("lang", "fr").with(user(userDetails.loadUserByUsername("admin"))))
                .andExpect(content().string(Matchers.containsString("0,30 × C + 0,30 × O + 0,25 × A + 0,15 × X")));
    }

    private long indicator(String dimension, String pillar, long unit) throws Exception {
        return IndicatorFixtures.id(createIndicator(mvc, admin(), """
                "countryCode":"LBR","dimension":"%s","pillar":"%s","direction":"HIGHER_IS_BETTER","aggregation":"SUM",
                "baselinesAndTargets":[{"kind":"BASELINE","orgUnitId":%d,"period":"2020","value":0},
                                       {"kind":"TARGET","orgUnitId":%d,"period":"2027","value":100}]""".formatted(dimension, pillar, unit, unit)));
    }

    private void record(long indicator, long unit, String value) throws Exception {
        mvc.perform(post("/api/v1/dataValues")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"2026\",\"value\":%s}"
                                .formatted(indicator, unit, value)))
                .andExpect(status().isCreated());
    }
}
