package org.bluehelm.approval;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnitBelow;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.test.IntegrationTest;
import org.bluehelm.test.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class ApprovalApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApprovalService approvals;

    @Autowired
    UserDetailsService users;

    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    /** A programme of Liberia measuring one indicator, a region with two districts, values in the first. */
    record Fixture(
            long programme,
            String programmeCode,
            long indicator,
            String indicatorCode,
            long other,
            long region,
            long d1,
            String d1Code,
            long d2,
            long valueId) {}

    private Fixture fixture() throws Exception {
        var created = createIndicator(mvc, admin(), "\"valueType\":\"INTEGER\",\"countryCode\":\"LBR\"");
        long indicator = id(created);
        String indicatorCode = JsonPath.read(created.getResponse().getContentAsString(), "$.code");
        long other = id(createIndicator(mvc, admin(), "\"valueType\":\"INTEGER\",\"countryCode\":\"LBR\""));
        long region = orgUnit(mvc, "LBR");
        long d1 = orgUnitBelow(mvc, region);
        long d2 = orgUnitBelow(mvc, region);
        long lead = TestApi.id(mvc.perform(post("/api/v1/actors")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Ministry " + tag
                                + "\",\"type\":\"HOST_MINISTRY\",\"countryCode\":\"LBR\"}"))
                .andExpect(status().isCreated()));
        String code = "LBR-APR-" + tag;
        long programme = TestApi.id(mvc.perform(post("/api/v1/programmes")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"%s","name":"Approval test","pillar":"POLICE","countryCode":"LBR",
                                 "leadActorId":%d,"status":"ACTIVE",
                                 "results":[{"code":"OC1","level":"OUTCOME","title":"Trust","indicatorIds":[%d]}]}""".formatted(code, lead, indicator)))
                .andExpect(status().isCreated()));
        long valueId = TestApi.id(record(indicator, d1, "202401", 10).andExpect(status().isCreated()));
        record(indicator, d1, "202402", 11).andExpect(status().isCreated());
        return new Fixture(programme, code, indicator, indicatorCode, other, region, d1, unitCode(d1), d2, valueId);
    }

    private String unitCode(long id) throws Exception {
        return JsonPath.read(
                mvc.perform(get("/api/v1/orgUnits/{id}", id).with(admin()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.code");
    }

    private ResultActions record(long indicator, long unit, String period, int value) throws Exception {
        return mvc.perform(post("/api/v1/dataValues")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"%s\",\"value\":%d}"
                        .formatted(indicator, unit, period, value)));
    }

    private ResultActions act(RequestPostProcessor user, String action, Fixture f, long unit, String comment)
            throws Exception {
        return mvc.perform(post("/api/v1/approvals/{action}", action)
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"programmeId\":%d,\"orgUnitId\":%d,\"period\":\"2024Q1\",\"comment\":\"%s\"}"
                        .formatted(f.programme(), unit, comment)));
    }

    @Test
    void anApprovalIsOpenedOnlyForAPeriodWithinTheProgrammesDates() throws Exception {
        Fixture f = fixture();
        mvc.perform(put("/api/v1/programmes/{id}", f.programme())
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(programmeWithDates(f)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.endDate").value("2025-12-31"));
        String submit = "{\"programmeId\":%d,\"orgUnitId\":%d,\"period\":\"%s\"}";
        mvc.perform(post("/api/v1/approvals/submit")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(submit.formatted(f.programme(), f.d1(), "2030Q1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"))
                .andExpect(jsonPath("$.errors[0].message", containsString("outside the dates of programme")));
        mvc.perform(get("/api/v1/approvals")
                        .param("programme", String.valueOf(f.programme()))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(0));
        // the year the programme starts in overlaps its dates
        mvc.perform(post("/api/v1/approvals/submit")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(submit.formatted(f.programme(), f.d1(), "2024")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SUBMITTED"));
    }

    /** The fixture's programme as read, with dates from April 2024 to the end of 2025. */
    private String programmeWithDates(Fixture f) throws Exception {
        String read = mvc.perform(get("/api/v1/programmes/{id}", f.programme()).with(admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int version = JsonPath.read(read, "$.version");
        long lead = ((Number) JsonPath.read(read, "$.leadActorId")).longValue();
        return """
                {"code":"%s","name":"Approval test","pillar":"POLICE","countryCode":"LBR","leadActorId":%d,
                 "status":"ACTIVE","startDate":"2024-04-01","endDate":"2025-12-31","version":%d,
                 "results":[{"code":"OC1","level":"OUTCOME","title":"Trust","indicatorIds":[%d]}]}""".formatted(f.programmeCode(), lead, version, f.indicator());
    }

    @Test
    void aParentIsApprovedAfterItsChildrenAndApprovedValuesAreLockedUntilUnapproved() throws Exception {
        Fixture f = fixture();
        act(admin(), "approve", f, f.d1(), "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("wrong-state"));
        act(admin(), "submit", f, f.d1(), "January to March complete")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SUBMITTED"))
                .andExpect(jsonPath("$.programmeCode").value(f.programmeCode()));
        act(admin(), "submit", f, f.region(), "").andExpect(status().isOk());
        act(admin(), "approve", f, f.region(), "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("children-not-approved"))
                .andExpect(jsonPath(
                        "$.detail", allOf(containsString(f.d1Code()), not(containsString(unitCode(f.d2()))))));
        act(admin(), "approve", f, f.d1(), "checked against the registers")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("APPROVED"));
        act(admin(), "approve", f, f.region(), "").andExpect(status().isOk());

        // locked: one value, a batch, a change, a deletion and an import, for a month within the quarter
        record(f.indicator(), f.d1(), "202403", 12)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("locked"))
                .andExpect(jsonPath("$.detail", allOf(containsString(f.programmeCode()), containsString("2024Q1"))));
        mvc.perform(post("/api/v1/dataValues/batch")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"values\":[{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"2024\",\"value\":1},"
                                        .formatted(f.indicator(), f.d2())
                                + "{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"202402\",\"value\":1}]}"
                                        .formatted(f.indicator(), f.d2())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("locked"))
                .andExpect(jsonPath("$.detail", containsString("values[1]")));
        mvc.perform(put("/api/v1/dataValues/{id}", f.valueId())
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":99,\"version\":1}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("locked"));
        mvc.perform(delete("/api/v1/dataValues/{id}", f.valueId())
                        .param("version", "1")
                        .with(admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("locked"));
        mvc.perform(post("/api/v1/dataValueSets")
                        .with(admin())
                        .contentType("text/csv")
                        .content((f.indicatorCode() + ",202401," + f.d1Code() + ",,,55\n")
                                .getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.conflicts[0].line").value(1))
                .andExpect(jsonPath("$.conflicts[0].field").value("period"))
                .andExpect(jsonPath("$.conflicts[0].message", containsString("locked")));
        // nor deleted by an import
        mvc.perform(post("/api/v1/dataValueSets")
                        .param("importStrategy", "DELETE")
                        .with(admin())
                        .contentType("text/csv")
                        .content((f.indicatorCode() + ",202401," + f.d1Code() + ",,,\n")
                                .getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.importCount.deleted").value(0))
                .andExpect(jsonPath("$.conflicts[0].field").value("period"))
                .andExpect(jsonPath("$.conflicts[0].message", containsString("locked")));
        mvc.perform(get("/api/v1/dataValues/{id}", f.valueId()).with(admin())).andExpect(status().isOk());

        // not locked: another indicator, another quarter, a yearly value (not within the quarter)
        record(f.other(), f.d1(), "202403", 1).andExpect(status().isCreated());
        record(f.indicator(), f.d1(), "202404", 1).andExpect(status().isCreated());
        record(f.indicator(), f.d1(), "2024", 1).andExpect(status().isCreated());

        // un-approving goes top-down; the district's own approval still locks it
        act(admin(), "unapprove", f, f.d1(), "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("parent-approved"));
        act(admin(), "unapprove", f, f.region(), "a county report was late").andExpect(status().isOk());
        record(f.indicator(), f.d1(), "202403", 12).andExpect(status().isConflict());
        record(f.indicator(), f.d2(), "202403", 12).andExpect(status().isCreated());
        act(admin(), "unapprove", f, f.d1(), "correction").andExpect(status().isOk());
        record(f.indicator(), f.d1(), "202403", 12).andExpect(status().isCreated());
        mvc.perform(put("/api/v1/dataValues/{id}", f.valueId())
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":99,\"version\":1}"))
                .andExpect(status().isOk());

        // every step is logged
        mvc.perform(get("/api/v1/approvals")
                        .param("programme", String.valueOf(f.programme()))
                        .param("orgUnit", String.valueOf(f.d1()))
                        .param("period", "2024Q1")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].state").value("SUBMITTED"))
                .andExpect(jsonPath("$.items[0].log[*].action", contains("SUBMIT", "APPROVE", "UNAPPROVE")))
                .andExpect(jsonPath("$.items[0].log[0].username").value("admin"))
                .andExpect(jsonPath("$.items[0].log[0].comment").value("January to March complete"))
                .andExpect(jsonPath("$.items[0].log[2].comment").value("correction"));

        // a submitted unit can be withdrawn
        act(admin(), "withdraw", f, f.d1(), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("OPEN"));
        mvc.perform(get("/api/v1/approvals/overview")
                        .param("programme", String.valueOf(f.programme()))
                        .param("period", "2024Q1")
                        .param("orgUnit", String.valueOf(f.region()))
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parent.state").value("SUBMITTED"))
                .andExpect(jsonPath("$.rows.length()").value(2))
                .andExpect(jsonPath("$.rows[?(@.orgUnitId == " + f.d1() + ")].hasData", contains(true)))
                .andExpect(jsonPath("$.rows[?(@.orgUnitId == " + f.d1() + ")].state", contains("OPEN")))
                .andExpect(jsonPath("$.rows[?(@.orgUnitId == " + f.d1() + ")].actions[0]", contains("SUBMIT")));
    }

    @Test
    void rolesAndScopeDecideWhoTakesWhichStep() throws Exception {
        Fixture f = fixture();
        long unmil = TestApi.missionId(mvc, "UNMIL");
        long unosom = TestApi.missionId(mvc, "UNOSOM I");
        RequestPostProcessor manager = TestApi.userScopedToMission(mvc, "MISSION_MANAGER", unmil);
        RequestPostProcessor outsider = TestApi.userScopedToMission(mvc, "MISSION_MANAGER", unosom);

        act(manager, "submit", f, f.d1(), "")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("DATA_STEWARD")));
        act(outsider, "submit", f, f.d1(), "").andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/approvals")
                        .param("programme", String.valueOf(f.programme()))
                        .with(outsider))
                .andExpect(jsonPath("$.total").value(0));

        // a data steward submits but may not approve (service level: the API's URL rules are the lead's)
        String steward = username(mvc, "DATA_STEWARD", unmil);
        asUser(
                steward,
                () -> approvals.act(
                        ApprovalAction.SUBMIT, new ApprovalCommand(f.programme(), f.d1(), "2024Q1", "done")));
        assertThatThrownBy(() -> asUser(
                        steward,
                        () -> approvals.act(
                                ApprovalAction.APPROVE, new ApprovalCommand(f.programme(), f.d1(), "2024Q1", null))))
                .isInstanceOf(ForbiddenException.class);
        act(manager, "approve", f, f.d1(), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("APPROVED"));
        act(manager, "approve", f, f.d1(), "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("wrong-state"));

        mvc.perform(post("/api/v1/approvals/{action}", "approve")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"programmeId\":%d,\"period\":\"2024-01\"}".formatted(f.programme())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("orgUnitId", "period")));
        mvc.perform(post("/api/v1/approvals/{action}", "accept")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("action"));
        long ivoryCoast = orgUnit(mvc, "CIV");
        act(admin(), "submit", f, ivoryCoast, "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("orgUnitId"));
    }

    private static String username(MockMvc mvc, String role, long mission) throws Exception {
        String name = role.toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/users")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"%s","password":"correct-horse-battery",
                                 "roles":["%s"],"scopes":[{"type":"MISSION","value":"%d"}]}""".formatted(name, name, role, mission)))
                .andExpect(status().isCreated());
        return name;
    }

    private void asUser(String username, Runnable action) {
        UserDetails details = users.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
