package org.bluehelm.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bluehelm.test.TestApi.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The estimators on the shipped country-year reference panel (213 countries, blanks where a source
 * does not cover a country or year): usable with a subset and {@code missing=drop}, which the
 * answer reports, and a clear error with the default {@code missing=error}.
 */
@IntegrationTest
class EvidenceReferencePanelIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<String> WEST_AFRICA = List.of(
            "LBR", "SLE", "GIN", "CIV", "GHA", "NGA", "SEN", "MLI", "BFA", "NER", "TGO", "BEN", "GMB", "GNB", "CPV",
            "MRT");

    @Autowired
    MockMvc mvc;

    private ResultActions run(String estimator, Map<String, ?> body) throws Exception {
        return mvc.perform(post("/api/v1/evidence/" + estimator)
                .contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))
                .with(admin()));
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theReferencePanelIsOfferedFirst() throws Exception {
        mvc.perform(get("/api/v1/evidence/sources").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value("reference"));
    }

    @Test
    void panelRegressionOnAWestAfricanSubsetReportsWhatWasDropped() throws Exception {
        JsonNode result = json(run(
                        "panel",
                        Map.of(
                                "panelSource", "reference",
                                "outcome", "vdem_physical_violence",
                                "regressors", List.of("pko_active"),
                                "effects", "twoway",
                                "cluster", "iso3",
                                "units", WEST_AFRICA,
                                "missing", "drop"))
                .andExpect(r -> assertThat(r.getResponse().getStatus())
                        .as(r.getResponse().getContentAsString(StandardCharsets.UTF_8))
                        .isEqualTo(200)));
        assertThat(result.at("/coefficients/pko_active/estimate").isNumber())
                .as(result.toString())
                .isTrue();
        assertThat(result.at("/coefficients/pko_active/stdError").asDouble()).isPositive();
        assertThat(result.at("/coefficients/pko_active/clusterStdError").asDouble())
                .isPositive();
        assertThat(result.get("units").asInt()).isBetween(10, WEST_AFRICA.size());
        assertThat(result.get("periods").asInt()).isGreaterThan(20);
        // with missing=drop the answer always says what was left out (here, possibly nothing)
        assertThat(result.at("/dropped/rows").isInt()).isTrue();
        assertThat(result.at("/dropped/reason").asText()).isNotBlank();
        // on every country the sources cover different years: rows with a blank cell are left out, and said so
        JsonNode all = json(run(
                        "panel",
                        Map.of(
                                "panelSource", "reference",
                                "outcome", "vdem_physical_violence",
                                "regressors", List.of("pko_active"),
                                "effects", "twoway",
                                "missing", "drop"))
                .andExpect(status().isOk()));
        assertThat(all.at("/dropped/rows").asInt()).isPositive();
        assertThat(all.at("/dropped/reason").asText()).contains("listwise deletion");
        assertThat(all.at("/coefficients/pko_active/stdError").asDouble()).isPositive();
        assertThat(result.get("n").asInt())
                .isEqualTo(result.at("/subset/rowsUsed").asInt());
        assertThat(result.at("/source/id").asText()).isEqualTo("reference");
        // 1990-2020 has no blank in these columns for these countries: missing=error runs, nothing dropped
        JsonNode recent = json(run(
                        "panel",
                        Map.of(
                                "panelSource", "reference",
                                "outcome", "vdem_physical_violence",
                                "regressors", List.of("pko_active"),
                                "effects", "twoway",
                                "cluster", "iso3",
                                "units", WEST_AFRICA,
                                "from", "1990",
                                "to", "2020"))
                .andExpect(status().isOk()));
        assertThat(recent.get("periods").asInt()).isEqualTo(31);
        assertThat(recent.has("dropped")).isFalse();
        assertThat(recent.at("/coefficients/pko_active/clusterStdError").asDouble())
                .isPositive();
    }

    @Test
    void missingErrorStillErrorsClearly() throws Exception {
        JsonNode problem = json(run(
                        "panel",
                        Map.of(
                                "panelSource", "reference",
                                "outcome", "vdem_physical_violence",
                                "regressors", List.of("pko_active"),
                                "effects", "twoway"))
                .andExpect(status().isBadRequest()));
        JsonNode errors = problem.get("errors");
        assertThat(errors.size()).as(problem.toString()).isLessThanOrEqualTo(11);
        JsonNode last = errors.get(errors.size() - 1);
        assertThat(last.get("field").asText()).isEqualTo("missing");
        assertThat(last.get("message").asText()).contains("blank").contains("missing=drop");
    }

    @Test
    void synthForLiberiaWithWestAfricanDonorsRuns() throws Exception {
        JsonNode result = json(run(
                        "synth",
                        Map.of(
                                "panelSource", "reference",
                                "outcome", "vdem_physical_violence",
                                "treated", "LBR",
                                "treatmentStart", "2003",
                                "unitFilter", "region=Western Africa",
                                "from", "1990",
                                "to", "2015",
                                "missing", "drop"))
                .andExpect(r -> assertThat(r.getResponse().getStatus())
                        .as(r.getResponse().getContentAsString(StandardCharsets.UTF_8))
                        .isEqualTo(200)));
        double sum = 0;
        for (JsonNode w : result.get("weights")) {
            assertThat(w.asDouble()).isGreaterThanOrEqualTo(0);
            sum += w.asDouble();
        }
        assertThat(sum).as(result.toString()).isCloseTo(1, within(1e-6));
        assertThat(result.get("weights").size()).isBetween(2, WEST_AFRICA.size() - 1);
        for (var name : result.get("weights").propertyNames()) {
            assertThat(WEST_AFRICA).as("donor %s is West African", name).contains(name);
        }
        assertThat(result.get("preRmspe").isNumber()).isTrue();
        assertThat(result.get("series").size()).isEqualTo(26);
        assertThat(result.at("/dropped/units").isArray()).isTrue();
        assertThat(result.at("/subset/where").asText()).isEqualTo("region=Western Africa");
    }

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    private org.springframework.test.web.servlet.request.RequestPostProcessor me() {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                users.loadUserByUsername("admin"));
    }

    @Test
    void theScreenOffersUnitsARegionAndShowsWhatWasDropped() throws Exception {
        String form = mvc.perform(get("/evidence")
                        .param("data", "reference")
                        .param("estimator", "panel")
                        .with(me()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form)
                .contains("<option value=\"region=Western Africa\">Western Africa</option>")
                .contains("<option value=\"LBR\">LBR</option>")
                .contains("name=\"from\"", "name=\"missing\"");
        java.util.function.Function<String, org.springframework.test.web.servlet.RequestBuilder> request =
                missing -> org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/evidence/run")
                        .param("data", "reference")
                        .param("estimator", "panel")
                        .param("outcome", "vdem_physical_violence")
                        .param("regressors", "pko_active")
                        .param("effects", "twoway")
                        .param("missing", missing)
                        .with(me())
                        .with(
                                org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf());
        String page = mvc.perform(request.apply("drop"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("id=\"dropped\"", "Left out:", "listwise deletion")
                .contains("id=\"evidence-coefficients\"")
                .doesNotContain("id=\"subset\"");
        String refused = mvc.perform(request.apply("error"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("missing=drop").doesNotContain("id=\"evidence-coefficients\"");
    }
}
