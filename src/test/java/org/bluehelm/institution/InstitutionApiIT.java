package org.bluehelm.institution;

import static org.bluehelm.test.TestApi.admin;
import static org.bluehelm.test.TestApi.id;
import static org.bluehelm.test.TestApi.missionId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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
class InstitutionApiIT {

    @Autowired
    MockMvc mvc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private ResultActions create(String json) throws Exception {
        return mvc.perform(post("/api/v1/institutions")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private long createInstitution(String name, String country) throws Exception {
        return id(create("""
                        {"name":"%s","pillar":"POLICE","countryCode":"%s"}""".formatted(name, country)).andExpect(status().isCreated()));
    }

    @Test
    void anInstitutionIsCreatedReadListedChangedAndDeleted() throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        long orgUnit = id(mvc.perform(post("/api/v1/orgUnits")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"LNP-HQ-%s","name":"LNP Headquarters","kind":"INSTITUTION_UNIT","countryCode":"LBR"}""".formatted(tag)))
                .andExpect(status().isCreated()));
        long parent = id(create("""
                        {"name":"Ministry of Justice %s","acronym":"MOJ","pillar":"GOVERNANCE","countryCode":"lbr"}""".formatted(tag))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(header().string("Location", containsString("/api/v1/institutions/")))
                .andExpect(jsonPath("$.countryCode").value("LBR"))
                .andExpect(jsonPath("$.strength").isEmpty())
                .andExpect(jsonPath("$.version").value(1)));
        String police = """
                {"name":"Liberia National Police %s","acronym":"LNP","pillar":"POLICE","countryCode":"LBR",
                 "missionId":%d,"parentId":%d,"orgUnitId":%d,"description":"Rebuilt with vetting after 2003",
                 "strength":[{"year":2016,"authorised":8000,"actual":5100},{"year":2006,"authorised":3500}]}""".formatted(tag, unmil, parent, orgUnit);
        long id = id(create(police)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.missionId").value(unmil))
                .andExpect(jsonPath("$.parentId").value(parent))
                .andExpect(jsonPath("$.orgUnitId").value(orgUnit))
                .andExpect(jsonPath("$.strength[0].year").value(2006))
                .andExpect(jsonPath("$.strength[0].actual").doesNotExist())
                .andExpect(jsonPath("$.strength[1].actual").value(5100)));

        mvc.perform(get("/api/v1/institutions/{id}", id).with(admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.name").value("Liberia National Police " + tag))
                .andExpect(jsonPath("$.pillar").value("POLICE"))
                .andExpect(jsonPath("$.strength.length()").value(2));
        mvc.perform(get("/api/v1/institutions")
                        .param("q", tag)
                        .param("pillar", "POLICE")
                        .param("country", "LBR")
                        .param("mission", String.valueOf(unmil))
                        .param("parent", String.valueOf(parent))
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].strengthYear").value(2016))
                .andExpect(jsonPath("$.items[0].authorised").value(8000))
                .andExpect(jsonPath("$.items[0].actual").value(5100));
        mvc.perform(get("/api/v1/institutions")
                        .param("q", tag)
                        .param("sort", "-name")
                        .param("size", "1")
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].id").value(parent));
        mvc.perform(get("/api/v1/institutions").param("sort", "budget").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));

        String changed = police.replace("\"actual\":5100", "\"actual\":5300").replace("\"LNP\"", "\"LNP-2\"");
        mvc.perform(put("/api/v1/institutions/{id}", id)
                        .with(admin())
                        .header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(changed))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.acronym").value("LNP-2"))
                .andExpect(jsonPath("$.strength[1].actual").value(5300));
        mvc.perform(put("/api/v1/institutions/{id}", id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(changed.replace("{\"name\"", "{\"version\":1,\"name\"")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));
        mvc.perform(put("/api/v1/institutions/{id}", id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(changed))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));

        mvc.perform(delete("/api/v1/institutions/{id}", parent)
                        .param("version", "1")
                        .with(admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("in-use"));
        mvc.perform(delete("/api/v1/institutions/{id}", id)
                        .param("version", "1")
                        .with(admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));
        mvc.perform(delete("/api/v1/institutions/{id}", id)
                        .header("If-Match", "\"2\"")
                        .with(admin()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/institutions/{id}", id).with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"));
        mvc.perform(delete("/api/v1/institutions/{id}", parent)
                        .param("version", "1")
                        .with(admin()))
                .andExpect(status().isNoContent());
    }

    @Test
    void badInputNamesEveryWrongFieldAndWritesNothing() throws Exception {
        long ivorian = createInstitution("Police nationale " + tag, "CIV");
        long unoci = missionId(mvc, "UNOCI");
        create("""
                        {"name":"Broken %s","countryCode":"XXX","missionId":999999,"parentId":999999,"orgUnitId":999999,
                         "strength":[{"year":2010,"authorised":10},{"year":2010,"authorised":-5,"actual":-1},
                                     {"year":1800},null]}""".formatted(tag))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("pillar")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("countryCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("missionId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("parentId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("orgUnitId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("strength[1].year")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("strength[1].authorised")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("strength[1].actual")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("strength[2].year")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("strength[2].authorised")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("strength[3]")))
                .andExpect(jsonPath("$.errors[*].field", not(hasItem("strength[0].year"))));
        create("""
                        {"name":"Armed Forces of Liberia %s","pillar":"DEFENCE","countryCode":"LBR",
                         "missionId":%d,"parentId":%d}""".formatted(tag, unoci, ivorian))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'parentId')].message")
                        .value(hasItem(containsString("is in CIV, not LBR"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'missionId')].message")
                        .value(hasItem(containsString("is not hosted by LBR"))));
        create("""
                        {"name":"Armed Forces of Liberia %s","pillar":"ARMY","countryCode":"LBR"}""".formatted(tag))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("pillar"));
        mvc.perform(get("/api/v1/institutions").param("q", tag).with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(ivorian));
    }

    @Test
    void anInstitutionCannotBePlacedBelowItselfNorLeaveTheCountryOfItsUnits() throws Exception {
        long top = createInstitution("Ministry of National Defence " + tag, "LBR");
        long middle = id(create("""
                        {"name":"Armed Forces %s","pillar":"DEFENCE","countryCode":"LBR","parentId":%d}""".formatted(tag, top)).andExpect(status().isCreated()));
        long bottom = id(create("""
                        {"name":"23rd Infantry Brigade %s","pillar":"DEFENCE","countryCode":"LBR","parentId":%d}""".formatted(tag, middle)).andExpect(status().isCreated()));
        mvc.perform(put("/api/v1/institutions/{id}", top)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version":1,"name":"Ministry of National Defence %s","pillar":"GOVERNANCE",
                                 "countryCode":"LBR","parentId":%d}""".formatted(tag, bottom)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"));
        mvc.perform(put("/api/v1/institutions/{id}", middle)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version":1,"name":"Armed Forces %s","pillar":"DEFENCE","countryCode":"LBR","parentId":%d}""".formatted(tag, middle)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"));
        mvc.perform(put("/api/v1/institutions/{id}", middle)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version":1,"name":"Armed Forces %s","pillar":"DEFENCE","countryCode":"SLE"}""".formatted(tag)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("countryCode")));
        mvc.perform(get("/api/v1/institutions/{id}", top).with(admin()))
                .andExpect(jsonPath("$.parentId").doesNotExist())
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void anOversightBodyOverseesInstitutionsOfItsCountry() throws Exception {
        long police = createInstitution("Police of Liberia " + tag, "LBR");
        long prisons = createInstitution("Bureau of Corrections " + tag, "LBR");
        long ivorian = createInstitution("Gendarmerie " + tag, "CIV");
        String json = """
                {"name":"Senate Committee on Defence %s","type":"PARLIAMENTARY_COMMITTEE","countryCode":"LBR",
                 "mandate":"Scrutinises the security budget","independent":true,"establishedOn":"2006-01-16",
                 "institutionIds":[%d,%d]}""".formatted(tag, police, prisons);
        long body = id(mvc.perform(post("/api/v1/oversightBodies")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.independent").value(true))
                .andExpect(jsonPath("$.institutionIds.length()").value(2))
                .andExpect(jsonPath("$.institutions[*].name", hasItem("Police of Liberia " + tag))));
        mvc.perform(get("/api/v1/oversightBodies/{id}", body).with(admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.type").value("PARLIAMENTARY_COMMITTEE"))
                .andExpect(jsonPath("$.establishedOn").value("2006-01-16"));
        mvc.perform(get("/api/v1/oversightBodies")
                        .param("institution", String.valueOf(prisons))
                        .param("type", "PARLIAMENTARY_COMMITTEE")
                        .param("country", "LBR")
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(body))
                .andExpect(jsonPath("$.items[0].institutionCount").value(2));

        mvc.perform(delete("/api/v1/institutions/{id}", prisons)
                        .param("version", "1")
                        .with(admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("in-use"));

        mvc.perform(post("/api/v1/oversightBodies")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"Bad Inspectorate %s","countryCode":"LBR","establishedOn":"2999-01-01",
                                 "institutionIds":[%d,%d,%d,999999]}""".formatted(tag, police, police, ivorian)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("type")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("independent")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("establishedOn")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("institutionIds[1]")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("institutionIds[2]")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("institutionIds[3]")))
                .andExpect(jsonPath("$.errors[*].field", not(hasItem("institutionIds[0]"))));
        mvc.perform(get("/api/v1/oversightBodies")
                        .param("q", "Bad Inspectorate " + tag)
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(0));

        String update = json.replace(",%d]".formatted(prisons), "]").replace("{\"name\"", "{\"version\":1,\"name\"");
        mvc.perform(put("/api/v1/oversightBodies/{id}", body)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(update))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.institutionIds.length()").value(1));
        mvc.perform(put("/api/v1/oversightBodies/{id}", body)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(update))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));
        mvc.perform(delete("/api/v1/institutions/{id}", prisons)
                        .param("version", "1")
                        .with(admin()))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/oversightBodies/{id}", body)
                        .param("version", "2")
                        .with(admin()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/oversightBodies/{id}", body).with(admin())).andExpect(status().isNotFound());
    }
}
