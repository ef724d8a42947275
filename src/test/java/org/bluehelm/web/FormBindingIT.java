package org.bluehelm.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Forms given a value that does not fit its field (a date that does not exist, a number that is
 * not one) show the form again with the value named at its field, instead of an error page.
 */
@IntegrationTest
class FormBindingIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService userDetails;

    private RequestPostProcessor admin() {
        return user(userDetails.loadUserByUsername("admin"));
    }

    private ResultActions submit(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(admin()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"form-errors\"")))
                .andExpect(content().string(not(containsString("on our side"))));
    }

    @Test
    void aMissionWithADateThatDoesNotExistIsShownAgainWithTheDateAtItsField() throws Exception {
        submit(post("/missions")
                        .param("acronym", "BIND")
                        .param("name", "Binding mission")
                        .param("startDate", "2024-02-30"))
                .andExpect(content().string(containsString("id=\"startDate-error\"")))
                .andExpect(content().string(containsString("&#39;2024-02-30&#39; is not a valid value")))
                .andExpect(content().string(containsString("value=\"Binding mission\"")));
        submit(post("/missions")
                        .param("acronym", "BIND")
                        .param("name", "Binding mission")
                        .param("startDate", "2024-02-01")
                        .param("resolutions[0].symbol", "S/RES/1 (2024)")
                        .param("resolutions[0].adoptedOn", "2024-13-01"))
                .andExpect(content().string(containsString("id=\"resolutions[0].adoptedOn-error\"")))
                .andExpect(content().string(containsString("&#39;2024-13-01&#39; is not a valid value")));
    }

    @Test
    void aMeetingWithABadDateOrParticipantIsShownAgainWithTheValueAtItsField() throws Exception {
        submit(post("/coordination/meetings")
                        .param("title", "Binding meeting")
                        .param("heldOn", "2024-02-30")
                        .param("countryCode", "LBR"))
                .andExpect(content().string(containsString("id=\"heldOn-error\"")))
                .andExpect(content().string(containsString("&#39;2024-02-30&#39; is not a valid value")))
                .andExpect(content().string(containsString("value=\"2024-02-30\"")))
                .andExpect(content().string(containsString("value=\"Binding meeting\"")));
        submit(post("/coordination/meetings")
                        .param("title", "Binding meeting")
                        .param("heldOn", "2024-02-10")
                        .param("countryCode", "LBR")
                        .param("participantIds", "abc"))
                .andExpect(content().string(containsString("id=\"participantIds-error\"")))
                .andExpect(content().string(containsString("&#39;abc&#39; is not a valid value")));
    }

    @Test
    void aMentoringEngagementWithADateThatDoesNotExistIsShownAgain() throws Exception {
        submit(post("/capacity/mentoring")
                        .param("mentor", "Binding mentor")
                        .param("counterpart", "Deputy")
                        .param("startsOn", "2025-02-30"))
                .andExpect(content().string(containsString("id=\"startsOn-error\"")))
                .andExpect(content().string(containsString("&#39;2025-02-30&#39; is not valid")));
    }

    @Test
    void aUserWithAMissionThatIsNotANumberIsShownAgain() throws Exception {
        submit(post("/admin/users")
                        .param("username", "binding-user")
                        .param("displayName", "Binding user")
                        .param("password", "correct-horse-battery")
                        .param("roles", "VIEWER")
                        .param("missionIds", "abc"))
                .andExpect(content().string(containsString("id=\"missionIds-error\"")))
                .andExpect(content().string(containsString("&#39;abc&#39; is not a valid value")));
    }

    @Test
    void anAssessmentWithADateThatDoesNotExistBlamesTheDateNotTheScores() throws Exception {
        submit(post("/context/assessments")
                        .param("countryCode", "LBR")
                        .param("assessedOn", "2024-02-30")
                        .param("kind", "PERIODIC")
                        .param("scores[0].factor", "POLITICAL_WILL")
                        .param("scores[0].score", "3"))
                .andExpect(content().string(containsString("id=\"assessedOn-error\"")))
                .andExpect(content().string(containsString("2024-02-30")))
                .andExpect(content().string(not(containsString("id=\"scores-error\""))));
    }
}
