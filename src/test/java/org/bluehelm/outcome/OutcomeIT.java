package org.bluehelm.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.test.TestApi.admin;
import static org.bluehelm.test.TestApi.missionId;
import static org.bluehelm.test.TestApi.userScopedToMission;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.bluehelm.evidence.PanelSource;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The reference panel through the API: the loaded catalogue with citations, the panel in JSON and
 * CSV with the figures of the shipped files and the mission years, uploads (validation, all or
 * nothing, who sees them) and the case comparison of Liberia and Somalia.
 */
@IntegrationTest
class OutcomeIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    List<PanelSource> panels;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    /** Liberia's WGI rule of law in 2005, as in the shipped file (PROVENANCE-wgi.md: -1.33). */
    static final double LBR_RULE_OF_LAW_2005 = -1.32651209831238;

    static final double SOM_RULE_OF_LAW_2005 = -2.17263507843018;

    @Test
    void theCatalogueListsEveryShippedSeriesWithItsCitation() throws Exception {
        mvc.perform(get("/api/v1/reference/series").param("size", "200").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath(
                        "$.items[?(@.code == 'wgi_rule_of_law')].citation", hasItem(containsString("Kaufmann"))))
                .andExpect(jsonPath(
                        "$.items[?(@.code == 'wgi_rule_of_law')].values",
                        hasItem(4379 - 10))) // 10 values of the Netherlands Antilles dropped
                .andExpect(jsonPath("$.items[?(@.code == 'wgi_rule_of_law')].firstYear", hasItem(1996)))
                .andExpect(jsonPath("$.items[?(@.code == 'vdem_physical_violence')].licence", hasItem("CC BY-SA 4.0")))
                .andExpect(jsonPath("$.items[?(@.code == 'vdem_political_corruption')].higherIsBetter", hasItem(false)))
                .andExpect(jsonPath(
                        "$.items[?(@.code == 'wjp_order_security')].source", hasItem(containsString("World Justice"))))
                .andExpect(jsonPath("$.items[?(@.code == 'cpia_rule_based_governance')].unit", hasItem("rating 1-6")));
        mvc.perform(get("/api/v1/reference/series")).andExpect(status().isUnauthorized());
    }

    @Test
    void thePanelJoinsOutcomesToMissionYearsWithTheSourceOfEveryColumn() throws Exception {
        String body = mvc.perform(get("/api/v1/reference/panel")
                        .param("series", "wgi_rule_of_law", "vdem_physical_violence")
                        .param("countries", "LBR")
                        .param("from", "1995")
                        .param("to", "2006")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath(
                        "$.sources[?(@.column == 'wgi_rule_of_law')].citation", hasItem(containsString("Kaufmann"))))
                .andExpect(jsonPath("$.sources[?(@.column == 'pko_active')].citation", hasItem(containsString("PACT"))))
                .andExpect(jsonPath("$.sources[?(@.column == 'pko_troops_geopko')].source", hasItem("Geo-PKO v2.3")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Map<String, Object> y2005 = row(body, "LBR", 2005);
        assertThat(y2005).containsEntry("country", "Liberia").containsEntry("region", "Western Africa");
        assertThat(((Number) y2005.get("wgi_rule_of_law")).doubleValue()).isEqualTo(LBR_RULE_OF_LAW_2005);
        assertThat(((Number) y2005.get("vdem_physical_violence")).doubleValue()).isEqualTo(0.755);
        assertThat(y2005.get("pko_active")).isEqualTo(1); // UNMIL
        assertThat(((Number) y2005.get("pko_troops_geopko")).doubleValue()).isGreaterThan(5000);
        assertThat(row(body, "LBR", 1995).get("pko_active")).isEqualTo(1); // UNOMIL 1993-1997
        assertThat(row(body, "LBR", 2000).get("pko_active")).isEqualTo(0); // between the two missions
        assertThat(row(body, "LBR", 2000).get("wgi_rule_of_law")).isNotNull();
        assertThat(row(body, "LBR", 2001).get("wgi_rule_of_law")).isNull(); // WGI has no 2001

        String csv = mvc.perform(get("/api/v1/reference/panel.csv")
                        .param("series", "wgi_rule_of_law")
                        .param("countries", "LBR")
                        .param("from", "2005")
                        .param("to", "2005")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv.lines().toList().get(0))
                .isEqualTo("iso3,year,country,region,pko_active,pko_troops_geopko,pko_personnel_hks,wgi_rule_of_law");
        assertThat(csv.lines().toList().get(1))
                .startsWith("LBR,2005,Liberia,Western Africa,1,")
                .endsWith(",-1.32651209831238");
        mvc.perform(get("/api/v1/reference/panel")
                        .accept("text/csv")
                        .param("countries", "SOM")
                        .param("from", "1993")
                        .param("to", "1993")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("SOM,1993,Somalia,Eastern Africa,1,")));

        mvc.perform(get("/api/v1/reference/panel")
                        .param("series", "no_such_series")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("series"));
        mvc.perform(get("/api/v1/reference/panel").param("countries", "XYZ").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("countries"));
    }

    @Test
    void theReferencePanelIsOfferedToTheEstimatorsWithCitations() {
        PanelSource reference = panels.stream()
                .filter(p -> p.id().equals("reference"))
                .findFirst()
                .orElseThrow();
        assertThat(reference.unitColumn()).isEqualTo("iso3");
        assertThat(reference.columns())
                .extracting(PanelSource.Column::name)
                .contains(
                        "pko_active",
                        "pko_troops_geopko",
                        "pko_personnel_hks",
                        "wgi_rule_of_law",
                        "vdem_physical_violence");
        assertThat(reference.columns()).allMatch(c -> !c.citation().isBlank());
        String csv = reference.csv();
        assertThat(csv).contains("\nLBR,2005,Liberia,Western Africa,1,");
    }

    @Test
    void anUploadIsValidatedAllOrNothingAndSeenByItsUploaderAdminsAndStewardsOnly() throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        RequestPostProcessor viewer = userScopedToMission(mvc, "VIEWER", unmil);
        RequestPostProcessor other = userScopedToMission(mvc, "VIEWER", unmil);
        RequestPostProcessor steward = userScopedToMission(mvc, "DATA_STEWARD", unmil);
        int before = uploadsSeenBy(viewer);

        upload(viewer, "Police per 100k " + tag, "Survey " + tag, """
                        country,year,value
                        Liberia,2004,120
                        Atlantis,2004,3
                        LBR,2004,130
                        SOM,2005,abc
                        """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("line 3, column 'country'")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("line 4, column 'value'")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("line 5, column 'value'")));
        upload(viewer, "", "", "iso3,year,value\nLBR,2004,1\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("label")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("citation")));
        assertThat(uploadsSeenBy(viewer)).isEqualTo(before);

        String body = upload(viewer, "Police per 100k " + tag, "Survey " + tag, """
                        iso3,2004,2005
                        LBR,120,135.5
                        SOM,,40
                        """)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.values").value(3))
                .andExpect(jsonPath("$.citation").value("Survey " + tag))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String code = JsonPath.read(body, "$.code");
        assertThat(uploadsSeenBy(viewer)).isEqualTo(before + 1);

        mvc.perform(get("/api/v1/reference/series/" + code).with(admin())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/reference/series/" + code).with(steward)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/reference/series/" + code).with(other)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reference/panel").param("series", code).with(other))
                .andExpect(status().isBadRequest());

        String panel = mvc.perform(get("/api/v1/reference/panel")
                        .param("series", code)
                        .param("countries", "LBR")
                        .param("from", "2005")
                        .param("to", "2005")
                        .with(viewer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sources[?(@.column == '" + code + "')].citation", hasItem("Survey " + tag)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(((Number) row(panel, "LBR", 2005).get(code)).doubleValue()).isEqualTo(135.5);
        mvc.perform(get("/api/v1/reference/comparison")
                        .param("country", "LBR")
                        .param("series", code)
                        .param("from", "2004")
                        .param("to", "2005")
                        .with(viewer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.series[0].lines[0].values[1]").value(135.5));

        mvc.perform(delete("/api/v1/reference/series/" + code).with(other)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/reference/series/wgi_rule_of_law").with(admin()))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/reference/series/" + code).with(viewer)).andExpect(status().isNoContent());
        assertThat(uploadsSeenBy(viewer)).isEqualTo(before);
        mvc.perform(get("/api/v1/audit")
                        .param("recordType", "outcome_series")
                        .param("recordId", code)
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].action", org.hamcrest.Matchers.containsInAnyOrder("CREATE", "DELETE")));
    }

    @Test
    void theComparisonShowsLiberiaAndSomaliaAgainstTheRegionalMeanWithTheMissionPeriods() throws Exception {
        String body = mvc.perform(get("/api/v1/reference/comparison")
                        .param("country", "LBR")
                        .param("series", "wgi_rule_of_law")
                        .param("compare", "SOM")
                        .param("from", "1990")
                        .param("to", "2019")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.country.name").value("Liberia"))
                .andExpect(jsonPath("$.region.name").value("Western Africa"))
                .andExpect(jsonPath("$.missions[?(@.acronym == 'UNMIL')].from", hasItem(2003)))
                .andExpect(jsonPath("$.missions[?(@.acronym == 'UNMIL')].to", hasItem(2018)))
                .andExpect(jsonPath("$.missions[?(@.acronym == 'UNOMIL')].from", hasItem(1993)))
                .andExpect(jsonPath("$.compare[0].missions[*].acronym", hasItem("UNOSOM I")))
                .andExpect(jsonPath("$.compare[0].missions[*].acronym", hasItem("UNOSOM II")))
                .andExpect(jsonPath("$.series[0].series.citation", containsString("Kaufmann")))
                .andExpect(jsonPath("$.note", containsString("not causal")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Integer> years = JsonPath.read(body, "$.series[0].years");
        int i2005 = years.indexOf(2005);
        assertThat(((Number) JsonPath.read(body, "$.series[0].lines[0].values[" + i2005 + "]")).doubleValue())
                .isEqualTo(LBR_RULE_OF_LAW_2005);
        assertThat((String) JsonPath.read(body, "$.series[0].lines[1].key")).isEqualTo("SOM");
        assertThat(((Number) JsonPath.read(body, "$.series[0].lines[1].values[" + i2005 + "]")).doubleValue())
                .isEqualTo(SOM_RULE_OF_LAW_2005);
        assertThat((Object) JsonPath.read(body, "$.series[0].lines[0].values[" + years.indexOf(2001) + "]"))
                .isNull();

        // the regional mean, computed here from the shipped files: the other Western African countries
        Set<String> westAfrica = CountryCodes.csv("referencedata/outcomes/regions.csv").stream()
                .filter(r ->
                        r.get("region_code").equals("011") && !r.get("iso3").equals("LBR"))
                .map(r -> r.get("iso3"))
                .collect(Collectors.toSet());
        List<Double> values2005 = CountryCodes.csv("referencedata/outcomes/outcomes.csv").stream()
                .filter(r -> r.get("series").equals("wgi_rule_of_law")
                        && r.get("year").equals("2005"))
                .filter(r -> westAfrica.contains(r.get("code")))
                .map((CSVRecord r) -> Double.parseDouble(r.get("value")))
                .toList();
        assertThat((String) JsonPath.read(body, "$.series[0].lines[2].kind")).isEqualTo("REGION");
        assertThat(((Number) JsonPath.read(body, "$.series[0].lines[2].values[" + i2005 + "]")).doubleValue())
                .isCloseTo(
                        values2005.stream().mapToDouble(d -> d).average().orElseThrow(),
                        org.assertj.core.data.Offset.offset(1e-12));
        assertThat((Integer) JsonPath.read(body, "$.series[0].lines[2].counts[" + i2005 + "]"))
                .isEqualTo(values2005.size())
                .isGreaterThan(10);

        // UNMIL: during = 2003-2018, WGI every year; before = 1990-2002, WGI 1996, 1998, 2000, 2002
        List<Integer> during = JsonPath.read(body, "$.series[0].periods[?(@.mission == 'UNMIL')].during.n");
        List<Integer> before = JsonPath.read(body, "$.series[0].periods[?(@.mission == 'UNMIL')].before.n");
        assertThat(during).containsExactly(16);
        assertThat(before).containsExactly(4);

        mvc.perform(get("/api/v1/reference/comparison")
                        .param("country", "XYZ")
                        .param("series", "wgi_rule_of_law")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("country"));
    }

    private ResultActions upload(RequestPostProcessor user, String label, String citation, String csv)
            throws Exception {
        return mvc.perform(multipart("/api/v1/reference/uploads")
                .file(new MockMultipartFile("file", "series.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("label", label)
                .param("citation", citation)
                .with(user));
    }

    private int uploadsSeenBy(RequestPostProcessor user) throws Exception {
        String body = mvc.perform(
                        get("/api/v1/reference/series").param("size", "200").with(user))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Object> uploads = JsonPath.read(body, "$.items[?(@.owner != null)]");
        return uploads.size();
    }

    private static Map<String, Object> row(String body, String iso3, int year) {
        List<Map<String, Object>> rows =
                JsonPath.read(body, "$.rows[?(@.iso3 == '" + iso3 + "' && @.year == " + year + ")]");
        assertThat(rows).as(iso3 + " " + year).hasSize(1);
        return rows.get(0);
    }
}
