package org.bluehelm.mission;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class MissionApiIT {

    @Autowired
    MockMvc mvc;

    @Test
    void theRealMissionsAreLoadedWithHostsAndCorrectedDates() throws Exception {
        mvc.perform(get("/api/v1/missions").param("q", "UNMIL").with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].acronym").value("UNMIL"))
                .andExpect(jsonPath("$.items[0].hostCountries").value("LBR"))
                .andExpect(jsonPath("$.items[0].startDate").value("2003-09-01"))
                .andExpect(jsonPath("$.items[0].endDate").value("2018-03-31"))
                .andExpect(jsonPath("$.items[0].status").value("CLOSED"));
        mvc.perform(get("/api/v1/missions")
                        .param("country", "SOM")
                        .param("sort", "startDate")
                        .with(httpBasic("admin", "test-admin-password")))
                .andExpect(jsonPath("$.items[*].acronym", hasItem("UNOSOM I")))
                .andExpect(jsonPath("$.items[*].acronym", hasItem("UNOSOM II")));
        mvc.perform(get("/api/v1/missions").param("size", "200").with(httpBasic("admin", "test-admin-password")))
                .andExpect(jsonPath("$.total", greaterThanOrEqualTo(71)));
    }

    @Test
    void deploymentFiguresCarryTheirCitation() throws Exception {
        String body = mvc.perform(
                        get("/api/v1/missions").param("q", "UNMIL").with(httpBasic("admin", "test-admin-password")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(get("/api/v1/missions/{id}/deployments", id).with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.source == 'GEOPKO' && @.year == 2005)].troops")
                        .isNotEmpty())
                .andExpect(jsonPath("$[?(@.source == 'HKS2013' && @.year == 2004)].troops")
                        .isNotEmpty())
                .andExpect(jsonPath("$[0].citation", containsString("Geo-PKO")));
    }

    @Test
    void aMissionIsCreatedWithItsMandateAndAStaleEditIsRefused() throws Exception {
        String json = """
                {"acronym":"TEST-MANDATE","name":"Test Mission for Mandates","startDate":"2020-01-01",
                 "hostCountries":["LBR"],
                 "resolutions":[{"symbol":"S/RES/9999 (2020)","adoptedOn":"2019-12-15"}],
                 "tasks":[{"resolution":"S/RES/9999 (2020)","paragraph":"7(b)","text":"Support police reform","pillar":"POLICE"}]}""";
        String created = mvc.perform(post("/api/v1/missions")
                        .with(httpBasic("admin", "test-admin-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.tasks[0].pillar").value("POLICE"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
        String update = json.replace("Test Mission for Mandates", "Renamed")
                .replace("{\"acronym\"", "{\"version\":1,\"acronym\"");
        mvc.perform(put("/api/v1/missions/{id}", id)
                        .with(httpBasic("admin", "test-admin-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(update))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(put("/api/v1/missions/{id}", id)
                        .with(httpBasic("admin", "test-admin-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(update))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));
    }

    @Test
    void badInputNamesEveryWrongFieldAndWritesNothing() throws Exception {
        mvc.perform(post("/api/v1/missions")
                        .with(httpBasic("admin", "test-admin-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"acronym":"TEST-BAD","name":"","startDate":"2020-01-01","endDate":"2019-01-01",
                                 "hostCountries":["XXX"],
                                 "tasks":[{"resolution":"S/RES/1","text":"x"}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("endDate")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("hostCountries[0]")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("tasks[0].resolution")));
        mvc.perform(get("/api/v1/missions").param("q", "TEST-BAD").with(httpBasic("admin", "test-admin-password")))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(post("/api/v1/missions")
                        .with(httpBasic("admin", "test-admin-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"acronym\":\"TEST-BAD\",\"startDate\":\"01/02/2020\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("startDate"));
    }
}
