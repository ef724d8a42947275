package org.bluehelm.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.test.TestApi.admin;
import static org.bluehelm.test.TestApi.id;
import static org.bluehelm.test.TestApi.missionId;
import static org.bluehelm.test.TestApi.userScopedToMission;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The course catalogue, training events and roster imports through the API: validation by field and
 * by roster line and column, all-or-nothing imports, dry runs, the same service number found again,
 * possible duplicates by name, service numbers never in lists and revealed only with an audit entry,
 * optimistic locking and scope.
 */
@IntegrationTest
class CapacityIT {

    @Autowired
    MockMvc mvc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aCourseIsValidatedListedAndChangedOnlyFromTheVersionRead() throws Exception {
        long police = institution(admin(), "National Police", null);

        course(admin(), "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        containsInAnyOrder(
                                "title", "competency", "durationDays", "targetInstitutionId", "rankLevels")));
        course(admin(), """
                        {"title":"X","competency":"PUBLIC_ORDER","durationDays":0,"targetInstitutionId":%d,
                         "rankLevels":["NCO"]}""".formatted(police))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("durationDays"));
        course(admin(), """
                        {"title":"X","competency":"PUBLIC_ORDR","durationDays":3,"targetInstitutionId":%d,
                         "rankLevels":["NCO"]}""".formatted(police)).andExpect(status().isBadRequest());

        ResultActions created = course(admin(), """
                        {"title":"Crowd control %s","competency":"PUBLIC_ORDER","curriculum":"UNPOL FPU curriculum",
                         "durationDays":5,"targetInstitutionId":%d,"rankLevels":["RANK_AND_FILE","NCO"]}""".formatted(tag, police))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.countryCode").value("LBR"))
                .andExpect(jsonPath("$.rankLevels", containsInAnyOrder("NCO", "RANK_AND_FILE")))
                .andExpect(jsonPath("$.targetInstitutionName").value("National Police " + tag));
        long course = id(created);

        mvc.perform(get("/api/v1/capacity/courses")
                        .param("q", "crowd control " + tag)
                        .param("competency", "PUBLIC_ORDER")
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(course));
        mvc.perform(get("/api/v1/capacity/courses")
                        .param("q", "crowd control " + tag)
                        .param("competency", "GENDER")
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(0));

        String change = """
                {"title":"Public order %s","competency":"PUBLIC_ORDER","durationDays":10,"targetInstitutionId":%d,
                 "rankLevels":["OFFICER"],"version":%d}""";
        mvc.perform(put("/api/v1/capacity/courses/{id}", course)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted(tag, police, 1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.durationDays").value(10))
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(put("/api/v1/capacity/courses/{id}", course)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted(tag, police, 1)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));

        // a user scoped to another mission does not see it
        long other = missionId(mvc, "UNOCI");
        mvc.perform(get("/api/v1/capacity/courses/{id}", course).with(userScopedToMission(mvc, "VIEWER", other)))
                .andExpect(status().isNotFound());

        mvc.perform(delete("/api/v1/capacity/courses/{id}", course)
                        .param("version", "2")
                        .with(admin()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/capacity/courses/{id}", course).with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void aRosterIsImportedAllOrNothingWithPeopleFoundByServiceNumber() throws Exception {
        long police = institution(admin(), "Police", null);
        long station = institution(admin(), "Station", police);
        long course = id(course(admin(), """
                        {"title":"Investigation %s","competency":"INVESTIGATION","durationDays":3,
                         "targetInstitutionId":%d,"rankLevels":["OFFICER"]}""".formatted(tag, police)).andExpect(status().isCreated()));
        event(admin(), "{\"courseId\":%d}".formatted(course))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        containsInAnyOrder(
                                "startsOn", "endsOn", "deliveredBy", "nationalTrainers", "internationalTrainers")));
        long event = id(event(admin(), """
                        {"courseId":%d,"startsOn":"2026-03-02","endsOn":"2026-03-06","deliveredBy":"UNPOL",
                         "nationalTrainers":1,"internationalTrainers":2}""".formatted(course))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.participants").value(0)));

        String a = "SN-" + tag + "-1";
        String b = "SN-" + tag + "-2";
        String bad = """
                service_number,name,unit,rank,sex,vetting,attended,pre_score,post_score,certified
                %s,Aminata Kamara,Station %s,Sergeant,F,CLEARED,yes,40,70,yes
                %s,John Doe,Nowhere,Constable,Z,CLEARED,yes,abc,70,no
                """.formatted(a, tag, b);
        roster(event, "roster.csv", bad, false)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.errors[*].field", containsInAnyOrder("line 3 unit", "line 3 sex", "line 3 pre_score")));
        mvc.perform(get("/api/v1/capacity/events/{id}/participants", event).with(admin()))
                .andExpect(jsonPath("$.length()").value(0));

        String good = """
                service_number,name,unit,rank,sex,vetting,attended,pre_score,post_score,certified
                %s,Aminata Kamara,Station %s,Sergeant,F,CLEARED,yes,40,70,yes
                %s,John Doe,,Constable,M,PENDING,no,,,no
                %s,Aminata  KAMARA,,Sergeant,F,CLEARED,yes,50,60,no
                """.formatted(a, tag, b, "SN-" + tag + "-3");
        roster(event, "roster.csv", good, true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.participants").value(3))
                .andExpect(jsonPath("$.newPeople").value(3))
                .andExpect(jsonPath("$.possibleDuplicates[0].line").value(4))
                .andExpect(jsonPath("$.possibleDuplicates[0].matches").value("line 2"));
        mvc.perform(get("/api/v1/capacity/events/{id}/participants", event).with(admin()))
                .andExpect(jsonPath("$.length()").value(0));

        roster(event, "roster.csv", good, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.participants").value(3));
        String list = mvc.perform(
                        get("/api/v1/capacity/events/{id}/participants", event).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].personKey").exists())
                .andExpect(jsonPath("$[0].unitName").value("Station " + tag))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).doesNotContain(a).doesNotContain("Kamara").doesNotContain("serviceNumber");
        mvc.perform(get("/api/v1/capacity/events/{id}", event).with(admin()))
                .andExpect(jsonPath("$.participants").value(3))
                .andExpect(jsonPath("$.attended").value(2))
                .andExpect(jsonPath("$.certified").value(1))
                .andExpect(jsonPath("$.knowledgeGain").value(20.0));

        // the same service number in another event's XLSX roster is the same person
        long second = id(event(admin(), """
                        {"courseId":%d,"startsOn":"2026-09-01","endsOn":"2026-09-03","deliveredBy":"Police academy",
                         "nationalTrainers":2,"internationalTrainers":0}""".formatted(course)).andExpect(status().isCreated()));
        mvc.perform(multipart("/api/v1/capacity/events/{id}/roster", second)
                        .file(new MockMultipartFile(
                                "file",
                                "roster.xlsx",
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                xlsx(List.of(
                                        List.of("service_number", "sex", "pre_score", "post_score"),
                                        List.of(" sn-" + tag + "-1 ", "F", "60", "90")))))
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.participants").value(1))
                .andExpect(jsonPath("$.knownPeople").value(1))
                .andExpect(jsonPath("$.newPeople").value(0));
        long person = ((Number) JsonPath.read(
                        mvc.perform(get("/api/v1/capacity/events/{id}/participants", second)
                                        .with(admin()))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$[0].personId"))
                .longValue();
        mvc.perform(get("/api/v1/capacity/people/{id}", person).with(admin()))
                .andExpect(jsonPath("$.eventIds", containsInAnyOrder((int) event, (int) second)));

        // a reveal is for those who need it, and is audited
        long mission = missionId(mvc, "UNMIL");
        mvc.perform(post("/api/v1/capacity/people/{id}/reveal", person)
                        .with(userScopedToMission(mvc, "VIEWER", mission)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/capacity/people/{id}/reveal", person).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.serviceNumber").value(a))
                .andExpect(jsonPath("$.name").value("Aminata Kamara"));
        mvc.perform(get("/api/v1/audit")
                        .param("recordType", "cap_person")
                        .param("recordId", String.valueOf(person))
                        .with(admin()))
                .andExpect(jsonPath("$.items[*].action", hasItem("REVEAL")));
    }

    @Test
    void scoresAreRecordedFromTheVersionRead() throws Exception {
        long police = institution(admin(), "Police", null);
        long course = id(course(admin(), """
                        {"title":"Gender %s","competency":"GENDER","durationDays":2,
                         "targetInstitutionId":%d,"rankLevels":["OFFICER"]}""".formatted(tag, police)));
        long event = id(event(admin(), """
                        {"courseId":%d,"startsOn":"2026-03-02","endsOn":"2026-03-03","deliveredBy":"UN Women",
                         "nationalTrainers":0,"internationalTrainers":1}""".formatted(course)));
        roster(event, "r.csv", "service_number,sex\nSN-%s-9,M\n".formatted(tag), false)
                .andExpect(status().isOk());
        long participant = ((Number) JsonPath.read(
                        mvc.perform(get("/api/v1/capacity/events/{id}/participants", event)
                                        .with(admin()))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$[0].id"))
                .longValue();
        String scores = """
                {"vetting":"CLEARED","attended":true,"preScore":%s,"postScore":80,"certified":true,"version":1}""";
        mvc.perform(put("/api/v1/capacity/events/{id}/participants/{p}", event, participant)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(scores.formatted("101")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("preScore"));
        mvc.perform(put("/api/v1/capacity/events/{id}/participants/{p}", event, participant)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(scores.formatted("55")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.certified").value(true))
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(put("/api/v1/capacity/events/{id}/participants/{p}", event, participant)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(scores.formatted("55")))
                .andExpect(status().isConflict());
    }

    private long institution(RequestPostProcessor user, String name, Long parent) throws Exception {
        return id(mvc.perform(post("/api/v1/institutions")
                        .with(user)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"%s %s","pillar":"POLICE","countryCode":"LBR","parentId":%s}""".formatted(name, tag, parent)))
                .andExpect(status().isCreated()));
    }

    private ResultActions course(RequestPostProcessor user, String json) throws Exception {
        return mvc.perform(post("/api/v1/capacity/courses")
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions event(RequestPostProcessor user, String json) throws Exception {
        return mvc.perform(post("/api/v1/capacity/events")
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions roster(long event, String filename, String csv, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/v1/capacity/events/{id}/roster", event)
                .file(new MockMultipartFile("file", filename, "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", String.valueOf(dryRun))
                .with(admin()));
    }

    static byte[] xlsx(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Roster");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
