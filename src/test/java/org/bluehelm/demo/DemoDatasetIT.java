package org.bluehelm.demo;

import static org.bluehelm.test.TestApi.admin;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.bluehelm.test.IntegrationTest;
import org.bluehelm.test.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class DemoDatasetIT {

    @Autowired
    MockMvc mvc;

    @Test
    void anAdministratorLoadsTheLabelledLiberiaDemoAndRemovesItWithoutTrace() throws Exception {
        mvc.perform(post("/api/v1/admin/demo")
                        .with(TestApi.userScopedToMission(mvc, "MISSION_MANAGER", TestApi.missionId(mvc, "UNMIL"))))
                .andExpect(status().isForbidden());

        mvc.perform(post("/api/v1/admin/demo").with(admin()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("LOADED"))
                .andExpect(jsonPath("$.records", greaterThan(30)));
        mvc.perform(post("/api/v1/admin/demo").with(admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("demo-loaded"));

        mvc.perform(get("/api/v1/programmes").param("q", "LBR-DEMO").with(admin()))
                .andExpect(jsonPath("$.total").value(5))
                .andExpect(jsonPath("$.items[*].name", everyItem(startsWith("[Demo] "))));
        mvc.perform(get("/api/v1/institutions").param("q", "[Demo]").with(admin()))
                .andExpect(jsonPath("$.total").value(5));
        mvc.perform(get("/api/v1/indicators")
                        .param("q", "demo_")
                        .param("size", "50")
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(9))
                .andExpect(jsonPath("$.items[*].name", everyItem(startsWith("[Demo] "))));
        String indicator = mvc.perform(get("/api/v1/indicators/byCode/demo_complaints_received")
                        .with(admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long indicatorId = Long.parseLong(indicator.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
        mvc.perform(get("/api/v1/dataValues")
                        .param("indicator", String.valueOf(indicatorId))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(60)); // 5 counties x 12 quarters

        mvc.perform(delete("/api/v1/admin/demo").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("REMOVED"))
                .andExpect(jsonPath("$.records").value(0));
        mvc.perform(get("/api/v1/programmes").param("q", "LBR-DEMO").with(admin()))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/indicators").param("q", "demo_").with(admin()))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/orgUnits").param("q", "DEMO-LBR").with(admin()))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/dataValues")
                        .param("indicator", String.valueOf(indicatorId))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(0));
    }
}
