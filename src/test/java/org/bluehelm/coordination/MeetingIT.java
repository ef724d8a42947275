package org.bluehelm.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.test.TestApi.admin;
import static org.bluehelm.test.TestApi.createUserScopedToMission;
import static org.bluehelm.test.TestApi.id;
import static org.bluehelm.test.TestApi.missionId;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Coordination meetings through the API and the screens: a meeting with participants, agenda and
 * decisions; action items owned by a user, overdue ones counted in the owner's navigation and
 * listed in "my action items", closed only from the version read; shared documents with every
 * version kept and downloadable, and their size and type limits.
 */
@IntegrationTest
class MeetingIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aMeetingsOverdueActionItemIsFlaggedToItsOwner() throws Exception {
        long actor = id(mvc.perform(post("/api/v1/actors")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Meeting partner " + tag + "\",\"type\":\"INTERNATIONAL_NGO\"}"))
                .andExpect(status().isCreated()));
        mvc.perform(post("/api/v1/coordination/meetings")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"countryCode\":\"XX1\",\"participantIds\":[-5]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        containsInAnyOrder("title", "heldOn", "countryCode", "participantIds[0]")));
        long meeting = id(mvc.perform(post("/api/v1/coordination/meetings")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"Police working group %s","heldOn":"2026-01-15","countryCode":"LBR",
                                 "participantIds":[%d],"agenda":"1. Vetting","decisions":["Vet all recruits"," ",
                                 "Share training calendars"]}""".formatted(tag, actor)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.participants[0].name").value("Meeting partner " + tag))
                .andExpect(jsonPath("$.decisions.length()").value(2))
                .andExpect(jsonPath("$.decisions[1]").value("Share training calendars")));

        String owner = createUserScopedToMission(mvc, "MISSION_MANAGER", missionId(mvc, "UNMIL"));
        RequestPostProcessor ownerApi = httpBasic(owner, "correct-horse-battery");
        mvc.perform(post("/api/v1/coordination/meetings/{id}/action-items", meeting)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"x\",\"ownerUsername\":\"nobody-" + tag + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("ownerUsername", "dueDate")));
        String yesterday = LocalDate.now().minusDays(1).toString();
        ResultActions late = mvc.perform(post("/api/v1/coordination/meetings/{id}/action-items", meeting)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"text":"Send the vetting checklist %s","ownerUsername":"%s","dueDate":"%s"}""".formatted(tag, owner, yesterday)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.overdue").value(true));
        long item = id(late);
        mvc.perform(post("/api/v1/coordination/meetings/{id}/action-items", meeting)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                """
                                {"text":"Later %s","ownerActorId":%d,"ownerUsername":"%s","dueDate":"%s"}""".formatted(tag, actor, owner, LocalDate.now().plusDays(10))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.overdue").value(false))
                .andExpect(jsonPath("$.ownerActorName").value("Meeting partner " + tag));

        mvc.perform(get("/api/v1/coordination/action-items/mine").with(ownerApi))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].id").value((int) item))
                .andExpect(jsonPath("$.items[0].overdue").value(true));
        RequestPostProcessor ownerUi = user(users.loadUserByUsername(owner));
        mvc.perform(get("/coordination/action-items/mine").with(ownerUi))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"nav-plan-count\">1<")))
                .andExpect(content().string(containsString("Send the vetting checklist " + tag)))
                .andExpect(content().string(containsString("overdue-flag")));
        mvc.perform(get("/coordination/meetings").with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Police working group " + tag)));

        mvc.perform(put("/api/v1/coordination/action-items/{id}/status", item)
                        .with(ownerApi)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"DONE\",\"version\":1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overdue").value(false));
        mvc.perform(put("/api/v1/coordination/action-items/{id}/status", item)
                        .with(ownerApi)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"OPEN\",\"version\":1}"))
                .andExpect(status().isConflict());
        String page = mvc.perform(get("/coordination/action-items/mine").with(ownerUi))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain("nav-plan-count");

        RequestPostProcessor elsewhere =
                httpBasic(createUserScopedToMission(mvc, "VIEWER", missionId(mvc, "UNOCI")), "correct-horse-battery");
        mvc.perform(get("/api/v1/coordination/meetings/{id}", meeting).with(elsewhere))
                .andExpect(status().isNotFound());
    }

    @Test
    void aSharedDocumentKeepsEveryVersion() throws Exception {
        ResultActions created = mvc.perform(multipart("/api/v1/coordination/documents")
                        .file(new MockMultipartFile(
                                "file", "joint-plan.txt", "text/plain", "first draft".getBytes(StandardCharsets.UTF_8)))
                        .param("title", "Joint plan " + tag)
                        .param("kind", "JOINT_PLAN")
                        .param("countryCode", "LBR")
                        .with(admin()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.versions.length()").value(1));
        long document = id(created);
        mvc.perform(multipart("/api/v1/coordination/documents/{id}/versions", document)
                        .file(new MockMultipartFile(
                                "file", "joint-plan-v2.txt", "text/plain", "second".getBytes(StandardCharsets.UTF_8)))
                        .param("note", "after the March meeting")
                        .with(admin()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.versions[0].number").value(2))
                .andExpect(jsonPath("$.versions[0].note").value("after the March meeting"))
                .andExpect(jsonPath("$.versions[1].number").value(1));
        mvc.perform(get("/api/v1/coordination/documents/{id}/versions/1", document)
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("joint-plan.txt")))
                .andExpect(content().string("first draft"));
        mvc.perform(get("/coordination/documents/{id}/versions/2", document)
                        .with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string("second"));
        mvc.perform(get("/api/v1/coordination/documents/{id}/versions/3", document)
                        .with(admin()))
                .andExpect(status().isNotFound());

        mvc.perform(multipart("/api/v1/coordination/documents/{id}/versions", document)
                        .file(new MockMultipartFile("file", "tool.exe", "application/octet-stream", new byte[] {1, 2}))
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("pdf")));
        mvc.perform(multipart("/api/v1/coordination/documents/{id}/versions", document)
                        .file(new MockMultipartFile(
                                "file",
                                "huge.pdf",
                                "application/pdf",
                                new byte[(int) MeetingService.MAX_DOCUMENT_BYTES + 1]))
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("larger than 10 MB")));
        mvc.perform(get("/api/v1/coordination/documents").param("size", "200").with(admin()))
                .andExpect(jsonPath("$.items[?(@.id == " + document + ")].versions.length()", hasItem(2)));
        mvc.perform(get("/coordination/documents").with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("joint-plan-v2.txt")));
    }

    @Test
    void theCoordinationScreensRender() throws Exception {
        RequestPostProcessor admin = user(users.loadUserByUsername("admin"));
        for (String path : new String[] {
            "/coordination",
            "/coordination/matrix",
            "/coordination/map",
            "/coordination/gaps",
            "/coordination/ownership",
            "/coordination/import",
            "/coordination/activities/new",
            "/coordination/meetings",
            "/coordination/documents"
        }) {
            mvc.perform(get(path).with(admin)).andExpect(status().isOk());
        }
        mvc.perform(multipart("/coordination/import")
                        .file(new MockMultipartFile(
                                "file",
                                "bad.xml",
                                "application/xml",
                                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><iati-activities>&e;</iati-activities>"
                                        .getBytes(StandardCharsets.UTF_8)))
                        .with(admin)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-problems\"")));
        mvc.perform(get("/api/v1/coordination/map").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("FeatureCollection"));
        mvc.perform(get("/coordination/export.hxl.csv").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("#org+name")));
    }
}
