package org.bluehelm.measurement;

import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.indicatorJson;
import static org.bluehelm.indicator.IndicatorFixtures.missionId;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.bluehelm.indicator.IndicatorFixtures.unique;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Two data stewards, one scoped to UNMIL (Liberia) and one to UNOCI (Côte d'Ivoire): neither sees
 * nor changes the other's indicators and data values, and both read the shared library.
 */
@IntegrationTest
class ScopeIsolationIT {

    private static final String PASSWORD = "a-long-enough-password";

    @Autowired
    MockMvc mvc;

    private RequestPostProcessor steward(long missionId) throws Exception {
        String username = "steward-" + unique();
        mvc.perform(post("/api/v1/users")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"Steward %s","password":"%s",
                                 "roles":["DATA_STEWARD"],"scopes":[{"type":"MISSION","value":"%d"}]}""".formatted(username, username, PASSWORD, missionId)))
                .andExpect(status().isCreated());
        return httpBasic(username, PASSWORD);
    }

    private ResultActions record(RequestPostProcessor user, long indicator, long unit) throws Exception {
        return mvc.perform(post("/api/v1/dataValues")
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"2024\",\"value\":3}"
                        .formatted(indicator, unit)));
    }

    @Test
    void stewardsOfTwoMissionsSeeAndChangeOnlyTheirOwnIndicatorsAndValues() throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        long unoci = missionId(mvc, "UNOCI");
        RequestPostProcessor a = steward(unmil);
        RequestPostProcessor b = steward(unoci);
        long liberia = orgUnit(mvc, "LBR");
        long ivoryCoast = orgUnit(mvc, "CIV");

        String codeA = "a_" + unique();
        String codeB = "b_" + unique();
        long indicatorA = id(createIndicator(mvc, a, "\"code\":\"%s\",\"missionId\":%d".formatted(codeA, unmil)));
        long indicatorB = id(createIndicator(mvc, b, "\"code\":\"%s\",\"missionId\":%d".formatted(codeB, unoci)));
        String codeLibrary = "l_" + unique();
        long library = id(createIndicator(mvc, admin(), "\"code\":\"%s\"".formatted(codeLibrary)));

        // lists: own and library, never the other mission's (searched by this test's codes: the shared
        // test database holds more indicators than a page)
        for (String code : List.of(codeA, codeLibrary, codeB)) {
            mvc.perform(get("/api/v1/indicators").param("q", code).with(a))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[*].id", not(hasItem((int) indicatorB))));
        }
        mvc.perform(get("/api/v1/indicators").param("q", codeA).with(a))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) indicatorA)));
        mvc.perform(get("/api/v1/indicators").param("q", codeLibrary).with(a))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) library)));
        mvc.perform(get("/api/v1/indicators").param("q", codeB).with(a))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/indicators").param("q", codeA).with(b))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/indicators").param("q", codeB).with(b))
                .andExpect(jsonPath("$.total").value(1));

        // single reads outside scope are not found; the library is readable by both
        mvc.perform(get("/api/v1/indicators/{id}", indicatorB).with(a)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/indicators/byCode/{code}", codeB).with(a)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/indicators/{id}", indicatorA).with(b)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/indicators/{id}", library).with(a)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/indicators/{id}", library).with(b)).andExpect(status().isOk());

        // writes outside scope are refused
        mvc.perform(put("/api/v1/indicators/{id}", indicatorB)
                        .with(a)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(indicatorJson("\"version\":1,\"missionId\":%d".formatted(unoci))))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/indicators/{id}", indicatorB)
                        .param("version", "1")
                        .with(a))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/indicators")
                        .with(a)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(indicatorJson("\"missionId\":%d".formatted(unoci))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        mvc.perform(post("/api/v1/indicators")
                        .with(a)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(indicatorJson("")))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/indicators/{id}", library)
                        .with(a)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(indicatorJson("\"version\":1")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/indicators/{id}", indicatorB).with(b))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.code").value(codeB));

        // data values
        long valueA = id(
                record(a, indicatorA, liberia).andExpect(status().isCreated()).andReturn());
        long valueB = id(record(b, indicatorB, ivoryCoast)
                .andExpect(status().isCreated())
                .andReturn());
        long libraryValueA =
                id(record(a, library, liberia).andExpect(status().isCreated()).andReturn());
        record(a, indicatorB, ivoryCoast).andExpect(status().isForbidden());
        record(a, library, ivoryCoast).andExpect(status().isForbidden());
        record(b, library, liberia).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/dataValues/batch")
                        .with(a)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"values":[{"indicatorId":%d,"orgUnitId":%d,"period":"2025","value":1},
                                           {"indicatorId":%d,"orgUnitId":%d,"period":"2025","value":1}]}""".formatted(indicatorA, liberia, indicatorB, ivoryCoast)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/dataValues")
                        .param("indicator", String.valueOf(indicatorA))
                        .with(a))
                .andExpect(jsonPath("$.total").value(1));

        // a list without an indicator filter (narrowed to the units and period written here, so that
        // values other tests leave behind cannot push these off the page) shows own values only
        mvc.perform(get("/api/v1/dataValues")
                        .param("orgUnit", String.valueOf(liberia))
                        .param("period", "2024")
                        .param("size", "200")
                        .with(a))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) valueA)))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) libraryValueA)));
        mvc.perform(get("/api/v1/dataValues")
                        .param("orgUnit", String.valueOf(ivoryCoast))
                        .param("period", "2024")
                        .param("size", "200")
                        .with(a))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) valueB))));
        mvc.perform(get("/api/v1/dataValues")
                        .param("indicator", String.valueOf(indicatorB))
                        .with(a))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/dataValues")
                        .param("indicator", String.valueOf(library))
                        .with(b))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/dataValues/{id}", valueB).with(a)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dataValues/{id}", valueA).with(b)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dataValues/{id}", valueB).with(b)).andExpect(status().isOk());
        mvc.perform(put("/api/v1/dataValues/{id}", valueB)
                        .with(a)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":9,\"version\":1}"))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/dataValues/{id}", valueB)
                        .param("version", "1")
                        .with(a))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dataValues/{id}", valueB).with(b))
                .andExpect(jsonPath("$.value").value(3))
                .andExpect(jsonPath("$.version").value(1));
    }
}
