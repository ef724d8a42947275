package org.bluehelm.indicator;

import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.indicatorJson;
import static org.bluehelm.indicator.IndicatorFixtures.missionId;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.bluehelm.indicator.IndicatorFixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
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
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class IndicatorApiIT {

    @Autowired
    MockMvc mvc;

    private ResultActions postIndicator(String fields) throws Exception {
        return mvc.perform(post("/api/v1/indicators")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(indicatorJson(fields)));
    }

    private long category(String code, String options) throws Exception {
        return id(mvc.perform(post("/api/v1/disaggregations")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"%s\",\"name\":\"Level %s\",\"options\":[%s]}"
                                .formatted(code, code, options)))
                .andExpect(status().isCreated())
                .andReturn());
    }

    @Test
    void theSexCategoryIsSeededWithItsOptions() throws Exception {
        mvc.perform(get("/api/v1/disaggregations").param("q", "SEX").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.code == 'SEX')].name").value(hasItem("Sex")))
                .andExpect(
                        jsonPath("$.items[?(@.code == 'SEX')].options[0].code").value(hasItem("FEMALE")))
                .andExpect(
                        jsonPath("$.items[?(@.code == 'SEX')].options[1].code").value(hasItem("MALE")));
    }

    @Test
    void anIndicatorIsCreatedWithCategoriesBaselinesAndTargetsAndAStaleEditIsRefused() throws Exception {
        String level = "LEVEL_" + unique().toUpperCase();
        category(level, "{\"code\":\"NATIONAL\",\"name\":\"National\"},{\"code\":\"COUNTY\",\"name\":\"County\"}");
        long unit = orgUnit(mvc, "LBR");
        long unmil = missionId(mvc, "UNMIL");
        String code = "trained_female_" + unique();
        String json = """
                "code":"%s","name":"Share of police officers trained in human rights","definition":"Officers trained / officers on strength",
                "unit":"%%","valueType":"PERCENTAGE","aggregation":"AVERAGE","direction":"HIGHER_IS_BETTER",
                "dimension":"RIGHTS","pillar":"POLICE","missionId":%d,"categories":["SEX","%s"],
                "baselinesAndTargets":[
                  {"kind":"BASELINE","orgUnitId":%d,"period":"2023","value":12.5},
                  {"kind":"TARGET","orgUnitId":%d,"period":"2024Q4","value":40},
                  {"kind":"TARGET","orgUnitId":%d,"period":"2025","value":60}]""".formatted(code, unmil, level, unit, unit, unit);
        var created = mvc.perform(post("/api/v1/indicators")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{" + json + "}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(header().string("Location", containsString("/api/v1/indicators/")))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.minValue").value(0))
                .andExpect(jsonPath("$.maxValue").value(100))
                .andExpect(jsonPath("$.missionId").value(unmil))
                .andExpect(jsonPath("$.countryCode").value("LBR"))
                .andExpect(jsonPath("$.categories[0].code").value("SEX"))
                .andExpect(jsonPath("$.categories[0].options[*].code", hasItem("FEMALE")))
                .andExpect(jsonPath("$.categories[1].code").value(level))
                .andExpect(jsonPath("$.baselinesAndTargets", hasSize(3)))
                .andExpect(jsonPath("$.baselinesAndTargets[0].value").value(12.5))
                .andExpect(jsonPath("$.baselinesAndTargets[1].periodType").value("QUARTERLY"))
                .andExpect(jsonPath("$.baselinesAndTargets[1].startDate").value("2024-10-01"))
                .andExpect(jsonPath("$.baselinesAndTargets[1].endDate").value("2024-12-31"))
                .andReturn();
        long id = id(created);

        mvc.perform(get("/api/v1/indicators/{id}", id).with(admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.dimension").value("RIGHTS"))
                .andExpect(jsonPath("$.pillar").value("POLICE"));
        mvc.perform(get("/api/v1/indicators/byCode/{code}", code).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
        mvc.perform(get("/api/v1/indicators")
                        .param("q", code)
                        .param("dimension", "RIGHTS")
                        .param("pillar", "POLICE")
                        .param("mission", String.valueOf(unmil))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].code").value(code));
        mvc.perform(get("/api/v1/indicators")
                        .param("q", code)
                        .param("dimension", "CAPACITY")
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(0));

        String update = "{\"version\":1,"
                + json.replace("\"categories\":[\"SEX\",\"" + level + "\"]", "\"categories\":[\"SEX\"]")
                        .replace("\"value\":60", "\"value\":75")
                + "}";
        mvc.perform(put("/api/v1/indicators/{id}", id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(update))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.categories", hasSize(1)))
                .andExpect(jsonPath("$.baselinesAndTargets[2].value").value(75));
        mvc.perform(put("/api/v1/indicators/{id}", id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(update))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));
        mvc.perform(put("/api/v1/indicators/{id}", id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{" + json + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        mvc.perform(put("/api/v1/indicators/{id}", id)
                        .with(admin())
                        .header("If-Match", "\"2\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{" + json.replace("\"missionId\":" + unmil + ",", "") + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("missionId")));

        mvc.perform(delete("/api/v1/indicators/{id}", id).param("version", "1").with(admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));
        mvc.perform(delete("/api/v1/indicators/{id}", id).param("version", "2").with(admin()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/indicators/{id}", id).with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void badInputNamesEveryWrongFieldAndWritesNothing() throws Exception {
        long liberia = orgUnit(mvc, "LBR");
        long ivoryCoast = orgUnit(mvc, "CIV");
        String name = "Bad indicator " + unique();
        mvc.perform(post("/api/v1/indicators")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"Bad Code","name":"%s","valueType":"PERCENTAGE","aggregation":"SUM",
                                 "direction":"HIGHER_IS_BETTER","minValue":-5,"maxValue":120,"countryCode":"LBR",
                                 "numeratorId":1,"categories":["SEX","NO_SUCH_CATEGORY","SEX"],
                                 "baselinesAndTargets":[
                                   {"kind":"BASELINE","orgUnitId":999999999,"period":"2024Q5","value":10},
                                   {"kind":"TARGET","orgUnitId":%d,"period":"2025","value":101},
                                   {"kind":"TARGET","orgUnitId":%d,"period":"2025","value":30},
                                   {"kind":"TARGET","orgUnitId":%d,"period":"2025","value":31},
                                   {"kind":"BASELINE","orgUnitId":%d,"period":"2023"},
                                   {"kind":"BASELINE","orgUnitId":%d,"period":"2022","value":30}]}""".formatted(name, ivoryCoast, liberia, liberia, liberia, liberia)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("code")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("unit")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("dimension")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("minValue")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("maxValue")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("numeratorId")))
                .andExpect(jsonPath("$.errors[*].field", not(hasItem("categories[0]"))))
                .andExpect(jsonPath("$.errors[*].field", hasItem("categories[1]")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("categories[2]")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("baselinesAndTargets[0].orgUnitId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("baselinesAndTargets[0].period")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("baselinesAndTargets[1].orgUnitId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("baselinesAndTargets[1].value")))
                .andExpect(jsonPath("$.errors[*].field", not(hasItem("baselinesAndTargets[2].period"))))
                .andExpect(jsonPath("$.errors[*].field", hasItem("baselinesAndTargets[3].period")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("baselinesAndTargets[4].value")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("baselinesAndTargets[5].orgUnitId")));
        mvc.perform(get("/api/v1/indicators").param("q", name).with(admin()))
                .andExpect(jsonPath("$.total").value(0));

        postIndicator("\"valueType\":\"INTEGER\",\"baselinesAndTargets\":[{\"kind\":\"BASELINE\",\"orgUnitId\":%d,"
                                .formatted(liberia)
                        + "\"period\":\"2024\",\"value\":2.5}]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("baselinesAndTargets[0].value"));
        postIndicator("\"countryCode\":\"XXX\",\"missionId\":999999999")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("countryCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("missionId")));
        postIndicator("\"countryCode\":\"CIV\",\"missionId\":%d".formatted(missionId(mvc, "UNMIL")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("countryCode"));
        postIndicator("\"minValue\":10,\"maxValue\":5")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("maxValue"));
        postIndicator("\"valueType\":\"ROUND\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("valueType"));

        String code = "dup_" + unique();
        createIndicator(mvc, admin(), "\"code\":\"%s\"".formatted(code));
        postIndicator("\"code\":\"%s\"".formatted(code))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].message", containsString("already used")));
    }

    @Test
    void aSearchFindsPercentSignsAndUnderscoresAsTyped() throws Exception {
        String tag = unique();
        createIndicator(mvc, admin(), "\"name\":\"Reached 50% of target " + tag + "\"");
        createIndicator(mvc, admin(), "\"name\":\"Reached 500 of target " + tag + "\"");

        // '%' and '_' are what the user typed, not wildcards matching any text or any character
        search("50% of target " + tag)
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].name").value("Reached 50% of target " + tag));
        search("reached_500 of target " + tag).andExpect(jsonPath("$.total").value(0));
        search("%").andExpect(jsonPath("$.items[*].name", everyItem(containsString("%"))));
        search("REACHED 500 OF TARGET " + tag).andExpect(jsonPath("$.total").value(1));
    }

    private ResultActions search(String q) throws Exception {
        return mvc.perform(get("/api/v1/indicators")
                        .param("q", q)
                        .param("size", "100")
                        .with(admin()))
                .andExpect(status().isOk());
    }

    @Test
    void aRatioNeedsANumeratorAndADenominatorOfTheSameScope() throws Exception {
        postIndicator("\"aggregation\":\"RATIO\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("numeratorId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("denominatorId")));

        long numerator = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\""));
        long denominator = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\""));
        long otherScope = id(createIndicator(mvc, admin(), "\"countryCode\":\"CIV\""));
        postIndicator("\"aggregation\":\"RATIO\",\"countryCode\":\"LBR\",\"numeratorId\":%d,\"denominatorId\":%d"
                        .formatted(numerator, otherScope))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("denominatorId"))
                .andExpect(jsonPath("$.errors[0].message", containsString("scope")));
        postIndicator("\"aggregation\":\"RATIO\",\"countryCode\":\"LBR\",\"numeratorId\":999999999,\"denominatorId\":%d"
                        .formatted(denominator))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("numeratorId"));
        postIndicator("\"numeratorId\":%d,\"countryCode\":\"LBR\"".formatted(numerator))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("numeratorId"))
                .andExpect(jsonPath("$.errors[0].message", containsString("RATIO")));

        var ratio = createIndicator(
                mvc,
                admin(),
                "\"aggregation\":\"RATIO\",\"valueType\":\"PERCENTAGE\",\"countryCode\":\"LBR\",\"numeratorId\":%d,\"denominatorId\":%d"
                        .formatted(numerator, denominator));
        long ratioId = id(ratio);
        mvc.perform(get("/api/v1/indicators/{id}", ratioId).with(admin()))
                .andExpect(jsonPath("$.numeratorId").value(numerator))
                .andExpect(jsonPath("$.denominatorId").value(denominator));
        postIndicator("\"aggregation\":\"RATIO\",\"countryCode\":\"LBR\",\"numeratorId\":%d,\"denominatorId\":%d"
                        .formatted(ratioId, denominator))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("numeratorId"))
                .andExpect(jsonPath("$.errors[0].message", containsString("itself a RATIO")));
        mvc.perform(delete("/api/v1/indicators/{id}", numerator)
                        .param("version", "1")
                        .with(admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("in-use"));
    }

    @Test
    void categoriesAreMaintainedAndACategoryInUseCannotBeDeleted() throws Exception {
        String code = "LEVEL_" + unique().toUpperCase();
        long id = category(code, "{\"code\":\"NATIONAL\",\"name\":\"National\"}");
        mvc.perform(post("/api/v1/disaggregations")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"%s","name":"","options":[{"code":"a b","name":"x"},{"code":"B","name":"y"},
                                 {"code":"B","name":"z","sortOrder":-1}]}""".formatted(code)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("code")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("options[0].code")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("options[2].code")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("options[2].sortOrder")));
        mvc.perform(get("/api/v1/disaggregations/{id}", id).with(admin())).andExpect(jsonPath("$.options", hasSize(1)));
        String update = """
                {"version":1,"code":"%s","name":"Institution level","options":[
                  {"code":"COUNTY","name":"County","sortOrder":2},{"code":"NATIONAL","name":"National level","sortOrder":1}]}""".formatted(code);
        mvc.perform(put("/api/v1/disaggregations/{id}", id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(update))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.options[0].code").value("NATIONAL"))
                .andExpect(jsonPath("$.options[0].name").value("National level"))
                .andExpect(jsonPath("$.options[1].code").value("COUNTY"));
        mvc.perform(put("/api/v1/disaggregations/{id}", id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(update))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));

        createIndicator(mvc, admin(), "\"categories\":[\"%s\"]".formatted(code));
        mvc.perform(delete("/api/v1/disaggregations/{id}", id)
                        .param("version", "2")
                        .with(admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("integrity"));
        mvc.perform(get("/api/v1/disaggregations/{id}", id).with(admin())).andExpect(status().isOk());

        String unused = "UNUSED_" + unique().toUpperCase();
        long unusedId = category(unused, "{\"code\":\"X\",\"name\":\"X\"}");
        mvc.perform(delete("/api/v1/disaggregations/{id}", unusedId)
                        .param("version", "1")
                        .with(admin()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/disaggregations/{id}", unusedId).with(admin())).andExpect(status().isNotFound());
    }
}
