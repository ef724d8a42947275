package org.bluehelm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.test.TestApi.admin;
import static org.bluehelm.test.TestApi.createUserScopedToMission;
import static org.bluehelm.test.TestApi.id;
import static org.bluehelm.test.TestApi.missionId;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * List screens downloaded as CSV and XLSX: every page of the filtered list, only the rows in the
 * user's scope (the same rows as the screen), text that would run as a formula neutralised, no
 * identity in any file and users' e-mail addresses for administrators only.
 */
@IntegrationTest
class ListExportIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService userDetails;

    private RequestPostProcessor admin;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aUserScopedToOneMissionExportsOnlyThatMissionsRowsTheSameAsTheScreenEveryPage() throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        long unoci = missionId(mvc, "UNOCI");
        List<String> inScope = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            String name = "Unit %02d %s".formatted(i, tag);
            institution(name, "LBR", unmil);
            inScope.add(name);
        }
        long outside = institution("Outside unit " + tag, "CIV", unoci);
        long inside = institution("=HYPERLINK(\"http://x\") " + tag, "LBR", unmil);
        support(inside, unmil);
        support(outside, unoci);
        RequestPostProcessor viewer =
                user(userDetails.loadUserByUsername(createUserScopedToMission(mvc, "VIEWER", unmil)));

        List<CSVRecord> rows = csv(mvc.perform(get("/institutions/export")
                        .param("q", tag)
                        .param("format", "csv")
                        .with(viewer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse());
        assertThat(rows.get(0).get(0)).isEqualTo("Name");
        List<String> names =
                rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList();
        assertThat(names).hasSize(28).containsAll(inScope).doesNotContain("Outside unit " + tag);
        assertThat(names).contains("'=HYPERLINK(\"http://x\") " + tag);
        assertThat(rows.get(1).get(3)).isEqualTo("LBR");

        // the screen shows the first 25 of the same rows and links to the download with its filters
        String screen = mvc.perform(get("/institutions?q={q}", tag).with(viewer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(screen).contains("28 in all").doesNotContain("Outside unit " + tag);
        assertThat(screen).contains("/institutions/export?q=" + tag + "&amp;format=xlsx");
        assertThat(mvc.perform(get("/institutions/export").param("q", tag).with(admin))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Outside unit " + tag);

        MockHttpServletResponse xlsx = mvc.perform(get("/institutions/export")
                        .param("q", tag)
                        .param("format", "xlsx")
                        .with(viewer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(xlsx.getHeader("Content-Disposition")).contains("institutions.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(28);
            List<String> sheetNames = new ArrayList<>();
            for (Row row : sheet) {
                assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
                sheetNames.add(row.getCell(0).getStringCellValue());
            }
            assertThat(sheetNames.subList(1, sheetNames.size())).containsExactlyInAnyOrderElementsOf(names);
        }

        List<CSVRecord> supports =
                csv(mvc.perform(get("/hrddp/export").param("q", "export " + tag).with(viewer))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse());
        assertThat(supports).hasSize(2);
        assertThat(supports.get(1).get(0)).isEqualTo("'=HYPERLINK(\"http://x\") " + tag);
        assertThat(csv(mvc.perform(get("/hrddp/export")
                                .param("q", "export " + tag)
                                .param("format", "csv")
                                .with(admin))
                        .andReturn()
                        .getResponse()))
                .hasSize(3);
        mvc.perform(get("/hrddp/export").param("format", "pdf").with(viewer)).andExpect(status().isBadRequest());
    }

    @Test
    void everyListDownloadHeadsEachColumnDifferentlyInBothLanguages() throws Exception {
        RequestPostProcessor administrator = user(userDetails.loadUserByUsername("admin"));
        for (String export : List.of(
                "/missions/export",
                "/institutions/export",
                "/oversight-bodies/export",
                "/actors/export",
                "/programmes/export",
                "/indicators/export",
                "/alerts/export",
                "/hrddp/export",
                "/capacity/export",
                "/capacity/mentoring/export",
                "/capacity/assistance/export",
                "/coordination/export",
                "/coordination/meetings/export",
                "/admin/users/export",
                "/complaints/export",
                "/lessons/export",
                "/risks/export")) {
            for (String language : List.of("en", "fr")) {
                List<String> headers = csv(mvc.perform(get(export)
                                        .param("format", "csv")
                                        .cookie(new Cookie("bluehelm-lang", language))
                                        .with(administrator))
                                .andExpect(status().isOk())
                                .andReturn()
                                .getResponse())
                        .get(0)
                        .toList();
                assertThat(headers).as(export + " in " + language).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void usersEmailAddressesAndRolesAreExportedForAdministratorsOnly() throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        String username = "export-" + tag;
        mvc.perform(post("/api/v1/users")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"Export %s","email":"%s@example.org",
                                 "password":"correct-horse-battery","roles":["VIEWER"],
                                 "scopes":[{"type":"MISSION","value":"%d"}]}""".formatted(username, tag, tag, unmil)))
                .andExpect(status().isCreated());
        List<CSVRecord> rows =
                csv(mvc.perform(get("/admin/users/export").param("q", tag).with(admin))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(0)).isEqualTo(username);
        assertThat(rows.get(1).get(2)).isEqualTo(tag + "@example.org");
        assertThat(rows.get(1).get(3)).isEqualTo("Viewer");

        RequestPostProcessor manager =
                user(userDetails.loadUserByUsername(createUserScopedToMission(mvc, "MISSION_MANAGER", unmil)));
        mvc.perform(get("/admin/users/export").param("q", tag).with(manager)).andExpect(status().isForbidden());
    }

    @Test
    void aComplainantsIdentityNeverLeavesInAnyExportEvenForAnAdministrator() throws Exception {
        String canary = "Canary" + tag + "Zebulon";
        String canaryContact = "canary-" + tag + "@example.org";
        String description = "Export canary report " + tag;
        String address = "10." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(1, 255);
        mvc.perform(post("/report")
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        })
                        .param("description", description)
                        .param("occurredOn", "2026-01-15")
                        .param("countryCode", "LBR")
                        .param("category", "EXCESSIVE_FORCE")
                        .param("institution", "Liberia National Police")
                        .param("anonymous", "no")
                        .param("name", canary)
                        .param("contact", canaryContact))
                .andExpect(status().isOk());

        List<CSVRecord> complaints = csv(mvc.perform(get("/complaints/export")
                        .param("category", "EXCESSIVE_FORCE")
                        .with(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse());
        assertThat(complaints.get(0).get(1)).isEqualTo("Category");
        assertThat(complaints.size()).isGreaterThan(1);
        assertThat(complaints.subList(1, complaints.size()))
                .allSatisfy(r -> assertThat(r.get(1)).isEqualTo("Excessive use of force"));
        for (String list : List.of(
                "/complaints",
                "/hrddp",
                "/institutions",
                "/oversight-bodies",
                "/missions",
                "/programmes",
                "/actors",
                "/indicators",
                "/capacity",
                "/alerts",
                "/admin/users",
                "/audit",
                "/risks",
                "/coordination",
                "/coordination/meetings",
                "/coordination/action-items/mine",
                "/capacity/mentoring",
                "/capacity/assistance",
                "/reports",
                "/reference/series",
                "/lessons",
                "/approvals",
                "/imports/jobs")) {
            for (String format : List.of("csv", "xlsx")) {
                MockHttpServletResponse file = mvc.perform(
                                get(list + "/export").param("format", format).with(admin))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse();
                String text = format.equals("csv") ? file.getContentAsString(StandardCharsets.UTF_8) : xlsxText(file);
                assertThat(text)
                        .as(list + " as " + format)
                        .doesNotContain(canary)
                        .doesNotContain(canaryContact)
                        .doesNotContain(description);
            }
        }
    }

    @Test
    void everyNewListExportsOnItsScreenAndTheApiReturnsTheSameFile() throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        long unoci = missionId(mvc, "UNOCI");
        long inside = institution("Mentored unit " + tag, "LBR", unmil);
        long outside = institution("Mentored elsewhere " + tag, "CIV", unoci);
        mentoring("Mentor in " + tag, inside);
        mentoring("Mentor out " + tag, outside);
        RequestPostProcessor viewer =
                user(userDetails.loadUserByUsername(createUserScopedToMission(mvc, "VIEWER", unmil)));

        // a user scoped to one mission exports only that mission's engagements, on the screen and the API
        String screen = csvText(mvc.perform(get("/capacity/mentoring/export").with(viewer)));
        assertThat(screen).contains("Mentor in " + tag).doesNotContain("Mentor out " + tag);
        assertThat(screen.lines().findFirst().orElseThrow()).startsWith("Mentor,Counterpart (position),");
        assertThat(csvText(mvc.perform(
                        get("/api/v1/capacity/mentoring").param("format", "csv").with(viewer))))
                .isEqualTo(screen);
        assertThat(csvText(mvc.perform(
                        get("/api/v1/capacity/mentoring").accept("text/csv").with(viewer))))
                .isEqualTo(screen);
        assertThat(csvText(mvc.perform(get("/capacity/mentoring/export").with(admin))))
                .contains("Mentor in " + tag, "Mentor out " + tag);
        // without a format the API still answers JSON
        assertThat(mvc.perform(get("/api/v1/capacity/mentoring").with(viewer))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentType())
                .startsWith("application/json");
        mvc.perform(get("/api/v1/capacity/mentoring").param("format", "pdf").with(viewer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("bad-request"))
                .andExpect(jsonPath("$.detail").value("format must be csv or xlsx"));

        // the screen links to its download
        assertThat(mvc.perform(get("/capacity/mentoring").with(viewer))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("/capacity/mentoring/export?format=xlsx");

        // every new list: the screen's file and the API's are the same, in CSV and in XLSX
        String[][] pairs = {
            {"/risks/export", "/api/v1/risks"},
            {"/coordination/export", "/api/v1/coordination/activities"},
            {"/coordination/meetings/export", "/api/v1/coordination/meetings"},
            {"/coordination/action-items/mine/export", "/api/v1/coordination/action-items/mine"},
            {"/capacity/mentoring/export", "/api/v1/capacity/mentoring"},
            {"/capacity/assistance/export", "/api/v1/capacity/deliverables"},
            {"/reports/export", "/api/v1/reports"},
            {"/reference/series/export", "/api/v1/reference/series"},
            {"/lessons/export", "/api/v1/lessons"},
            {"/approvals/export", "/api/v1/approvals"},
            {"/imports/jobs/export", "/api/v1/dataValueSets/jobs"},
            {
                "/audit/export?recordType=institution&recordId=" + inside,
                "/api/v1/audit?recordType=institution&recordId=" + inside
            }
        };
        for (String[] pair : pairs) {
            String file = csvText(mvc.perform(get(pair[0]).with(admin)));
            assertThat(file).as(pair[0]).isNotBlank();
            String separator = pair[1].contains("?") ? "&" : "?";
            assertThat(csvText(
                            mvc.perform(get(pair[1] + separator + "format=csv").with(admin))))
                    .as(pair[1])
                    .isEqualTo(file);
            MockHttpServletResponse screenXlsx = mvc.perform(
                            get(pair[0] + (pair[0].contains("?") ? "&" : "?") + "format=xlsx")
                                    .with(admin))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse();
            MockHttpServletResponse apiXlsx = mvc.perform(get(pair[1])
                            .accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                            .with(admin))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse();
            assertThat(xlsxText(apiXlsx)).as(pair[1] + " xlsx").isEqualTo(xlsxText(screenXlsx));
        }
        assertThat(csvText(mvc.perform(get("/audit/export")
                        .param("recordType", "institution")
                        .param("recordId", String.valueOf(inside))
                        .with(admin))))
                .contains("Created");
    }

    @Test
    void codedValuesAreWrittenAsTheScreenShowsThemInTheUsersLanguageAndTheJsonKeepsTheCodes() throws Exception {
        String title = "Language risk " + tag;
        long unmil = missionId(mvc, "UNMIL");
        mvc.perform(post("/api/v1/risks")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"missionId":%d,"title":"%s","likelihood":2,"impact":3,"owner":"admin",
                                 "status":"MITIGATED"}""".formatted(unmil, title)))
                .andExpect(status().isCreated());
        Cookie french = new Cookie("bluehelm-lang", "fr");

        List<CSVRecord> english =
                csv(mvc.perform(get("/risks/export").param("format", "csv").with(admin))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse());
        assertThat(english.get(0).get(5)).isEqualTo("Status");
        assertThat(row(english, title).get(5)).isEqualTo("Mitigated");
        assertThat(row(english, title).get(2)).isEqualTo("6");

        List<CSVRecord> inFrench = csv(mvc.perform(get("/risks/export")
                        .param("format", "csv")
                        .cookie(french)
                        .with(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse());
        assertThat(inFrench.get(0).get(5)).isEqualTo("Statut");
        assertThat(row(inFrench, title).get(5)).isEqualTo("Atténué");
        // the API's file reads the same in the same language; its JSON keeps the code
        assertThat(csv(mvc.perform(get("/api/v1/risks")
                                .param("format", "csv")
                                .param("lang", "fr")
                                .with(admin))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()))
                .map(CSVRecord::toList)
                .isEqualTo(inFrench.stream().map(CSVRecord::toList).toList());
        mvc.perform(get("/api/v1/risks").param("q", title).cookie(french).with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.title == '%s')].status".formatted(title))
                        .value("MITIGATED"));
    }

    private static CSVRecord row(List<CSVRecord> rows, String title) {
        return rows.stream()
                .filter(r -> r.get(0).equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + title));
    }

    @Test
    void theOpenApiDocumentShowsTheFormatsOfAListEndpoint() throws Exception {
        mvc.perform(get("/v3/api-docs").with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath(
                                "$.paths['/api/v1/risks'].get.responses['200'].content['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/risks'].get.responses['200'].content['text/csv']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/risks'].get.parameters[?(@.name == 'format')]")
                        .isNotEmpty())
                .andExpect(jsonPath("$.paths['/api/v1/risks/{id}'].get.parameters[?(@.name == 'format')]")
                        .isEmpty());
    }

    @Test
    void theAuditLogExportsForAdministratorsOnly() throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        RequestPostProcessor manager =
                user(userDetails.loadUserByUsername(createUserScopedToMission(mvc, "MISSION_MANAGER", unmil)));
        mvc.perform(get("/audit/export").with(manager)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit").param("format", "csv").with(manager)).andExpect(status().isForbidden());
        mvc.perform(get("/audit/export").param("format", "xlsx").with(admin)).andExpect(status().isOk());
    }

    @Test
    void serviceNumbersAndNamesOfPersonnelLeaveOnlyWithTheRightToRevealThem() throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        long police = institution("Registry police " + tag, "LBR", unmil);
        long course = id(mvc.perform(post("/api/v1/capacity/courses")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"Registry %s","competency":"INVESTIGATION","durationDays":3,
                                 "targetInstitutionId":%d,"rankLevels":["OFFICER"]}""".formatted(tag, police)))
                .andExpect(status().isCreated()));
        long event = id(mvc.perform(post("/api/v1/capacity/events")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"courseId":%d,"startsOn":"2026-03-02","endsOn":"2026-03-06","deliveredBy":"UNPOL",
                                 "nationalTrainers":1,"internationalTrainers":2}""".formatted(course)))
                .andExpect(status().isCreated()));
        String serviceNumber = "SN-CANARY-" + tag;
        String name = "Canary" + tag + "Personnel";
        mvc.perform(multipart("/api/v1/capacity/events/{id}/roster", event)
                        .file(new MockMultipartFile(
                                "file",
                                "roster.csv",
                                "text/csv",
                                ("service_number,name,rank,sex,vetting,attended,pre_score,post_score,certified\n"
                                                + serviceNumber + "," + name + ",Sergeant,F,CLEARED,yes,40,70,yes\n")
                                        .getBytes(StandardCharsets.UTF_8)))
                        .param("dryRun", "false")
                        .with(admin()))
                .andExpect(status().isOk());

        RequestPostProcessor viewer =
                user(userDetails.loadUserByUsername(createUserScopedToMission(mvc, "VIEWER", unmil)));
        RequestPostProcessor steward =
                user(userDetails.loadUserByUsername(createUserScopedToMission(mvc, "DATA_STEWARD", unmil)));
        for (String format : List.of("csv", "xlsx")) {
            for (String url : List.of(
                    "/capacity/events/" + event + "/export?format=" + format,
                    "/api/v1/capacity/events/" + event + "/participants?format=" + format)) {
                String withoutRight = text(
                        format,
                        mvc.perform(get(url).with(viewer))
                                .andExpect(status().isOk())
                                .andReturn()
                                .getResponse());
                assertThat(withoutRight)
                        .as(url)
                        .contains("P-")
                        .doesNotContain(serviceNumber)
                        .doesNotContain(name);
                assertThat(withoutRight).doesNotContain("Service number");
                for (RequestPostProcessor revealer : List.of(steward, admin)) {
                    String withRight = text(
                            format,
                            mvc.perform(get(url).with(revealer))
                                    .andExpect(status().isOk())
                                    .andReturn()
                                    .getResponse());
                    assertThat(withRight).as(url).contains(serviceNumber, name, "Service number");
                }
            }
        }
        assertThat(csvText(
                        mvc.perform(get("/capacity/events/" + event + "/export").with(viewer))))
                .isEqualTo(csvText(mvc.perform(get("/api/v1/capacity/events/" + event + "/participants")
                        .accept("text/csv")
                        .with(viewer))));
        // each identity that left was recorded as a reveal
        assertThat(csvText(
                        mvc.perform(get("/audit/export").param("actor", "admin").with(admin))))
                .contains("Identity revealed");
    }

    @org.junit.jupiter.api.BeforeEach
    void signInAdministrator() {
        admin = user(userDetails.loadUserByUsername("admin"));
    }

    private long institution(String name, String country, long mission) throws Exception {
        return id(mvc.perform(post("/api/v1/institutions")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":%s,"pillar":"POLICE","countryCode":"%s","missionId":%d}""".formatted(json(name), country, mission)))
                .andExpect(status().isCreated()));
    }

    private void mentoring(String mentor, long institution) throws Exception {
        mvc.perform(post("/api/v1/capacity/mentoring")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"mentor":%s,"counterpart":"Deputy commissioner","institutionId":%d,
                                 "focus":"INVESTIGATION","startsOn":"2026-01-05"}""".formatted(json(mentor), institution)))
                .andExpect(status().isCreated());
    }

    private static String csvText(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        MockHttpServletResponse response =
                result.andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static String text(String format, MockHttpServletResponse response) throws Exception {
        return format.equals("csv")
                ? new String(response.getContentAsByteArray(), StandardCharsets.UTF_8)
                : xlsxText(response);
    }

    private void support(long recipient, long mission) throws Exception {
        mvc.perform(post("/api/v1/hrddp/supports")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"recipientInstitutionId":%d,"type":"TRAINING","periodFrom":"2026-01-01","missionId":%d,
                                 "description":"Export %s"}""".formatted(recipient, mission, tag)))
                .andExpect(status().isCreated());
    }

    static List<CSVRecord> csv(MockHttpServletResponse response) throws Exception {
        assertThat(response.getContentType()).startsWith("text/csv");
        String body = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT.parse(new StringReader(body)).getRecords();
    }

    private static String xlsxText(MockHttpServletResponse response) throws Exception {
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            for (Row row : workbook.getSheetAt(0)) {
                row.forEach(cell -> text.append(cell.toString()).append('\t'));
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
