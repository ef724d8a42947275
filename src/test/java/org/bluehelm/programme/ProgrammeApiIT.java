package org.bluehelm.programme;

import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.bluehelm.test.TestApi.admin;
import static org.bluehelm.test.TestApi.id;
import static org.bluehelm.test.TestApi.missionId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.bluehelm.indicator.IndicatorFixtures;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class ProgrammeApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ProgrammeService programmes;

    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    private ResultActions send(String path, String json) throws Exception {
        return mvc.perform(
                post(path).with(admin()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private long created(String path, String json) throws Exception {
        return id(send(path, json).andExpect(status().isCreated()));
    }

    private long indicator(String scopeFields) throws Exception {
        return IndicatorFixtures.id(createIndicator(mvc, admin(), scopeFields));
    }

    @Test
    void aProgrammeIsCreatedWithItsPartnersPlacesAndResultsChainAndAStaleEditIsRefused() throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        long ministry = created("/api/v1/actors", """
                {"name":"Ministry of Justice %s","type":"HOST_MINISTRY","countryCode":"LBR"}""".formatted(tag));
        long undp = created("/api/v1/actors", """
                {"name":"UNDP %s","type":"UN_ENTITY"}""".formatted(tag));
        long donor = created("/api/v1/actors", """
                {"name":"Donor %s","type":"DONOR_GOVERNMENT","countryCode":"SWE"}""".formatted(tag));
        long montserrado = orgUnit(mvc, "LBR");
        long nimba = orgUnit(mvc, "LBR");
        long police = created("/api/v1/institutions", """
                {"name":"Liberia National Police %s","pillar":"POLICE","countryCode":"LBR"}""".formatted(tag));
        long library = indicator("\"name\":\"Library indicator\"");
        long national = indicator("\"countryCode\":\"LBR\"");
        long ofMission = indicator("\"missionId\":" + unmil);

        String code = "LBR-POL-" + tag;
        String json = """
                "code":"%s","name":"Community policing in Montserrado and Nimba","pillar":"POLICE",
                "objectives":"A police service that the public trusts","countryCode":"LBR","missionId":%d,
                "leadActorId":%d,"partners":[{"actorId":%d,"role":"IMPLEMENTING"},{"actorId":%d,"role":"FUNDING"}],
                "budgetAmount":2500000.50,"budgetCurrency":"usd","startDate":"2024-01-01","endDate":"2026-12-31",
                "status":"ACTIVE","locationIds":[%d,%d],"institutionIds":[%d],
                "results":[
                  {"code":"OC1","level":"OUTCOME","title":"Public trust in the police rises","indicatorIds":[%d]},
                  {"code":"OP1.1","level":"OUTPUT","title":"Officers trained in community policing",
                   "description":"Two-week course","parentCode":"OC1","indicatorIds":[%d,%d]},
                  {"code":"OP1.2","level":"OUTPUT","title":"Community forums held","parentCode":"OC1",
                   "indicatorIds":[%d]}]""".formatted(
                code, unmil, ministry, undp, donor, montserrado, nimba, police, library, national, ofMission, library);
        ResultActions create = send("/api/v1/programmes", "{" + json + "}")
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(header().string("Location", containsString("/api/v1/programmes/")))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.missionId").value(unmil))
                .andExpect(jsonPath("$.leadActorId").value(ministry))
                .andExpect(jsonPath("$.leadActorName").value("Ministry of Justice " + tag))
                .andExpect(jsonPath("$.partners[0].actorId").value(undp))
                .andExpect(jsonPath("$.partners[0].actorName").value("UNDP " + tag))
                .andExpect(jsonPath("$.partners[0].role").value("IMPLEMENTING"))
                .andExpect(jsonPath("$.partners[1].role").value("FUNDING"))
                .andExpect(jsonPath("$.budgetAmount").value(2500000.5))
                .andExpect(jsonPath("$.budgetCurrency").value("USD"))
                .andExpect(jsonPath("$.locationIds", contains((int) montserrado, (int) nimba)))
                .andExpect(jsonPath("$.institutionIds", contains((int) police)))
                .andExpect(jsonPath("$.results", hasSize(3)))
                .andExpect(jsonPath("$.results[0].level").value("OUTCOME"))
                .andExpect(jsonPath("$.results[0].parentCode").isEmpty())
                .andExpect(jsonPath("$.results[1].parentCode").value("OC1"))
                .andExpect(jsonPath("$.results[1].description").value("Two-week course"))
                .andExpect(jsonPath("$.results[1].indicatorIds", contains((int) national, (int) ofMission)))
                .andExpect(jsonPath("$.version").value(1));
        long id = id(create);

        mvc.perform(get("/api/v1/programmes/{id}", id).with(admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.results[2].code").value("OP1.2"))
                .andExpect(jsonPath("$.results[2].indicatorIds", contains((int) library)))
                .andExpect(jsonPath("$.partners", hasSize(2)));
        mvc.perform(get("/api/v1/programmes/{id}/indicators", id).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", contains((int) library, (int) national, (int) ofMission)))
                .andExpect(jsonPath("$[0].resultCodes", contains("OC1", "OP1.2")))
                .andExpect(jsonPath("$[1].resultCodes", contains("OP1.1")));

        mvc.perform(get("/api/v1/programmes")
                        .param("q", tag)
                        .param("pillar", "POLICE")
                        .param("status", "ACTIVE")
                        .param("country", "lbr")
                        .param("mission", String.valueOf(unmil))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].code").value(code))
                .andExpect(jsonPath("$.items[0].leadActorName").value("Ministry of Justice " + tag))
                .andExpect(jsonPath("$.items[0].budgetAmount").value(2500000.5));
        mvc.perform(get("/api/v1/programmes")
                        .param("actor", String.valueOf(donor))
                        .with(admin()))
                .andExpect(jsonPath("$.items[*].id", contains((int) id)));
        mvc.perform(get("/api/v1/programmes")
                        .param("actor", String.valueOf(ministry))
                        .with(admin()))
                .andExpect(jsonPath("$.items[*].id", contains((int) id)));
        mvc.perform(get("/api/v1/programmes")
                        .param("institution", String.valueOf(police))
                        .with(admin()))
                .andExpect(jsonPath("$.items[*].id", contains((int) id)));
        mvc.perform(get("/api/v1/programmes")
                        .param("q", tag)
                        .param("status", "PLANNED")
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/programmes").param("sort", "-startDate").with(admin()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/programmes").param("sort", "budget").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));

        // An indicator in a results chain cannot be deleted from under it.
        mvc.perform(delete("/api/v1/indicators/{id}", ofMission)
                        .param("version", "1")
                        .with(admin()))
                .andExpect(status().isConflict());

        String update = "{\"version\":1,"
                + json.replace("\"status\":\"ACTIVE\"", "\"status\":\"COMPLETED\"")
                        .replace(",{\"actorId\":%d,\"role\":\"FUNDING\"}".formatted(donor), "")
                        .replace("\"indicatorIds\":[%d,%d]".formatted(national, ofMission), "\"indicatorIds\":[]")
                + "}";
        mvc.perform(put("/api/v1/programmes/{id}", id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(update))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.partners", hasSize(1)))
                .andExpect(jsonPath("$.results[1].indicatorIds").isEmpty());
        mvc.perform(put("/api/v1/programmes/{id}", id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(update))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));
        mvc.perform(put("/api/v1/programmes/{id}", id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{" + json + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        mvc.perform(put("/api/v1/programmes/{id}", id)
                        .with(admin())
                        .header("If-Match", "\"2\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{" + json + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(get("/api/v1/programmes/{id}/indicators", id).with(admin()))
                .andExpect(jsonPath("$[*].id", contains((int) library, (int) national, (int) ofMission)));
        mvc.perform(get("/api/v1/programmes")
                        .param("actor", String.valueOf(donor))
                        .with(admin()))
                .andExpect(jsonPath("$.items[*].id", contains((int) id)));

        mvc.perform(delete("/api/v1/programmes/{id}", id).param("version", "2").with(admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));
        mvc.perform(delete("/api/v1/programmes/{id}", id)
                        .header("If-Match", "\"3\"")
                        .with(admin()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/programmes/{id}", id).with(admin())).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/indicators/{id}", ofMission)
                        .param("version", "1")
                        .with(admin()))
                .andExpect(status().isNoContent());
    }

    @Test
    void badInputNamesEveryWrongFieldAndWritesNothing() throws Exception {
        long lead = created("/api/v1/actors", """
                {"name":"Ministry of Defence %s","type":"HOST_MINISTRY","countryCode":"LBR"}""".formatted(tag));
        long ivorianArea = orgUnit(mvc, "CIV");
        String code = "LBR-BAD-" + tag;
        send("/api/v1/programmes", """
                        {"code":"%s","name":"Bad programme","pillar":"DEFENCE","countryCode":"LBR","leadActorId":%d,
                         "partners":[{"actorId":999999999,"role":"FUNDING"},{"actorId":%d,"role":"MONITORING"}],
                         "budgetAmount":1000,"budgetCurrency":"XYZ","startDate":"2025-01-01","endDate":"2024-12-31",
                         "status":"PLANNED","locationIds":[%d],
                         "results":[
                           {"code":"OC1","level":"OUTCOME","title":"Outcome","indicatorIds":[999999999]},
                           {"code":"OP1","level":"OUTPUT","title":"Output without parent"},
                           {"code":"OP2","level":"OUTPUT","title":"Output below an output","parentCode":"OP1"},
                           {"code":"OP3","level":"OUTPUT","title":"Output of nothing","parentCode":"OC9"},
                           {"code":"OC1","level":"OUTCOME","title":"Same code again"}]}""".formatted(code, lead, lead, ivorianArea))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.errors[*].field", not(hasItem("leadActorId"))))
                .andExpect(jsonPath("$.errors[*].field", hasItem("partners[0].actorId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("partners[1].actorId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("budgetCurrency")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("endDate")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("locationIds[0]")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("results[0].indicatorIds[0]")))
                .andExpect(jsonPath("$.errors[*].field", not(hasItem("results[0].parentCode"))))
                .andExpect(jsonPath("$.errors[*].field", hasItem("results[1].parentCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("results[2].parentCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("results[3].parentCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("results[4].code")))
                .andExpect(jsonPath("$.errors", hasSize(10)))
                .andExpect(jsonPath("$.errors[?(@.field == 'partners[0].actorId')].message")
                        .value(hasItem("actor 999999999 does not exist")))
                .andExpect(jsonPath("$.errors[?(@.field == 'partners[1].actorId')].message")
                        .value(hasItem(containsString("lead actor"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'results[2].parentCode')].message")
                        .value(hasItem(containsString("is an OUTPUT"))));

        send("/api/v1/programmes", """
                        {"code":"x","name":"","countryCode":"XXX","leadActorId":999999999,"budgetAmount":-5,
                         "status":"COMPLETED","institutionIds":[999999999]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("code")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("pillar")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("countryCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("leadActorId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("budgetAmount")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("budgetCurrency")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("endDate")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("institutionIds[0]")));

        mvc.perform(get("/api/v1/programmes").param("q", tag).with(admin()))
                .andExpect(jsonPath("$.total").value(0));

        // A correct programme with the same code is accepted, and its code is then taken (in any case).
        created("/api/v1/programmes", """
                {"code":"%s","name":"Good programme","pillar":"DEFENCE","countryCode":"LBR","leadActorId":%d,
                 "status":"PLANNED","budgetAmount":0,"budgetCurrency":"LRD"}""".formatted(code, lead));
        send("/api/v1/programmes", """
                        {"code":"%s","name":"Copy","pillar":"DEFENCE","countryCode":"LBR","leadActorId":%d,
                         "status":"PLANNED","budgetAmount":10.555,"budgetCurrency":"USD"}""".formatted(code.toLowerCase(), lead))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("code", "budgetAmount")));
    }

    @Test
    void anIndicatorMustShareTheProgrammesScopeOrComeFromTheLibrary() throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        long lead = created("/api/v1/actors", """
                {"name":"Ministry of Interior %s","type":"HOST_MINISTRY","countryCode":"LBR"}""".formatted(tag));
        long ofMission = indicator("\"missionId\":" + unmil);
        long ofOtherCountry = indicator("\"countryCode\":\"SLE\"");
        long library = indicator("\"name\":\"Library\"");
        send("/api/v1/programmes", """
                        {"code":"LBR-GOV-%s","name":"Country programme","pillar":"GOVERNANCE","countryCode":"LBR",
                         "leadActorId":%d,"status":"PLANNED",
                         "results":[{"code":"OC1","level":"OUTCOME","title":"Outcome","indicatorIds":[%d,%d,%d]}]}""".formatted(tag, lead, library, ofMission, ofOtherCountry))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.errors[*].field", contains("results[0].indicatorIds[1]", "results[0].indicatorIds[2]")))
                .andExpect(jsonPath("$.errors[0].message", containsString("another mission or country")));
        send("/api/v1/programmes", """
                        {"code":"LBR-GOV-%s","name":"Mission programme","pillar":"GOVERNANCE","countryCode":"LBR",
                         "missionId":%d,"leadActorId":%d,"status":"PLANNED",
                         "results":[{"code":"OC1","level":"OUTCOME","title":"Outcome","indicatorIds":[%d,%d]}]}""".formatted(tag, unmil, lead, library, ofMission))
                .andExpect(status().isCreated());
        send("/api/v1/programmes", """
                        {"code":"CIV-GOV-%s","name":"Mission elsewhere","pillar":"GOVERNANCE","countryCode":"CIV",
                         "missionId":%d,"leadActorId":%d,"status":"PLANNED"}""".formatted(tag, unmil, lead))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("missionId"));
    }
}
