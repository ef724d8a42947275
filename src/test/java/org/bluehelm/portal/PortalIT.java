package org.bluehelm.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnitBelow;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.bluehelm.test.IntegrationTest;
import org.bluehelm.test.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class PortalIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    /**
     * In Liberia, a programme measuring a released indicator, a sensitive (not released) one and a
     * released count suppressed under 5; January to March approved for one district, April not.
     */
    private long fixture() throws Exception {
        long released = indicator("Released " + tag, true, null);
        long hidden = indicator("Hidden " + tag, false, null);
        long count = indicator("Small count " + tag, true, 5);
        long region = orgUnit(mvc, "LBR");
        long district = orgUnitBelow(mvc, region);
        long lead = TestApi.id(mvc.perform(post("/api/v1/actors")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Ministry " + tag
                                + "\",\"type\":\"HOST_MINISTRY\",\"countryCode\":\"LBR\"}"))
                .andExpect(status().isCreated()));
        long programme = TestApi.id(mvc.perform(post("/api/v1/programmes")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"LBR-POR-%s","name":"Portal test","pillar":"POLICE","countryCode":"LBR",
                                 "leadActorId":%d,"status":"ACTIVE",
                                 "results":[{"code":"OC1","level":"OUTCOME","title":"Trust","indicatorIds":[%d,%d,%d]}]}""".formatted(tag, lead, released, hidden, count)))
                .andExpect(status().isCreated()));
        record(released, district, "202401", "1234.5");
        record(released, district, "202404", "7777.25");
        record(hidden, district, "202401", "8888.75");
        record(count, district, "202401", "3");
        record(count, district, "202402", "6");
        for (String action : List.of("submit", "approve")) {
            mvc.perform(post("/api/v1/approvals/{action}", action)
                            .with(admin())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"programmeId\":%d,\"orgUnitId\":%d,\"period\":\"2024Q1\",\"comment\":\"\"}"
                                    .formatted(programme, district)))
                    .andExpect(status().isOk());
        }
        return district;
    }

    private long indicator(String name, boolean released, Integer suppressBelow) throws Exception {
        long id = id(createIndicator(
                mvc, admin(), "\"name\":\"" + name + "\",\"countryCode\":\"LBR\",\"dimension\":\"ACCOUNTABILITY\""));
        if (released) {
            mvc.perform(put("/api/v1/indicators/{id}/publicRelease", id)
                            .with(admin())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"publicRelease\":true,\"version\":1}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.publicRelease").value(true))
                    .andExpect(jsonPath("$.version").value(2));
        }
        // the accountability indicators' threshold (set by their migration; not part of the indicator form)
        jdbc.sql("update indicator set suppress_below = :s where id = :id")
                .param("s", suppressBelow)
                .param("id", id)
                .update();
        return id;
    }

    private void record(long indicator, long unit, String period, String value) throws Exception {
        mvc.perform(post("/api/v1/dataValues")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"%s\",\"value\":%s}"
                                .formatted(indicator, unit, period, value)))
                .andExpect(status().isCreated());
    }

    private String body(String path) throws Exception {
        return mvc.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static void noLeak(String body) {
        assertThat(body)
                .contains("1234.5")
                .doesNotContain("7777.25")
                .doesNotContain("Hidden ")
                .doesNotContain("8888.75");
    }

    @Test
    void onlyApprovedReleasedValuesAreShownAndSmallCellsAreSuppressedEverywhere() throws Exception {
        fixture();

        String html = body("/public/countries/LBR");
        noLeak(html);
        assertThat(html).contains("Released " + tag, "Small count " + tag, "&lt;5", "How to cite", "CC BY 4.0");

        String csv = body("/public/countries/LBR/indicators.csv");
        noLeak(csv);
        List<String> small =
                csv.lines().filter(l -> l.contains("Small count " + tag)).toList();
        assertThat(small).hasSize(2).anyMatch(l -> l.contains("202401") && l.endsWith("<5"));
        assertThat(small).anyMatch(l -> l.contains("202402") && l.endsWith(",6"));

        for (String path :
                List.of("/public/countries/LBR/indicators.json", "/api/public/v1/countries/LBR/indicators")) {
            String json = body(path);
            noLeak(json);
            assertThat(JsonPath.<String>read(json, "$.citation")).contains("CC BY 4.0");
            List<Object> suppressed = JsonPath.read(
                    json, "$.rows[?(@.indicatorName == 'Small count " + tag + "' && @.period == '202401')].value");
            assertThat(suppressed).hasSize(1).containsOnlyNulls();
            List<Boolean> flags = JsonPath.read(
                    json, "$.rows[?(@.indicatorName == 'Small count " + tag + "' && @.period == '202401')].suppressed");
            assertThat(flags).containsExactly(true);
        }
    }

    @Test
    void releasingIsAVersionedChangeOfTheIndicator() throws Exception {
        long id = indicator("Toggle " + tag, false, null);
        mvc.perform(get("/api/v1/indicators/{id}/publicRelease", id).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.publicRelease").value(false));
        mvc.perform(put("/api/v1/indicators/{id}/publicRelease", id)
                        .with(admin())
                        .header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"publicRelease\":true}"))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/indicators/{id}/publicRelease", id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"publicRelease\":false,\"version\":1}"))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/indicators/{id}/publicRelease", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"publicRelease\":false,\"version\":2}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/indicators/{id}/publicRelease", id).with(admin()))
                .andExpect(jsonPath("$.publicRelease").value(true));
    }

    @Test
    void pagesAndDownloadsAreCacheableWithEtagsWithoutSignIn() throws Exception {
        for (String path : List.of(
                "/public",
                "/public/countries/LBR",
                "/public/countries/LBR/indicators.csv",
                "/api/public/v1/countries")) {
            var response = mvc.perform(get(path))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", containsString("public")))
                    .andExpect(header().string("Cache-Control", containsString("max-age")))
                    .andReturn()
                    .getResponse();
            String etag = response.getHeader("ETag");
            assertThat(etag).as(path).isNotBlank();
            mvc.perform(get(path).header("If-None-Match", etag)).andExpect(status().isNotModified());
        }
    }

    @Test
    void homeListsCountriesAndMissionsInEnglishAndFrench() throws Exception {
        assertThat(body("/public?lang=en")).contains("Liberia", "UNMIL", "<h2>Countries</h2>");
        assertThat(body("/public?lang=fr"))
                .contains("Liberia", "UNMIL", "<h2>Pays</h2>", "Portail de transparence")
                .doesNotContain("<h2>Countries</h2>");
    }

    @Test
    void missionPageShowsMandateAndDeploymentsWithSources() throws Exception {
        String missions = body("/api/public/v1/missions");
        Number id = JsonPath.<List<Number>>read(missions, "$[?(@.acronym == 'UNMIL')].id")
                .get(0);
        String html = body("/public/missions/" + id);
        assertThat(html).contains("UNMIL", "<h2>Mandate</h2>", "Mapping blue helmets");
        mvc.perform(get("/api/public/v1/missions/{id}/deployments", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].countryCode", hasItem("LBR")));
        assertThat(body("/public/missions/" + id + "/deployments.csv")).startsWith("mission,country,year");
    }

    @Test
    void countryPageShowsTheCaseComparisonOnReferenceSeries() throws Exception {
        String html = body("/public/countries/LBR");
        assertThat(html).contains("Before, during and after the missions", "id=\"comparison\"", "<td>UNMIL</td>");
        assertThat(body("/public/countries/LBR?lang=fr")).contains("Avant, pendant et après les missions");
    }

    @Test
    void unknownCountryOrMissionIsNotFoundAndApiAllowsCrossOriginGets() throws Exception {
        mvc.perform(get("/api/public/v1/countries/ZZZ/indicators")).andExpect(status().isNotFound());
        mvc.perform(get("/public/missions/987654321")).andExpect(status().isNotFound());
        mvc.perform(get("/api/public/v1/countries").header("Origin", "https://example.org"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "*"));
        assertThat(body("/v3/api-docs"))
                .contains(
                        "/api/public/v1/countries",
                        "/api/public/v1/countries/{iso3}/indicators",
                        "/api/public/v1/missions");
    }
}
