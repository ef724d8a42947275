package org.bluehelm.actor;

import static org.bluehelm.test.TestApi.admin;
import static org.bluehelm.test.TestApi.id;
import static org.bluehelm.test.TestApi.missionId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class ActorApiIT {

    @Autowired
    MockMvc mvc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private ResultActions create(String json) throws Exception {
        return mvc.perform(post("/api/v1/actors")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void actorsOfEachKindAreCreatedReadListedChangedAndDeleted() throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        String donorJson = """
                {"name":"Norway %s","category":"INTERNATIONAL","type":"DONOR_GOVERNMENT","countryCode":"NOR",
                 "website":"https://www.regjeringen.no","description":"Funds justice and security programmes"}""".formatted(tag);
        long donor = id(create(donorJson)
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.countryCode").value("NOR"))
                .andExpect(jsonPath("$.missionId").doesNotExist())
                .andExpect(jsonPath("$.shared").value(true)));
        long cso = id(create("""
                        {"name":"Liberia Crusaders for Peace %s","type":"CIVIL_SOCIETY_ORGANISATION","countryCode":"LBR"}""".formatted(tag))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.category").value("NATIONAL"))
                .andExpect(jsonPath("$.shared").value(false)));
        long component = id(create("""
                        {"name":"UNMIL Police %s","acronym":"UNPOL","category":"INTERNATIONAL","type":"MISSION_COMPONENT",
                         "missionId":%d,"countryCode":"LBR"}""".formatted(tag, unmil))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.missionId").value(unmil))
                .andExpect(jsonPath("$.shared").value(false)));

        mvc.perform(get("/api/v1/actors/{id}", cso).with(admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.type").value("CIVIL_SOCIETY_ORGANISATION"))
                .andExpect(jsonPath("$.countryCode").value("LBR"));
        mvc.perform(get("/api/v1/actors").param("q", tag).param("sort", "name").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[0].id").value(cso))
                .andExpect(jsonPath("$.items[1].id").value(donor))
                .andExpect(jsonPath("$.items[2].id").value(component));
        mvc.perform(get("/api/v1/actors")
                        .param("q", tag)
                        .param("category", "INTERNATIONAL")
                        .param("country", "nor")
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].website").value("https://www.regjeringen.no"));
        mvc.perform(get("/api/v1/actors")
                        .param("q", tag)
                        .param("type", "MISSION_COMPONENT")
                        .param("mission", String.valueOf(unmil))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].acronym").value("UNPOL"));
        mvc.perform(get("/api/v1/actors").param("type", "WARLORD").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));

        String changed =
                donorJson.replace("Funds justice", "Funds police").replace("{\"name\"", "{\"version\":1,\"name\"");
        mvc.perform(put("/api/v1/actors/{id}", donor)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(changed))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.description", containsString("Funds police")));
        mvc.perform(put("/api/v1/actors/{id}", donor)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(changed))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));
        mvc.perform(delete("/api/v1/actors/{id}", donor).param("version", "1").with(admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));
        mvc.perform(delete("/api/v1/actors/{id}", donor)
                        .header("If-Match", "\"2\"")
                        .with(admin()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/actors/{id}", donor).with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void badInputNamesEveryWrongFieldAndWritesNothing() throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        create("""
                        {"name":"Mismatched %s","category":"NATIONAL","type":"UN_ENTITY","countryCode":"XXX",
                         "website":"ftp://example.org"}""".formatted(tag))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("type")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("countryCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("website")));
        create("""
                        {"name":"Ministry of Defence %s","type":"HOST_MINISTRY","missionId":%d}""".formatted(tag, unmil))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("countryCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("missionId")));
        create("""
                        {"name":"Civil Affairs %s","type":"MISSION_COMPONENT","countryCode":"CIV"}""".formatted(tag))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("missionId"));
        create("""
                        {"name":"Civil Affairs %s","type":"MISSION_COMPONENT","missionId":%d,"countryCode":"CIV"}""".formatted(tag, unmil))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("countryCode"));
        create("""
                        {"acronym":"%s"}""".formatted(tag))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("type")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("category")));
        mvc.perform(get("/api/v1/actors").param("q", tag).with(admin()))
                .andExpect(jsonPath("$.total").value(0));
    }
}
