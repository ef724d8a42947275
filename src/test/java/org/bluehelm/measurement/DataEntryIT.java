package org.bluehelm.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.bluehelm.indicator.IndicatorFixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.bluehelm.test.IntegrationTest;
import org.bluehelm.test.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The data entry grid over HTTP, on both databases: all or nothing, removals, conflicts, roles and scope. */
@IntegrationTest
class DataEntryIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    long unit;
    long indicator;

    @BeforeEach
    void indicatorWithAGrid() throws Exception {
        unit = orgUnit(mvc, "LBR");
        indicator = id(createIndicator(
                mvc,
                admin(),
                "\"name\":\"Grid test " + unique() + "\",\"valueType\":\"INTEGER\",\"maxValue\":100,"
                        + "\"countryCode\":\"LBR\",\"categories\":[\"SEX\"]"));
    }

    @Test
    void theGridIsSavedAllOrNothingAndAnEmptiedCellRemovesItsValue() throws Exception {
        List<DataEntryForm.Cell> cells = open("admin");
        assertThat(cells).hasSize(3);
        save("admin", cells, "", "4", "6").andExpect(status().is3xxRedirection());
        assertThat(values(open("admin"))).containsExactly("", "4", "6");

        // one value out of range: the other change (a removed option value) is not written
        cells = open("admin");
        save("admin", cells, "", "", "101")
                .andExpect(status().isOk())
                .andExpect(model().attribute("errors", Map.of("cells[2].value", "must be at most 100")))
                .andExpect(content().string(containsString("value=\"101\"")));
        assertThat(values(open("admin"))).containsExactly("", "4", "6");
        assertThat(aggregate()).isEqualTo("10");

        // a total beside the breakdown would count the same people twice: refused, nothing written
        save("admin", open("admin"), "11", "4", "6")
                .andExpect(status().isOk())
                .andExpect(model().attribute(
                                "errors",
                                hasEntry(is("cells[0].value"), containsString("either the total or one breakdown"))));
        assertThat(values(open("admin"))).containsExactly("", "4", "6");

        // the breakdown replaced by a total in one save: the emptied cells are removed first
        save("admin", open("admin"), "11", "", "").andExpect(status().is3xxRedirection());
        assertThat(values(open("admin"))).containsExactly("11", "", "");
        // the aggregates follow: the emptied cells no longer count
        assertThat(aggregate()).isEqualTo("11");

        mvc.perform(get("/indicators/" + indicator).with(asUser("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-value=\"11\"")));
    }

    @Test
    void aValueRemovedOrChangedMeanwhileIsAConflictAndNothingIsWritten() throws Exception {
        save("admin", open("admin"), "", "4", "6").andExpect(status().is3xxRedirection());
        List<DataEntryForm.Cell> read = open("admin");
        DataEntryForm.Ref female = DataEntryForm.Ref.parse(read.get(1).getRef());
        mvc.perform(put("/api/v1/dataValues/" + female.id())
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":5,\"version\":" + female.version() + "}"))
                .andExpect(status().isOk());

        // the new male value would be written first; emptying the changed female value then conflicts
        save("admin", read, "", "", "7")
                .andExpect(status().isOk())
                .andExpect(model().attributeExists("conflict"))
                .andExpect(content().string(containsString("Someone else changed some of these values")));
        assertThat(values(open("admin"))).containsExactly("", "5", "6");
    }

    @Test
    void aViewerReadsTheGridButCannotSaveIt() throws Exception {
        String viewer = newUser("VIEWER", "{\"type\":\"COUNTRY\",\"value\":\"LBR\"}");
        List<DataEntryForm.Cell> cells = open(viewer);
        assertThat(cells).hasSize(3);
        save(viewer, cells, "1", "", "").andExpect(status().isForbidden());
    }

    @Test
    void aUserOutsideTheIndicatorsScopeIsOfferedNothingToEnter() throws Exception {
        long unosom = TestApi.missionId(mvc, "UNOSOM II");
        String steward = newUser("DATA_STEWARD", "{\"type\":\"MISSION\",\"value\":\"" + unosom + "\"}");
        mvc.perform(grid(steward))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Grid test"))))
                .andExpect(content().string(not(containsString("cells[0].value"))));
    }

    /** The unit's 2024Q1 aggregate of the indicator, as the analytics API gives it. */
    private String aggregate() throws Exception {
        String body = mvc.perform(get("/api/v1/analytics")
                        .param("indicator", String.valueOf(indicator))
                        .param("orgUnit", String.valueOf(unit))
                        .param("periodType", "QUARTERLY")
                        .param("from", "2024Q1")
                        .param("to", "2024Q1")
                        .with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return String.valueOf(com.jayway.jsonpath.JsonPath.<Object>read(body, "$.rows[0].value"));
    }

    private List<DataEntryForm.Cell> open(String username) throws Exception {
        DataEntryForm form = (DataEntryForm) mvc.perform(grid(username))
                .andExpect(status().isOk())
                .andReturn()
                .getModelAndView()
                .getModel()
                .get("form");
        return form.getCells();
    }

    private MockHttpServletRequestBuilder grid(String username) {
        return get("/data-entry")
                .param("country", "LBR")
                .param("indicator", String.valueOf(indicator))
                .param("orgUnit", String.valueOf(unit))
                .param("period", "2024Q1")
                .with(asUser(username));
    }

    private org.springframework.test.web.servlet.ResultActions save(
            String username, List<DataEntryForm.Cell> cells, String... values) throws Exception {
        MockHttpServletRequestBuilder request = post("/data-entry")
                .param("country", "LBR")
                .param("indicator", String.valueOf(indicator))
                .param("orgUnit", String.valueOf(unit))
                .param("period", "2024Q1")
                .with(asUser(username))
                .with(csrf());
        for (int i = 0; i < cells.size(); i++) {
            request.param("cells[" + i + "].ref", cells.get(i).getRef()).param("cells[" + i + "].value", values[i]);
        }
        return mvc.perform(request);
    }

    private static List<String> values(List<DataEntryForm.Cell> cells) {
        return cells.stream().map(DataEntryForm.Cell::getValue).toList();
    }

    private RequestPostProcessor asUser(String username) {
        return user(users.loadUserByUsername(username));
    }

    private String newUser(String role, String scope) throws Exception {
        String username = role.toLowerCase().replace('_', '-') + "-" + unique();
        mvc.perform(post("/api/v1/users")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"%s","password":"correct-horse-battery",
                                 "roles":["%s"],"scopes":[%s]}""".formatted(username, username, role, scope)))
                .andExpect(status().isCreated());
        return username;
    }
}
