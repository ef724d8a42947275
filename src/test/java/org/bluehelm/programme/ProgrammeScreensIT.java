package org.bluehelm.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.bluehelm.actor.ActorCommand;
import org.bluehelm.actor.ActorService;
import org.bluehelm.actor.ActorType;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitCommand;
import org.bluehelm.geography.OrgUnitKind;
import org.bluehelm.identity.Role;
import org.bluehelm.identity.ScopeEntry;
import org.bluehelm.identity.ScopeType;
import org.bluehelm.identity.UserCommand;
import org.bluehelm.identity.UserService;
import org.bluehelm.indicator.BenchmarkKind;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.indicator.Direction;
import org.bluehelm.indicator.IndicatorCommand;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.measurement.DataValueCommand;
import org.bluehelm.measurement.MeasurementService;
import org.bluehelm.mission.MissionService;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.Pillar;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The programme screens on the lane's database: who may open the form, what the form does when the
 * country changes without JavaScript, scope on every screen, and the indicator table read from the
 * recorded values.
 */
@IntegrationTest
class ProgrammeScreensIT {

    static final String PASSWORD = "correct-horse-battery";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    UserService users;

    @Autowired
    MissionService missions;

    @Autowired
    GeographyService geography;

    @Autowired
    ActorService actors;

    @Autowired
    IndicatorService indicators;

    @Autowired
    MeasurementService measurements;

    @Autowired
    ProgrammeService programmes;

    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    private RequestPostProcessor as(String username) {
        return user(userDetails.loadUserByUsername(username));
    }

    private String userOf(String mission, Role role) {
        long id = missions.findByAcronym(mission).orElseThrow().id();
        String username = "prg-" + role.name().toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        users.create(new UserCommand(
                username,
                username,
                null,
                PASSWORD,
                true,
                List.of(role),
                List.of(new ScopeEntry(ScopeType.MISSION, String.valueOf(id)))));
        return username;
    }

    private long unmil() {
        return missions.findByAcronym("UNMIL").orElseThrow().id();
    }

    private long sharedActor() {
        return actors.create(new ActorCommand(
                        "Screens UN Agency " + tag, null, null, ActorType.UN_ENTITY, null, null, null, null))
                .id();
    }

    private long liberianUnit(String name) {
        return geography
                .createOrgUnit(
                        new OrgUnitCommand("SC-" + tag + "-" + name.length(), name, OrgUnitKind.AREA, null, "LBR"))
                .id();
    }

    private MockHttpServletRequestBuilder programmeForm(String code, long lead) {
        return post("/programmes")
                .with(csrf())
                .param("code", code)
                .param("name", "Screens programme " + code)
                .param("pillar", "JUSTICE")
                .param("countryCode", "LBR")
                .param("missionId", String.valueOf(unmil()))
                .param("leadActorId", String.valueOf(lead))
                .param("status", "PLANNED")
                .param("results[0].code", "OC1")
                .param("results[0].level", "OUTCOME")
                .param("results[0].title", "Courts hear cases on time");
    }

    @Test
    void aViewerReadsProgrammesButCannotOpenTheForm() throws Exception {
        String viewer = userOf("UNMIL", Role.VIEWER);
        mvc.perform(get("/programmes").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/programmes/new"))));
        mvc.perform(get("/programmes/new").with(as(viewer))).andExpect(status().isForbidden());
        mvc.perform(programmeForm("SC-V-" + tag, sharedActor()).with(as(viewer)))
                .andExpect(status().isForbidden());
        assertThat(programmes
                        .list(
                                new ProgrammeFilter("SC-V-" + tag, null, null, null, null, null, null),
                                PageQuery.of(0, 20, null, ProgrammeService.SORTS, "code"))
                        .total())
                .isZero();
    }

    @Test
    void aCountryTypedWithoutJavaScriptIsOfferedItsUnitsBeforeAnythingIsSaved() throws Exception {
        String unit = "Screens County " + tag;
        long unitId = liberianUnit(unit);
        long lead = sharedActor();
        String code = "SC-C-" + tag;

        mvc.perform(programmeForm(code, lead).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Nothing was saved yet"),
                                containsString(unit),
                                containsString("name=\"choicesFor\" value=\"LBR\""))));
        assertThat(programmes
                        .list(
                                new ProgrammeFilter(code, null, null, null, null, null, null),
                                PageQuery.of(0, 20, null, ProgrammeService.SORTS, "code"))
                        .total())
                .isZero();

        mvc.perform(programmeForm(code, lead)
                        .param("choicesFor", "LBR")
                        .param("locationIds", String.valueOf(unitId))
                        .with(as("admin")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/programmes/*"));
        ProgrammeSummary saved = programmes
                .list(
                        new ProgrammeFilter(code, null, null, null, null, null, null),
                        PageQuery.of(0, 20, null, ProgrammeService.SORTS, "code"))
                .items()
                .get(0);
        assertThat(programmes.get(saved.id()).locationIds()).containsExactly(unitId);
    }

    @Test
    void theChoicesFollowTheCountryTyped() throws Exception {
        String unit = "Screens District " + tag;
        liberianUnit(unit);
        mvc.perform(get("/programmes/choices").param("countryCode", "lbr").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"country-choices\""),
                                containsString(unit),
                                containsString("name=\"choicesFor\" value=\"LBR\""),
                                not(containsString("<html")))));
    }

    @Test
    void aManagerOfAnotherMissionNeitherSeesNorRecordsLiberianProgrammes() throws Exception {
        long lead = sharedActor();
        ProgrammeView liberian = programmes.create(new ProgrammeCommand(
                "SC-S-" + tag,
                "Screens scoped programme",
                Pillar.POLICE,
                null,
                "LBR",
                unmil(),
                lead,
                List.of(),
                null,
                null,
                null,
                null,
                ProgrammeStatus.ACTIVE,
                List.of(),
                List.of(),
                List.of()));
        String ivorian = userOf("UNOCI", Role.MISSION_MANAGER);

        mvc.perform(get("/programmes/{id}", liberian.id()).with(as(ivorian))).andExpect(status().isNotFound());
        mvc.perform(get("/programmes/{id}/edit", liberian.id()).with(as(ivorian)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/programmes/{id}/delete", liberian.id())
                        .with(csrf())
                        .param("version", String.valueOf(liberian.version()))
                        .with(as(ivorian)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/programmes").param("q", "SC-S-" + tag).with(as(ivorian)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Screens scoped programme"))));
        mvc.perform(programmeForm("SC-X-" + tag, lead)
                        .param("choicesFor", "LBR")
                        .with(as(ivorian)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("your scope does not cover this country or mission")));
        assertThat(programmes.get(liberian.id()).version()).isEqualTo(liberian.version());
    }

    @Test
    void theIndicatorTableShowsTheTotalsOfTheLatestPeriodsAgainstBaselineAndTarget() throws Exception {
        long unitId = liberianUnit("Screens Values County " + tag);
        long indicatorId = indicators
                .create(IndicatorCommand.sum(
                        "sc_cases_" + tag.toLowerCase(),
                        "Screens cases heard " + tag,
                        "cases",
                        Direction.HIGHER_IS_BETTER,
                        Dimension.CAPACITY,
                        Pillar.JUSTICE,
                        unmil(),
                        "LBR",
                        List.of(),
                        List.of(
                                new IndicatorCommand.BenchmarkCommand(
                                        BenchmarkKind.BASELINE, unitId, "2020", new BigDecimal("10")),
                                new IndicatorCommand.BenchmarkCommand(
                                        BenchmarkKind.TARGET, unitId, "2021", new BigDecimal("30")),
                                new IndicatorCommand.BenchmarkCommand(
                                        BenchmarkKind.TARGET, unitId, "2024", new BigDecimal("80")))))
                .id();
        // fourteen quarters, 2020Q1 to 2023Q2: only the latest twelve are shown
        for (int n = 0; n < 14; n++) {
            measurements.recordValue(new DataValueCommand(
                    indicatorId,
                    unitId,
                    (2020 + n / 4) + "Q" + (n % 4 + 1),
                    null,
                    null,
                    new BigDecimal(100 + n),
                    null,
                    null));
        }
        ProgrammeView programme = programmes.create(new ProgrammeCommand(
                "SC-T-" + tag,
                "Screens table programme",
                Pillar.JUSTICE,
                null,
                "LBR",
                unmil(),
                sharedActor(),
                List.of(),
                new BigDecimal("1500000"),
                "EUR",
                null,
                null,
                ProgrammeStatus.ACTIVE,
                List.of(unitId),
                List.of(),
                List.of(new ProgrammeCommand.Result(
                        "OC1", ResultLevel.OUTCOME, "Cases heard", null, null, List.of(indicatorId)))));

        String page = mvc.perform(get("/programmes/{id}", programme.id()).with(as("admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String table = page.substring(page.indexOf("<table id=\"progress-" + indicatorId + "\""));
        table = table.substring(0, table.indexOf("</table>"));
        assertThat(table).contains("data-dashed=\"2,3\"");
        assertThat(table).doesNotContain(">2020Q1<").doesNotContain(">2020Q2<");
        // 2020Q3: baseline 10 and the 2021 target (30); 2022Q1: the 2021 target is over, so 2024's (80)
        assertThat(table.replaceAll("\\s+", " "))
                .contains("<th scope=\"row\">2020Q3</th> <td class=\"num\" data-value=\"102\">102</td>"
                        + " <td class=\"num\" data-value=\"10\">10</td> <td class=\"num\" data-value=\"30\">30</td>")
                .contains("<th scope=\"row\">2022Q1</th> <td class=\"num\" data-value=\"108\">108</td>"
                        + " <td class=\"num\" data-value=\"10\">10</td> <td class=\"num\" data-value=\"80\">80</td>")
                .contains("<th scope=\"row\">2023Q2</th>");
        assertThat(page).contains("Only the latest 12 periods are shown.").contains("€1,500,000");
    }
}
