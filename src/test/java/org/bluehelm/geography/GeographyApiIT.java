package org.bluehelm.geography;

import static org.bluehelm.test.TestApi.admin;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.bluehelm.test.IntegrationTest;
import org.bluehelm.test.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class GeographyApiIT {

    @Autowired
    MockMvc mvc;

    private ResultActions create(RequestPostProcessor who, String json) throws Exception {
        return mvc.perform(post("/api/v1/orgUnits")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void countriesHaveIsoCodesAndFrenchNames() throws Exception {
        mvc.perform(get("/api/v1/countries/lbr").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.iso3").value("LBR"))
                .andExpect(jsonPath("$.iso2").value("LR"))
                .andExpect(jsonPath("$.nameEn").value("Liberia"))
                .andExpect(jsonPath("$.nameFr").value("Liberia"));
        mvc.perform(get("/api/v1/countries/SOM").with(admin()))
                .andExpect(jsonPath("$.nameFr").value("Somalie"));
        mvc.perform(get("/api/v1/countries").param("q", "somal").with(admin()))
                .andExpect(jsonPath("$.items[*].iso3", hasItem("SOM")));
        mvc.perform(get("/api/v1/countries").param("size", "300").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void aHierarchyKeepsLevelsAndPathsWhenAUnitMoves() throws Exception {
        long country = TestApi.id(
                create(admin(), "{\"code\":\"GEO-LBR\",\"name\":\"Liberia\",\"kind\":\"AREA\",\"countryCode\":\"LBR\"}")
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.level").value(1)));
        long nimba = TestApi.id(create(
                        admin(),
                        "{\"code\":\"GEO-NI\",\"name\":\"Nimba\",\"kind\":\"AREA\",\"parentId\":" + country + "}")
                .andExpect(jsonPath("$.level").value(2))
                .andExpect(jsonPath("$.countryCode").value("LBR")));
        long bong = TestApi.id(create(
                admin(), "{\"code\":\"GEO-BG\",\"name\":\"Bong\",\"kind\":\"AREA\",\"parentId\":" + country + "}"));
        long district = TestApi.id(create(
                        admin(),
                        "{\"code\":\"GEO-SD\",\"name\":\"Sanniquellie\",\"kind\":\"AREA\",\"parentId\":" + nimba + "}")
                .andExpect(jsonPath("$.level").value(3)));
        long station = TestApi.id(create(
                        admin(),
                        "{\"code\":\"GEO-ST\",\"name\":\"Police station\",\"kind\":\"INSTITUTION_UNIT\",\"parentId\":"
                                + district + "}")
                .andExpect(jsonPath("$.level").value(4)));

        mvc.perform(get("/api/v1/orgUnits")
                        .param("within", String.valueOf(nimba))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(3));

        // move Nimba below Bong: its whole subtree follows
        mvc.perform(put("/api/v1/orgUnits/{id}", nimba)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"GEO-NI\",\"name\":\"Nimba\",\"kind\":\"AREA\",\"parentId\":" + bong
                                + ",\"version\":1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value(3))
                .andExpect(jsonPath("$.path").value("/" + country + "/" + bong + "/" + nimba + "/"));
        mvc.perform(get("/api/v1/orgUnits/{id}", station).with(admin()))
                .andExpect(jsonPath("$.level").value(5))
                .andExpect(jsonPath("$.path")
                        .value("/" + country + "/" + bong + "/" + nimba + "/" + district + "/" + station + "/"));
        mvc.perform(get("/api/v1/orgUnits")
                        .param("within", String.valueOf(bong))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(4));

        // a unit cannot go below itself, and a parent with children cannot be deleted
        mvc.perform(put("/api/v1/orgUnits/{id}", bong)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"GEO-BG\",\"name\":\"Bong\",\"kind\":\"AREA\",\"parentId\":" + station
                                + ",\"version\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"));
        mvc.perform(delete("/api/v1/orgUnits/{id}", bong).param("version", "1").with(admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("has-children"));
        // moving the subtree changed the station's path, so its version moved on too
        mvc.perform(delete("/api/v1/orgUnits/{id}", station)
                        .param("version", "1")
                        .with(admin()))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/orgUnits/{id}", station)
                        .param("version", "2")
                        .with(admin()))
                .andExpect(status().isNoContent());
    }

    @Test
    void badUnitsAreRefusedFieldByFieldAndStaleEditsConflict() throws Exception {
        create(admin(), "{\"code\":\"\",\"name\":\"\",\"countryCode\":\"ZZZ\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("code")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("kind")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("countryCode")));
        long unit = TestApi.id(create(
                admin(), "{\"code\":\"GEO-STALE\",\"name\":\"Lofa\",\"kind\":\"AREA\",\"countryCode\":\"LBR\"}"));
        create(admin(), "{\"code\":\"GEO-STALE\",\"name\":\"Lofa again\",\"kind\":\"AREA\",\"countryCode\":\"LBR\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        String update = "{\"code\":\"GEO-STALE\",\"name\":\"Lofa County\",\"kind\":\"AREA\"}";
        mvc.perform(put("/api/v1/orgUnits/{id}", unit)
                        .with(admin())
                        .header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(update))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/orgUnits/{id}", unit)
                        .with(admin())
                        .header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(update))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));
        mvc.perform(put("/api/v1/orgUnits/{id}", unit)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(update))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    @Test
    void unitsAreChangedOnlyWithinTheUsersCountries() throws Exception {
        RequestPostProcessor unmilManager =
                TestApi.userScopedToMission(mvc, "MISSION_MANAGER", TestApi.missionId(mvc, "UNMIL"));
        create(
                        unmilManager,
                        "{\"code\":\"GEO-SCOPE-L\",\"name\":\"Margibi\",\"kind\":\"AREA\",\"countryCode\":\"LBR\"}")
                .andExpect(status().isCreated());
        create(
                        unmilManager,
                        "{\"code\":\"GEO-SCOPE-C\",\"name\":\"Abidjan\",\"kind\":\"AREA\",\"countryCode\":\"CIV\"}")
                .andExpect(status().isForbidden());
        long abidjan = TestApi.id(create(
                admin(), "{\"code\":\"GEO-SCOPE-C\",\"name\":\"Abidjan\",\"kind\":\"AREA\",\"countryCode\":\"CIV\"}"));
        mvc.perform(put("/api/v1/orgUnits/{id}", abidjan)
                        .with(unmilManager)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"GEO-SCOPE-C\",\"name\":\"Renamed\",\"kind\":\"AREA\",\"version\":1}"))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/orgUnits/{id}", abidjan)
                        .param("version", "1")
                        .with(unmilManager))
                .andExpect(status().isForbidden());
    }
}
