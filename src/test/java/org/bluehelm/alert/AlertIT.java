package org.bluehelm.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnitBelow;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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
import java.util.UUID;
import org.bluehelm.test.IntegrationTest;
import org.bluehelm.test.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Alert rules through the API, and the alerts that data entry raises, resolves and re-opens. */
@IntegrationTest
class AlertIT {

    private static final String PASSWORD = "correct-horse-battery";

    @Autowired
    MockMvc mvc;

    @Autowired
    AlertService alerts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aValueAboveAThresholdRaisesAnAlertSeenInScopeThatIsAcknowledgedResolvedAndReopened() throws Exception {
        long unmil = TestApi.missionId(mvc, "UNMIL");
        long unosom = TestApi.missionId(mvc, "UNOSOM I");
        long indicator = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\""));
        long unit = orgUnit(mvc, "LBR");
        String steward = user("DATA_STEWARD", unmil);
        RequestPostProcessor inScope = httpBasic(steward, PASSWORD);
        RequestPostProcessor viewer = httpBasic(user("VIEWER", unmil), PASSWORD);
        RequestPostProcessor outsider = httpBasic(user("MISSION_MANAGER", unosom), PASSWORD);

        long rule = TestApi.id(createRule(inScope, """
                        {"indicatorId":%d,"kind":"THRESHOLD","operator":"ABOVE","threshold":100}""".formatted(indicator))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("THRESHOLD"))
                .andExpect(jsonPath("$.operator").value("ABOVE"))
                .andExpect(jsonPath("$.threshold").value(100))
                .andExpect(jsonPath("$.countryCode").value("LBR"))
                .andExpect(jsonPath("$.active").value(true)));

        long valueId =
                TestApi.id(record(inScope, indicator, unit, "2024Q1", "120").andExpect(status().isCreated()));
        record(inScope, indicator, unit, "2024Q2", "100").andExpect(status().isCreated());

        // raised after the value was committed, before the answer: visible at once, in scope only
        long alert = idAt(
                mvc.perform(get("/api/v1/alerts")
                                .param("indicator", String.valueOf(indicator))
                                .with(viewer))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.total").value(1))
                        .andExpect(jsonPath("$.items[0].kind").value("THRESHOLD"))
                        .andExpect(jsonPath("$.items[0].ruleId").value(rule))
                        .andExpect(jsonPath("$.items[0].orgUnitId").value(unit))
                        .andExpect(jsonPath("$.items[0].period").value("2024Q1"))
                        .andExpect(jsonPath("$.items[0].value").value(120))
                        .andExpect(jsonPath("$.items[0].referenceValue").value(100))
                        .andExpect(jsonPath("$.items[0].state").value("OPEN"))
                        .andExpect(jsonPath("$.items[0].countryCode").value("LBR")),
                "$.items[0].id");
        mvc.perform(get("/api/v1/alerts")
                        .param("indicator", String.valueOf(indicator))
                        .with(outsider))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/alerts/{id}", alert).with(outsider)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/alert-rules/{id}", rule).with(outsider)).andExpect(status().isNotFound());

        // a viewer reads but does not acknowledge; nor does anyone out of scope
        mvc.perform(post("/api/v1/alerts/{id}/acknowledge", alert)
                        .param("version", "1")
                        .with(viewer))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/alerts/{id}/acknowledge", alert)
                        .param("version", "1")
                        .with(outsider))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/alerts/{id}/acknowledge", alert)
                        .param("version", "7")
                        .with(inScope))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));
        mvc.perform(post("/api/v1/alerts/{id}/acknowledge", alert)
                        .param("version", "1")
                        .with(inScope))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.acknowledgedBy").value(steward));

        // a good value resolves it; a bad one again re-opens the same alert (no duplicate)
        mvc.perform(put("/api/v1/dataValues/{id}", valueId)
                        .with(inScope)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":80,\"version\":1}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/alerts/{id}", alert).with(viewer))
                .andExpect(jsonPath("$.state").value("RESOLVED"))
                .andExpect(jsonPath("$.value").value(120));
        int resolved =
                TestApi.version(mvc.perform(get("/api/v1/alerts/{id}", alert).with(inScope)));
        mvc.perform(post("/api/v1/alerts/{id}/acknowledge", alert)
                        .param("version", String.valueOf(resolved))
                        .with(inScope))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("wrong-state"));
        mvc.perform(put("/api/v1/dataValues/{id}", valueId)
                        .with(inScope)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":130,\"version\":2}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/alerts")
                        .param("indicator", String.valueOf(indicator))
                        .with(viewer))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(alert))
                .andExpect(jsonPath("$.items[0].state").value("OPEN"))
                .andExpect(jsonPath("$.items[0].value").value(130))
                .andExpect(jsonPath("$.items[0].acknowledgedBy").value(nullValue()));

        // an inactive rule raises nothing
        int version = TestApi.version(
                mvc.perform(get("/api/v1/alert-rules/{id}", rule).with(inScope)));
        mvc.perform(put("/api/v1/alert-rules/{id}", rule)
                        .with(inScope)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"indicatorId":%d,"kind":"THRESHOLD","operator":"ABOVE","threshold":100,"active":false,
                                 "version":%d}""".formatted(indicator, version)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        record(inScope, indicator, unit, "2024Q3", "500").andExpect(status().isCreated());
        mvc.perform(get("/api/v1/alerts")
                        .param("indicator", String.valueOf(indicator))
                        .with(viewer))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void aTotalWorseThanThePreviousPeriodRaisesAnAlertFollowingTheDirection() throws Exception {
        // complaints pending: lower is better, so a rise is a deterioration
        long indicator = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\",\"direction\":\"LOWER_IS_BETTER\""));
        long unit = orgUnit(mvc, "LBR");
        createRule(admin(), """
                        {"indicatorId":%d,"kind":"DETERIORATION","percent":10,"periodType":"QUARTERLY"}""".formatted(indicator)).andExpect(status().isCreated());

        record(admin(), indicator, unit, "2024Q1", "100").andExpect(status().isCreated());
        long q2 = TestApi.id(record(admin(), indicator, unit, "2024Q2", "105").andExpect(status().isCreated()));
        record(admin(), indicator, unit, "2024Q3", "120").andExpect(status().isCreated());
        record(admin(), indicator, unit, "202407", "500").andExpect(status().isCreated()); // monthly: not watched
        mvc.perform(get("/api/v1/alerts")
                        .param("indicator", String.valueOf(indicator))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].kind").value("DETERIORATION"))
                .andExpect(jsonPath("$.items[0].period").value("2024Q3"))
                .andExpect(jsonPath("$.items[0].value").value(120))
                .andExpect(jsonPath("$.items[0].referenceValue").value(105))
                .andExpect(jsonPath("$.items[0].referencePeriod").value("2024Q2"))
                .andExpect(jsonPath("$.items[0].changePercent").value(14.3));

        // a correction of 2024Q2 makes 2024Q2 worse than 2024Q1 and 2024Q3 no longer worse than 2024Q2
        mvc.perform(put("/api/v1/dataValues/{id}", q2)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":115,\"version\":1}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/alerts")
                        .param("indicator", String.valueOf(indicator))
                        .param("sort", "period")
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].period").value("2024Q2"))
                .andExpect(jsonPath("$.items[0].state").value("OPEN"))
                .andExpect(jsonPath("$.items[0].changePercent").value(15.0))
                .andExpect(jsonPath("$.items[1].period").value("2024Q3"))
                .andExpect(jsonPath("$.items[1].state").value("RESOLVED"));
    }

    @Test
    void countsUnderTheSmallCellThresholdAreLeftOutOfAlertsForViewersButNotForManagers() throws Exception {
        long unmil = TestApi.missionId(mvc, "UNMIL");
        // complaints received: an accountability count, suppressed under 5 for viewers and partners
        long indicator = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\",\"direction\":\"LOWER_IS_BETTER\""));
        jdbc.sql("update indicator set suppress_below = 5 where id = :id")
                .param("id", indicator)
                .update();
        long unit = orgUnit(mvc, "LBR");
        createRule(admin(), """
                        {"indicatorId":%d,"kind":"THRESHOLD","operator":"ABOVE","threshold":2}""".formatted(indicator)).andExpect(status().isCreated());
        createRule(admin(), """
                        {"indicatorId":%d,"kind":"DETERIORATION","percent":10,"periodType":"QUARTERLY"}""".formatted(indicator)).andExpect(status().isCreated());
        record(admin(), indicator, unit, "2024Q1", "2").andExpect(status().isCreated());
        record(admin(), indicator, unit, "2024Q2", "3").andExpect(status().isCreated());
        record(admin(), indicator, unit, "2024Q3", "7").andExpect(status().isCreated());
        String viewer = user("VIEWER", unmil);
        String manager = user("MISSION_MANAGER", unmil);

        Map<String, Map<String, Object>> seen = alertsOf(indicator, httpBasic(viewer, PASSWORD));
        assertThat(seen)
                .containsOnlyKeys(
                        "2024Q2 THRESHOLD", "2024Q2 DETERIORATION", "2024Q3 THRESHOLD", "2024Q3 DETERIORATION");
        // 3 is under 5: left out, the rule's own threshold stays
        assertThat(seen.get("2024Q2 THRESHOLD"))
                .containsEntry("value", null)
                .containsEntry("referenceValue", 2)
                .containsEntry("suppressedBelow", 5);
        // 3 against 2, and 7 against 3: the small count and the change that would give it away
        assertThat(seen.get("2024Q2 DETERIORATION"))
                .containsEntry("value", null)
                .containsEntry("referenceValue", null)
                .containsEntry("changePercent", null)
                .containsEntry("suppressedBelow", 5);
        assertThat(seen.get("2024Q3 DETERIORATION"))
                .containsEntry("value", 7)
                .containsEntry("referenceValue", null)
                .containsEntry("changePercent", null)
                .containsEntry("suppressedBelow", 5);
        assertThat(seen.get("2024Q3 THRESHOLD")).containsEntry("value", 7).containsEntry("suppressedBelow", null);

        Map<String, Map<String, Object>> managed = alertsOf(indicator, httpBasic(manager, PASSWORD));
        assertThat(managed.get("2024Q2 THRESHOLD")).containsEntry("value", 3).containsEntry("suppressedBelow", null);
        assertThat(managed.get("2024Q3 DETERIORATION"))
                .containsEntry("referenceValue", 3)
                .containsEntry("changePercent", 133.3);

        // the alerts page and its download read the same way
        String page = screen("/alerts", indicator, viewer);
        assertThat(page)
                .contains("&lt;5 is above the threshold of 2", "7 is worse than &lt;5 in 2024Q2")
                .doesNotContain("3 is above", "133");
        String csv = screen("/alerts/export", indicator, viewer);
        assertThat(csv).contains("<5 is above the threshold of 2").doesNotContain("3 is above", "133");
        String managerPage = screen("/alerts", indicator, manager);
        assertThat(managerPage).contains("3 is above the threshold of 2", "7 is 133.3 % worse than 3 in 2024Q2");
    }

    /** The user's alerts of the indicator, as the API gives them, by period and kind. */
    private Map<String, Map<String, Object>> alertsOf(long indicator, RequestPostProcessor user) throws Exception {
        String json = mvc.perform(get("/api/v1/alerts")
                        .param("indicator", String.valueOf(indicator))
                        .with(user))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Map<String, Object>> items = JsonPath.read(json, "$.items");
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        items.forEach(i -> byKey.put(i.get("period") + " " + i.get("kind"), i));
        return byKey;
    }

    /** The page (or download) of the indicator's alerts as the user, signed in through the form. */
    private String screen(String path, long indicator, String username) throws Exception {
        return mvc.perform(
                        get(path).param("indicator", String.valueOf(indicator)).session(signIn(username)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login")
                        .param("username", username)
                        .param("password", PASSWORD)
                        .with(csrf()))
                .andReturn()
                .getRequest()
                .getSession();
    }

    @Test
    void aUnitThatReportedBeforeAndHasNoValueAfterTheDueDateGetsAMissingDataAlert() throws Exception {
        long indicator = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\""));
        long region = orgUnit(mvc, "LBR");
        long d1 = orgUnitBelow(mvc, region);
        long d2 = orgUnitBelow(mvc, region);
        long d3 = orgUnitBelow(mvc, region);
        long elsewhere = orgUnit(mvc, "LBR");
        long never = orgUnitBelow(mvc, region);
        createRule(admin(), """
                        {"indicatorId":%d,"kind":"MISSING","dueDays":15,"periodType":"QUARTERLY","orgUnitId":%d}""".formatted(indicator, region))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.orgUnitId").value(region));
        for (long unit : new long[] {d1, d2, d3, elsewhere}) {
            record(admin(), indicator, unit, "2024Q1", "5").andExpect(status().isCreated());
        }
        record(admin(), indicator, d3, "2024Q2", "6").andExpect(status().isCreated());
        record(admin(), indicator, never, "2024Q3", "1").andExpect(status().isCreated());

        // 15 July: 2024Q2 is due that day, so not yet overdue
        alerts.checkMissing(at("2024-07-15"));
        mvc.perform(get("/api/v1/alerts")
                        .param("indicator", String.valueOf(indicator))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(0));

        // 16 July: d1 and d2 are late; d3 reported, the other region is not watched, "never" began later
        alerts.checkMissing(at("2024-07-16"));
        mvc.perform(get("/api/v1/alerts")
                        .param("indicator", String.valueOf(indicator))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].orgUnitId", containsInAnyOrder((int) d1, (int) d2)))
                .andExpect(jsonPath("$.items[*].kind", containsInAnyOrder("MISSING", "MISSING")))
                .andExpect(jsonPath("$.items[*].period", containsInAnyOrder("2024Q2", "2024Q2")))
                .andExpect(jsonPath("$.items[0].dueDate").value("2024-07-15"));
        alerts.checkMissing(at("2024-07-17"));
        mvc.perform(get("/api/v1/alerts")
                        .param("indicator", String.valueOf(indicator))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(2));

        // the value arriving resolves the alert
        record(admin(), indicator, d1, "2024Q2", "4").andExpect(status().isCreated());
        mvc.perform(get("/api/v1/alerts")
                        .param("indicator", String.valueOf(indicator))
                        .param("orgUnit", String.valueOf(d1))
                        .with(admin()))
                .andExpect(jsonPath("$.items[0].state").value("RESOLVED"));
        mvc.perform(get("/api/v1/alerts")
                        .param("indicator", String.valueOf(indicator))
                        .param("state", "OPEN")
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].orgUnitId").value(d2));

        // on demand through the API: administrators only
        long unmil = TestApi.missionId(mvc, "UNMIL");
        mvc.perform(post("/api/v1/alerts/check-missing").with(httpBasic(user("DATA_STEWARD", unmil), PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/alerts/check-missing").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rulesChecked").isNumber());
    }

    @Test
    void anImportedValueIsEvaluatedLikeOneEnteredByHand() throws Exception {
        var created = createIndicator(mvc, admin(), "\"countryCode\":\"LBR\"");
        long indicator = id(created);
        String code = JsonPath.read(created.getResponse().getContentAsString(), "$.code");
        long unit = orgUnit(mvc, "LBR");
        String unitCode = JsonPath.read(
                mvc.perform(get("/api/v1/orgUnits/{id}", unit).with(admin()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.code");
        createRule(admin(), """
                        {"indicatorId":%d,"kind":"THRESHOLD","operator":"BELOW","threshold":10}""".formatted(indicator)).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/dataValueSets")
                        .with(admin())
                        .contentType("text/csv")
                        .content((code + ",2024Q1," + unitCode + ",,,3\n" + code + ",2024Q2," + unitCode + ",,,30\n")
                                .getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/alerts")
                        .param("indicator", String.valueOf(indicator))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].period").value("2024Q1"))
                .andExpect(jsonPath("$.items[0].value").value(3))
                .andExpect(jsonPath("$.items[0].state").value("OPEN"));
    }

    @Test
    void acknowledgingAnAlertRequiresTheVersionReadLikeEveryOtherChange() throws Exception {
        long indicator = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\""));
        long unit = orgUnit(mvc, "LBR");
        createRule(admin(), """
                        {"indicatorId":%d,"kind":"THRESHOLD","operator":"ABOVE","threshold":10}""".formatted(indicator)).andExpect(status().isCreated());
        record(admin(), indicator, unit, "2024Q1", "20").andExpect(status().isCreated());
        record(admin(), indicator, unit, "2024Q2", "30").andExpect(status().isCreated());
        Map<String, Map<String, Object>> raised = alertsOf(indicator, admin());
        long first = ((Number) raised.get("2024Q1 THRESHOLD").get("id")).longValue();
        long second = ((Number) raised.get("2024Q2 THRESHOLD").get("id")).longValue();

        // without a version: refused naming it, and nothing changes
        mvc.perform(post("/api/v1/alerts/{id}/acknowledge", first).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("version")));
        mvc.perform(post("/api/v1/alerts/{id}/acknowledge", first)
                        .header("If-Match", "")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("version")));
        mvc.perform(get("/api/v1/alerts/{id}", first).with(admin()))
                .andExpect(jsonPath("$.state").value("OPEN"))
                .andExpect(jsonPath("$.version").value(1));

        // the ETag read, sent back as If-Match, acknowledges it
        String etag = mvc.perform(get("/api/v1/alerts/{id}", first).with(admin()))
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        mvc.perform(post("/api/v1/alerts/{id}/acknowledge", first)
                        .header("If-Match", etag)
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.version").value(2));

        // the alerts screen sends the version of each alert with its button
        MockHttpSession session = signIn(user("MISSION_MANAGER", TestApi.missionId(mvc, "UNMIL")));
        String page = mvc.perform(get("/alerts")
                        .param("indicator", String.valueOf(indicator))
                        .session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("/alerts/" + second + "/acknowledge").contains("name=\"version\" value=\"1\"");
        mvc.perform(post("/alerts/{id}/acknowledge", second)
                        .param("version", "1")
                        .param("back", "/alerts?indicator=" + indicator)
                        .session(session)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "alert.flash.acknowledged"));
        mvc.perform(get("/api/v1/alerts/{id}", second).with(admin()))
                .andExpect(jsonPath("$.state").value("ACKNOWLEDGED"));
    }

    @Test
    void aThresholdOrPercentageTheColumnCannotHoldIsRefusedNamingTheFieldAndItsLimits() throws Exception {
        long indicator = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\""));
        // 14 digits before the point and 6 after: the most a value holds
        for (String threshold : List.of("1e20", "100000000000000", "-1e14")) {
            createRule(admin(), """
                            {"indicatorId":%d,"kind":"THRESHOLD","operator":"ABOVE","threshold":%s}""".formatted(indicator, threshold))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("invalid-input"))
                    .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("threshold")))
                    .andExpect(
                            jsonPath("$.errors[0].message").value("must be smaller than 100000000000000 in magnitude"));
        }
        createRule(admin(), """
                        {"indicatorId":%d,"kind":"THRESHOLD","operator":"ABOVE","threshold":0.0000000001}""".formatted(indicator))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("threshold")))
                .andExpect(jsonPath("$.errors[0].message").value("must have at most 6 decimal places"));
        createRule(admin(), """
                        {"indicatorId":%d,"kind":"DETERIORATION","percent":1e20}""".formatted(indicator))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("percent")))
                .andExpect(jsonPath("$.errors[0].message").value("must be smaller than 100000000000000 in magnitude"));
        createRule(admin(), """
                        {"indicatorId":%d,"kind":"DETERIORATION","percent":0.1234567}""".formatted(indicator))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("percent")));
        mvc.perform(get("/api/v1/alert-rules")
                        .param("indicator", String.valueOf(indicator))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(0));

        // the limits themselves fit, whatever the indicator's own type (a percentage is no value of it)
        long rule = TestApi.id(createRule(admin(), """
                        {"indicatorId":%d,"kind":"THRESHOLD","operator":"BELOW","threshold":-99999999999999.999999}""".formatted(indicator))
                .andExpect(status().isCreated())
                .andExpect(content().string(containsString("\"threshold\":-99999999999999.999999,"))));
        long whole = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\",\"valueType\":\"INTEGER\""));
        createRule(admin(), """
                        {"indicatorId":%d,"kind":"DETERIORATION","percent":12.345678}""".formatted(whole))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.percent").value(12.345678));

        // a change is held to the same limits
        mvc.perform(put("/api/v1/alert-rules/{id}", rule)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"indicatorId":%d,"kind":"THRESHOLD","operator":"BELOW","threshold":1e15,"version":1}""".formatted(indicator)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("threshold")));

        // the rule form shows the problem beside the field, in the user's language
        MockHttpSession session = signIn(user("MISSION_MANAGER", TestApi.missionId(mvc, "UNMIL")));
        String english = mvc.perform(post("/alerts/rules")
                        .param("indicatorId", String.valueOf(indicator))
                        .param("kind", "THRESHOLD")
                        .param("operator", "ABOVE")
                        .param("threshold", "100000000000000000000")
                        .param("active", "true")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(english)
                .contains("id=\"threshold-error\">must be smaller than 100,000,000,000,000 in magnitude</p>");
        String french = mvc.perform(post("/alerts/rules")
                        .param("indicatorId", String.valueOf(indicator))
                        .param("kind", "DETERIORATION")
                        .param("percent", "0,0000001")
                        .param("active", "true")
                        .param("lang", "fr")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(french).contains("id=\"percent-error\">doit avoir au plus 6 décimales</p>");
        mvc.perform(get("/api/v1/alert-rules")
                        .param("indicator", String.valueOf(indicator))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void aBadRuleIsRefusedNamingEachFieldAndNothingIsWritten() throws Exception {
        long unmil = TestApi.missionId(mvc, "UNMIL");
        long unosom = TestApi.missionId(mvc, "UNOSOM I");
        long indicator = id(createIndicator(mvc, admin(), "\"missionId\":%d".formatted(unmil)));
        long ivoryCoast = orgUnit(mvc, "CIV");

        createRule(admin(), "{\"kind\":\"THRESHOLD\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("indicatorId", "operator", "threshold")));
        createRule(admin(), """
                        {"indicatorId":%d,"kind":"DETERIORATION","percent":-5}""".formatted(indicator))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("percent")));
        createRule(admin(), """
                        {"indicatorId":%d,"kind":"MISSING","dueDays":-1}""".formatted(indicator))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("dueDays", "periodType")));
        createRule(admin(), """
                        {"indicatorId":%d,"kind":"THRESHOLD","operator":"ABOVE","threshold":1,"orgUnitId":%d}""".formatted(indicator, ivoryCoast))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("orgUnitId")));
        createRule(admin(), "{\"indicatorId\":999999999,\"kind\":\"THRESHOLD\",\"operator\":\"BELOW\",\"threshold\":1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("indicatorId")));
        createRule(admin(), "{\"kind\":\"SOMETIMES\"}").andExpect(status().isBadRequest());

        // roles and scope: viewers and partners do not manage rules; an indicator out of scope is unknown
        String good = """
                {"indicatorId":%d,"kind":"THRESHOLD","operator":"BELOW","threshold":10}""".formatted(indicator);
        createRule(httpBasic(user("VIEWER", unmil), PASSWORD), good).andExpect(status().isForbidden());
        createRule(httpBasic(user("PARTNER", unmil), PASSWORD), good).andExpect(status().isForbidden());
        createRule(httpBasic(user("DATA_STEWARD", unosom), PASSWORD), good)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("indicatorId")));
        mvc.perform(get("/api/v1/alert-rules")
                        .param("indicator", String.valueOf(indicator))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(0));

        RequestPostProcessor manager = httpBasic(user("MISSION_MANAGER", unmil), PASSWORD);
        long rule = TestApi.id(createRule(manager, good).andExpect(status().isCreated()));
        mvc.perform(put("/api/v1/alert-rules/{id}", rule)
                        .with(manager)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(good.replace("}", ",\"version\":5}")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));
        mvc.perform(put("/api/v1/alert-rules/{id}", rule)
                        .with(manager)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicatorId\":%d,\"kind\":\"MISSING\",\"version\":1}".formatted(indicator)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("dueDays", "periodType")));
        mvc.perform(get("/api/v1/alert-rules/{id}", rule).with(manager))
                .andExpect(jsonPath("$.kind").value("THRESHOLD"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(delete("/api/v1/alert-rules/{id}", rule)
                        .param("version", "1")
                        .with(manager))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/alert-rules/{id}", rule).with(manager)).andExpect(status().isNotFound());
    }

    private ResultActions createRule(RequestPostProcessor user, String json) throws Exception {
        return mvc.perform(post("/api/v1/alert-rules")
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions record(RequestPostProcessor user, long indicator, long unit, String period, String value)
            throws Exception {
        return mvc.perform(post("/api/v1/dataValues")
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"%s\",\"value\":%s}"
                        .formatted(indicator, unit, period, value)));
    }

    private static long idAt(ResultActions result, String path) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), path)).longValue();
    }

    private static Clock at(String day) {
        return Clock.fixed(Instant.parse(day + "T08:00:00Z"), ZoneOffset.UTC);
    }

    /** Creates a user with the role, scoped to the mission; returns the username. */
    private String user(String role, long mission) throws Exception {
        String name = role.toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/users")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"%s","password":"%s",
                                 "roles":["%s"],"scopes":[{"type":"MISSION","value":"%d"}]}""".formatted(name, name, PASSWORD, role, mission)))
                .andExpect(status().isCreated());
        return name;
    }
}
