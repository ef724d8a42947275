package org.bluehelm.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnitBelow;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * What a rule judges: a unit's total recorded by option only (a SUM indicator recorded by sex), and
 * a RATIO indicator's numerator over its denominator, which has no values of its own.
 */
@IntegrationTest
class AlertTotalsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    AlertService alerts;

    @Test
    void aSumRecordedByOptionOnlyIsJudgedOnTheSumOfItsOptions() throws Exception {
        long trained = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\",\"categories\":[\"SEX\"]"));
        long unit = orgUnit(mvc, "LBR");
        long other = orgUnit(mvc, "LBR");
        rule("""
                {"indicatorId":%d,"kind":"THRESHOLD","operator":"ABOVE","threshold":10}""".formatted(trained));
        rule("""
                {"indicatorId":%d,"kind":"DETERIORATION","percent":20,"periodType":"QUARTERLY"}""".formatted(trained));

        // 6 women, then 5 men: 11 trained, above 10
        long women = id(recordOption(trained, unit, "2024Q1", "FEMALE", "6"));
        assertThat(alertsOf(trained)).isEmpty();
        recordOption(trained, unit, "2024Q1", "MALE", "5");
        assertThat(alertsOf(trained)).containsOnlyKeys(unit + " 2024Q1 THRESHOLD");
        assertThat(alertsOf(trained).get(unit + " 2024Q1 THRESHOLD"))
                .containsEntry("value", 11)
                .containsEntry("state", "OPEN");
        // the unit that records its total is judged on it, as before
        recordTotal(trained, other, "2024Q1", "12");
        assertThat(alertsOf(trained).get(other + " 2024Q1 THRESHOLD")).containsEntry("value", 12);

        // a correction of one option: 4 + 5 = 9, no longer above
        change(women, "4", 1);
        assertThat(alertsOf(trained).get(unit + " 2024Q1 THRESHOLD")).containsEntry("state", "RESOLVED");

        // 2024Q2: 3 + 3 = 6 against 9 the quarter before, a third fewer trained
        recordOption(trained, unit, "2024Q2", "FEMALE", "3");
        recordOption(trained, unit, "2024Q2", "MALE", "3");
        assertThat(alertsOf(trained).get(unit + " 2024Q2 DETERIORATION"))
                .containsEntry("value", 6)
                .containsEntry("referenceValue", 9)
                .containsEntry("changePercent", 33.3);
    }

    @Test
    void anAverageOrLastValueRecordedByOptionOnlyHasNoTotalToJudge() throws Exception {
        long average = id(createIndicator(
                mvc, admin(), "\"countryCode\":\"LBR\",\"aggregation\":\"AVERAGE\",\"categories\":[\"SEX\"]"));
        long latest = id(createIndicator(
                mvc, admin(), "\"countryCode\":\"LBR\",\"aggregation\":\"LAST_VALUE\",\"categories\":[\"SEX\"]"));
        long unit = orgUnit(mvc, "LBR");
        for (long indicator : new long[] {average, latest}) {
            rule("""
                    {"indicatorId":%d,"kind":"THRESHOLD","operator":"ABOVE","threshold":10}""".formatted(indicator));
            recordOption(indicator, unit, "2024Q1", "FEMALE", "20");
            recordOption(indicator, unit, "2024Q1", "MALE", "30");
            recordTotal(indicator, unit, "2024Q2", "25");
            // the options are not added up (20 + 30 is no average); the total recorded counts
            assertThat(alertsOf(indicator)).containsOnlyKeys(unit + " 2024Q2 THRESHOLD");
        }
    }

    @Test
    void aRatioRuleJudgesTheNumeratorOverTheDenominatorWhenEitherArrivesOrChanges() throws Exception {
        // convictions over cases tried, as a percentage; convictions recorded by sex
        var created = createIndicator(mvc, admin(), "\"countryCode\":\"LBR\",\"categories\":[\"SEX\"]");
        long convicted = id(created);
        String convictedCode = JsonPath.read(created.getResponse().getContentAsString(), "$.code");
        created = createIndicator(mvc, admin(), "\"countryCode\":\"LBR\"");
        long tried = id(created);
        String triedCode = JsonPath.read(created.getResponse().getContentAsString(), "$.code");
        long rate = id(createIndicator(mvc, admin(), """
                "countryCode":"LBR","aggregation":"RATIO","valueType":"PERCENTAGE","numeratorId":%d,"denominatorId":%d""".formatted(convicted, tried)));
        long perCase = id(createIndicator(
                mvc,
                admin(),
                "\"countryCode\":\"LBR\",\"aggregation\":\"RATIO\",\"numeratorId\":%d,\"denominatorId\":%d"
                        .formatted(convicted, tried)));
        long unit = orgUnit(mvc, "LBR");
        String unitCode = JsonPath.read(
                mvc.perform(get("/api/v1/orgUnits/{id}", unit).with(admin()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.code");
        rule("""
                {"indicatorId":%d,"kind":"THRESHOLD","operator":"BELOW","threshold":50}""".formatted(rate));
        rule("""
                {"indicatorId":%d,"kind":"DETERIORATION","percent":10,"periodType":"QUARTERLY"}""".formatted(rate));
        rule("""
                {"indicatorId":%d,"kind":"THRESHOLD","operator":"ABOVE","threshold":0.5}""".formatted(perCase));

        // 2024Q1: 2 women and 1 man convicted of 10 tried: 30 %; nothing before the denominator arrives
        recordOption(convicted, unit, "2024Q1", "FEMALE", "2");
        recordOption(convicted, unit, "2024Q1", "MALE", "1");
        assertThat(alertsOf(rate)).isEmpty();
        long tried1 = id(recordTotal(tried, unit, "2024Q1", "10"));
        assertThat(alertsOf(rate)).containsOnlyKeys(unit + " 2024Q1 THRESHOLD");
        assertThat(alertsOf(rate).get(unit + " 2024Q1 THRESHOLD"))
                .containsEntry("value", 30)
                .containsEntry("referenceValue", 50)
                .containsEntry("state", "OPEN");
        assertThat(alertsOf(perCase)).isEmpty(); // 0.3 is not above 0.5

        // 2024Q2: 6 of 10, 60 %, better than 30 %; 0.6 per case, above 0.5
        recordTotal(tried, unit, "2024Q2", "10");
        recordOption(convicted, unit, "2024Q2", "FEMALE", "6");
        assertThat(alertsOf(rate)).containsOnlyKeys(unit + " 2024Q1 THRESHOLD");
        assertThat(alertsOf(perCase).get(unit + " 2024Q2 THRESHOLD")).containsEntry("value", 0.6);

        // 2024Q3: 4 of 10, 40 %: below 50 and a third worse than 60 %
        recordTotal(tried, unit, "2024Q3", "10");
        recordOption(convicted, unit, "2024Q3", "MALE", "4");
        assertThat(alertsOf(rate).get(unit + " 2024Q3 THRESHOLD")).containsEntry("value", 40);
        assertThat(alertsOf(rate).get(unit + " 2024Q3 DETERIORATION"))
                .containsEntry("value", 40)
                .containsEntry("referenceValue", 60)
                .containsEntry("referencePeriod", "2024Q2")
                .containsEntry("changePercent", 33.3);

        // a corrected denominator: 3 of 5 tried in 2024Q1, 60 %, no longer below 50
        change(tried1, "5", 1);
        assertThat(alertsOf(rate).get(unit + " 2024Q1 THRESHOLD")).containsEntry("state", "RESOLVED");

        // imported values are evaluated the same way: 2024Q4, 1 of 3 tried, 33.333333 %
        mvc.perform(post("/api/v1/dataValueSets")
                        .with(admin())
                        .contentType("text/csv")
                        .content((triedCode + ",2024Q4," + unitCode + ",,,3\n" + convictedCode + ",2024Q4," + unitCode
                                        + ",FEMALE,,1\n")
                                .getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.importCount.imported").value(2));
        assertThat(alertsOf(rate).get(unit + " 2024Q4 THRESHOLD")).containsEntry("value", 33.333333);

        // no ratio over a denominator of 0: 2025Q1, 1 of 0 tried
        recordOption(convicted, unit, "2025Q1", "FEMALE", "1");
        recordTotal(tried, unit, "2025Q1", "0");
        assertThat(alertsOf(rate)).doesNotContainKeys(unit + " 2025Q1 THRESHOLD", unit + " 2025Q1 DETERIORATION");
        assertThat(alertsOf(perCase)).doesNotContainKey(unit + " 2025Q1 THRESHOLD");
    }

    @Test
    void aRatioIsMissingWhenItsNumeratorOrItsDenominatorIs() throws Exception {
        long convicted = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\""));
        long tried = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\""));
        long rate = id(createIndicator(
                mvc,
                admin(),
                "\"countryCode\":\"LBR\",\"aggregation\":\"RATIO\",\"numeratorId\":%d,\"denominatorId\":%d"
                        .formatted(convicted, tried)));
        long region = orgUnit(mvc, "LBR");
        long nothing = orgUnitBelow(mvc, region);
        long numeratorBefore = orgUnitBelow(mvc, region);
        long both = orgUnitBelow(mvc, region);
        long numeratorOnly = orgUnitBelow(mvc, region);
        rule("""
                {"indicatorId":%d,"kind":"MISSING","dueDays":15,"periodType":"QUARTERLY","orgUnitId":%d}""".formatted(rate, region));
        for (long unit : new long[] {nothing, both, numeratorOnly}) {
            recordTotal(convicted, unit, "2024Q1", "1");
            recordTotal(tried, unit, "2024Q1", "2");
        }
        recordTotal(convicted, numeratorBefore, "2024Q1", "1"); // reported half of the ratio before: expected
        recordTotal(convicted, both, "2024Q2", "1");
        recordTotal(tried, both, "2024Q2", "2");
        recordTotal(convicted, numeratorOnly, "2024Q2", "1");

        alerts.checkMissing(Clock.fixed(Instant.parse("2024-07-16T08:00:00Z"), ZoneOffset.UTC));
        mvc.perform(get("/api/v1/alerts")
                        .param("indicator", String.valueOf(rate))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(
                        jsonPath("$.items[*].orgUnitId", containsInAnyOrder((int) nothing, (int) numeratorBefore, (int)
                                numeratorOnly)))
                .andExpect(jsonPath("$.items[*].period", containsInAnyOrder("2024Q2", "2024Q2", "2024Q2")));

        // the denominator arriving completes the ratio and resolves the alert; a numerator alone does not
        recordTotal(tried, numeratorOnly, "2024Q2", "2");
        recordTotal(convicted, nothing, "2024Q2", "1");
        assertThat(alertsOf(rate).get(numeratorOnly + " 2024Q2 MISSING")).containsEntry("state", "RESOLVED");
        assertThat(alertsOf(rate).get(nothing + " 2024Q2 MISSING")).containsEntry("state", "OPEN");
        assertThat(alertsOf(rate).get(numeratorBefore + " 2024Q2 MISSING")).containsEntry("state", "OPEN");
    }

    /** The alerts of the indicator, by unit, period and kind. */
    private Map<String, Map<String, Object>> alertsOf(long indicator) throws Exception {
        String json = mvc.perform(get("/api/v1/alerts")
                        .param("indicator", String.valueOf(indicator))
                        .param("size", "100")
                        .with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Map<String, Object>> items = JsonPath.read(json, "$.items");
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        items.forEach(i -> byKey.put(i.get("orgUnitId") + " " + i.get("period") + " " + i.get("kind"), i));
        return byKey;
    }

    private void rule(String json) throws Exception {
        mvc.perform(post("/api/v1/alert-rules")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated());
    }

    /** Records the unit's total (the value without an option). */
    private MvcResult recordTotal(long indicator, long unit, String period, String value) throws Exception {
        return created(mvc.perform(post("/api/v1/dataValues")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"%s\",\"value\":%s}"
                        .formatted(indicator, unit, period, value))));
    }

    /** Records the unit's value for one option. */
    private MvcResult recordOption(long indicator, long unit, String period, String option, String value)
            throws Exception {
        return created(mvc.perform(post("/api/v1/dataValues")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"%s\",\"optionCode\":\"%s\",\"value\":%s}"
                        .formatted(indicator, unit, period, option, value))));
    }

    private void change(long valueId, String value, int version) throws Exception {
        mvc.perform(put("/api/v1/dataValues/{id}", valueId)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":%s,\"version\":%d}".formatted(value, version)))
                .andExpect(status().isOk());
    }

    private static MvcResult created(ResultActions result) throws Exception {
        return result.andExpect(status().isCreated()).andReturn();
    }
}
