package org.bluehelm.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.test.TestApi.admin;
import static org.bluehelm.test.TestApi.id;
import static org.bluehelm.test.TestApi.missionId;
import static org.bluehelm.test.TestApi.uiUserScopedToMission;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The capacity screens render in English and French, forms name the fields in error, a roster import
 * names the line and column, and the roster shows pseudonymous keys while the person's page reveals
 * the service number to an administrator.
 */
@IntegrationTest
class CapacityScreensIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService userDetails;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theCatalogueEventsRostersAndAssistanceScreensWork() throws Exception {
        long police = id(mvc.perform(post("/api/v1/institutions")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"Police %s","pillar":"POLICE","countryCode":"LBR"}""".formatted(tag)))
                .andExpect(status().isCreated()));

        assertThat(page(get("/capacity/courses/new"))).contains("rankLevels");
        String refused = page(post("/capacity/courses").param("title", "").param("durationDays", "0"));
        assertThat(refused).contains("form-errors").contains("Rank levels").contains("Duration (days)");

        String created = mvc.perform(post("/capacity/courses")
                        .with(ui())
                        .with(csrf())
                        .param("title", "Community policing " + tag)
                        .param("competency", "COMMUNITY_POLICING")
                        .param("durationDays", "4")
                        .param("targetInstitutionId", String.valueOf(police))
                        .param("rankLevels", "NCO", "OFFICER"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long course = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
        assertThat(page(get("/capacity").param("q", tag))).contains("Community policing " + tag);
        assertThat(page(get("/capacity/courses/{id}", course)))
                .contains("Community policing")
                .contains("new-event");
        assertThat(page(get("/capacity/courses/{id}/edit", course))).contains("Community policing " + tag);
        assertThat(page(get("/capacity").param("lang", "fr"))).contains("Renforcement des capacités");

        String eventUrl = mvc.perform(post("/capacity/events")
                        .with(ui())
                        .with(csrf())
                        .param("courseId", String.valueOf(course))
                        .param("startsOn", "2026-02-02")
                        .param("endsOn", "2026-02-05")
                        .param("deliveredBy", "UNPOL")
                        .param("nationalTrainers", "2")
                        .param("internationalTrainers", "1"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long event = Long.parseLong(eventUrl.substring(eventUrl.lastIndexOf('/') + 1));
        assertThat(page(get("/capacity/courses/{id}/events/new", course))).contains("deliveredBy");
        assertThat(page(get("/capacity/events/{id}/edit", event))).contains("UNPOL");

        String bad = mvc.perform(multipart("/capacity/events/{id}/roster", event)
                        .file(file("service_number,sex\nSN-%s,Q\n".formatted(tag)))
                        .with(ui())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(bad).contains("roster-problems").contains("line 2 sex");
        String good = mvc.perform(multipart("/capacity/events/{id}/roster", event)
                        .file(file("service_number,name,sex,pre_score,post_score\nSN-%s,Fatu Flomo,F,30,60\n"
                                .formatted(tag)))
                        .with(ui())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(good)
                .contains("roster-report")
                .contains("P-")
                .doesNotContain("SN-" + tag)
                .doesNotContain("Flomo");

        long person = ((Number) JsonPath.read(
                        mvc.perform(get("/api/v1/capacity/events/{id}/participants", event)
                                        .with(admin()))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$[0].personId"))
                .longValue();
        assertThat(page(get("/capacity/people/{id}", person)))
                .contains("reveal")
                .doesNotContain("SN-" + tag);
        long unmil = missionId(mvc, "UNMIL");
        mvc.perform(post("/capacity/people/{id}/reveal", person)
                        .with(uiUserScopedToMission(mvc, userDetails, "VIEWER", unmil))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(mvc.perform(post("/capacity/people/{id}/reveal", person)
                                .with(uiUserScopedToMission(mvc, userDetails, "DATA_STEWARD", unmil))
                                .with(csrf()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("SN-" + tag);
        assertThat(page(post("/capacity/people/{id}/reveal", person)))
                .contains("SN-" + tag)
                .contains("Fatu Flomo");

        assertThat(page(get("/capacity/mentoring"))).contains("create-mentoring");
        assertThat(page(post("/capacity/mentoring").param("mentor", "x"))).contains("form-errors");
        assertThat(page(get("/capacity/assistance"))).contains("create-deliverable");
        String deliverable = mvc.perform(post("/capacity/assistance")
                        .with(ui())
                        .with(csrf())
                        .param("title", "Community policing strategy " + tag)
                        .param("kind", "STRATEGY")
                        .param("institutionId", String.valueOf(police)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(page(get(deliverable)))
                .contains("Community policing strategy " + tag)
                .contains("add-milestone");
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(ui()).with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private RequestPostProcessor ui() {
        return user(userDetails.loadUserByUsername("admin"));
    }

    private static MockMultipartFile file(String csv) {
        return new MockMultipartFile("file", "roster.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }
}
