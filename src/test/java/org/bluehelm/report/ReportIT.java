package org.bluehelm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.missionId;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bluehelm.analytics.AnalyticsService;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.progress.ProgrammeWithTargets;
import org.bluehelm.shared.Period;
import org.bluehelm.test.IntegrationTest;
import org.bluehelm.test.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Progress reports over records of our own: a region with two districts and a second area, both
 * locations of a UNMIL programme measured by "trained" (100 in 2020 to 200 in 2024 in the region)
 * and "complaints" (30 to 20 in the region). Values are entered quarterly in 2022 at the districts,
 * so at the end of 2022 the region has trained 150 (half of the way) and complaints 25.
 */
@IntegrationTest
class ReportIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ReportService reports;

    @Autowired
    AnalyticsService analytics;

    @Autowired
    IndicatorService indicators;

    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    long unmil;
    long region;
    long area;
    long d1;
    long d2;
    long trained;
    long complaints;
    long programme;

    @BeforeEach
    void fixture() throws Exception {
        ProgrammeWithTargets p = ProgrammeWithTargets.create(mvc, "REP-" + tag, "Report test");
        unmil = p.mission();
        region = p.region();
        d1 = p.d1();
        d2 = p.d2();
        area = p.area();
        trained = p.trained();
        complaints = p.complaints();
        programme = p.programme();
    }

    private ResultActions generate(RequestPostProcessor user, String period, String language) throws Exception {
        return mvc.perform(post("/api/v1/reports")
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"programmeId\":%d,\"period\":\"%s\",\"language\":\"%s\"}"
                        .formatted(programme, period, language)));
    }

    private byte[] download(RequestPostProcessor user, long id, String ext) throws Exception {
        return mvc.perform(get("/api/v1/reports/" + id + "." + ext).with(user))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // table cells wrap: compare the text with every run of white space made one space
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void everyProgressFigureEqualsTheAnalyticsFigureOfItsUnitAndPeriod() {
        ProgressReport report = reports.content(new ReportService.GenerateReport(programme, "2022", "en"));
        String trainedCode = indicators.get(trained).code();
        String complaintsCode = indicators.get(complaints).code();
        assertThat(report.progress()).hasSize(4);
        int compared = 0;
        for (ProgressReport.Figure f : report.progress()) {
            long indicator = f.indicatorCode().equals(trainedCode) ? trained : complaints;
            BigDecimal expected = analytics
                    .value(indicator, f.orgUnitId(), Period.parse(f.period()))
                    .orElse(null);
            if (f.value() == null) {
                assertThat(expected).isNull();
                continue;
            }
            assertThat(new BigDecimal(f.value())).isEqualByComparingTo(expected);
            compared++;
        }
        assertThat(compared).isEqualTo(2);
        ProgressReport.Figure regionTrained = report.progress().stream()
                .filter(f -> f.indicatorCode().equals(trainedCode) && f.orgUnitId() == region)
                .findFirst()
                .orElseThrow();
        assertThat(regionTrained.value()).isEqualTo("150");
        assertThat(regionTrained.period()).isEqualTo("2022Q4");
        assertThat(regionTrained.percent()).isEqualTo("50 %");
        assertThat(regionTrained.status()).isEqualTo("ON_TRACK");
        assertThat(report.figures())
                .extracting(ProgressReport.Figure::indicatorCode)
                .contains(complaintsCode);
    }

    @Test
    void theFrenchPdfParsesBackWithItsFiguresAndAccents() throws Exception {
        long id = TestApi.id(generate(admin(), "2022", "fr")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.language").value("fr"))
                .andExpect(jsonPath("$.period").value("2022")));
        byte[] pdf = download(admin(), id, "pdf");
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = text(pdf);
        assertThat(text)
                .contains("Rapport d'avancement")
                .contains("REP-" + tag)
                .contains("Référence")
                .contains("Avancement vers les cibles")
                .contains("Annexe : d'où vient chaque chiffre")
                .contains("150 (2022Q4)")
                .contains("25 (2022Q4)")
                .contains("En bonne voie")
                .contains("Non soumis");
        // the HTML is the document the PDF was made from
        String html = new String(download(admin(), id, "html"), StandardCharsets.UTF_8);
        assertThat(html).contains("Rapport d&#39;avancement").contains("150 (2022Q4)");
        // opened in a browser, its own style sheet applies, and nothing else may run or load
        String policy = mvc.perform(get("/api/v1/reports/" + id + ".html").with(admin()))
                .andReturn()
                .getResponse()
                .getHeader("Content-Security-Policy");
        assertThat(policy)
                .contains("style-src 'unsafe-inline'")
                .contains("default-src 'none'")
                .doesNotContain("script-src");
        mvc.perform(get("/api/v1/reports")
                        .param("programme", String.valueOf(programme))
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].title").value("REP-" + tag + " · 2022 · FR"));
    }

    @Test
    void aStoredReportSuppressesSmallCellsEvenWhenAnAdministratorGeneratesIt() throws Exception {
        long received = indicators
                .findByCodeIgnoringScope("acc_complaints_received")
                .orElseThrow()
                .id();
        mvc.perform(post("/api/v1/alert-rules")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"indicatorId":%d,"kind":"THRESHOLD","operator":"ABOVE","threshold":1,"orgUnitId":%d}""".formatted(received, d1)))
                .andExpect(status().isCreated());
        // 3 complaints in a district of the programme: under the threshold of 5
        mvc.perform(post("/api/v1/dataValues")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"2022Q4\",\"value\":3}"
                                .formatted(received, d1)))
                .andExpect(status().isCreated());

        long id = TestApi.id(generate(admin(), "2022", "en").andExpect(status().isCreated()));
        String html = new String(download(admin(), id, "html"), StandardCharsets.UTF_8);
        int section = html.indexOf("id=\"accountability\"");
        String accountability = html.substring(section, html.indexOf("</table>", section));
        List<String> rows = List.of(accountability.split("<tr>")).stream()
                .filter(r -> r.contains("acc_complaints_received"))
                .toList();
        assertThat(rows).isNotEmpty().allMatch(r -> r.contains(">suppressed<") && !r.contains(">3<"));
        // the alert the value raised gives it as under 5, not as 3
        int alerts = html.indexOf("id=\"alerts\"");
        String alertRow = List.of(
                        html.substring(alerts, html.indexOf("</table>", alerts)).split("<tr>"))
                .stream()
                .filter(r -> r.contains("acc_complaints_received"))
                .findFirst()
                .orElseThrow();
        assertThat(alertRow).contains("&lt;5").doesNotContain(">3<");
    }

    @Test
    void theAnnexTracesAFigureToItsApprovalState() throws Exception {
        // the districts are approved before the region they add up to
        for (long unit : List.of(d1, d2, region)) {
            for (String action : List.of("submit", "approve")) {
                mvc.perform(post("/api/v1/approvals/{action}", action)
                                .with(admin())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"programmeId\":%d,\"orgUnitId\":%d,\"period\":\"2022Q4\"}"
                                        .formatted(programme, unit)))
                        .andExpect(status().isOk());
            }
        }
        ProgressReport report = reports.content(new ReportService.GenerateReport(programme, "2022", "en"));
        String trainedCode = indicators.get(trained).code();
        ProgressReport.Figure approved = report.progress().stream()
                .filter(f -> f.indicatorCode().equals(trainedCode) && f.orgUnitId() == region)
                .findFirst()
                .orElseThrow();
        ProgressReport.Figure none = report.progress().stream()
                .filter(f -> f.indicatorCode().equals(trainedCode) && f.orgUnitId() == area)
                .findFirst()
                .orElseThrow();
        assertThat(approved.approval()).isEqualTo("APPROVED");
        assertThat(none.approval()).isEqualTo("NOT_SUBMITTED");

        long id = TestApi.id(generate(admin(), "2022", "en").andExpect(status().isCreated()));
        String html = new String(download(admin(), id, "html"), StandardCharsets.UTF_8);
        String row = annexRow(html, approved.ref());
        assertThat(row)
                .contains(trainedCode)
                .contains(indicators.get(trained).name())
                .contains("2022Q4")
                .contains("Approved");
        assertThat(annexRow(html, none.ref())).contains("Not submitted");
        assertThat(text(download(admin(), id, "pdf"))).contains("Approved").contains("Not submitted");
    }

    private static String annexRow(String html, String ref) {
        int start = html.indexOf("id=\"annex-" + ref + "\"");
        assertThat(start).as("annex row of " + ref).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    @Test
    void aUserOutsideTheProgrammesScopeGetsNoReportOfIt() throws Exception {
        long id = TestApi.id(generate(admin(), "2022Q4", "en").andExpect(status().isCreated()));
        RequestPostProcessor elsewhere = TestApi.userScopedToMission(mvc, "MISSION_MANAGER", missionId(mvc, "UNOCI"));
        generate(elsewhere, "2022Q4", "en").andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reports/" + id + ".pdf").with(elsewhere)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reports")
                        .param("programme", String.valueOf(programme))
                        .with(elsewhere))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0));
        RequestPostProcessor inside = TestApi.userScopedToMission(mvc, "VIEWER", unmil);
        mvc.perform(get("/api/v1/reports/" + id + ".pdf").with(inside))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF));
    }

    @Test
    void theListPagesSearchesAndSortsLikeEveryOtherList() throws Exception {
        long q3 = TestApi.id(generate(admin(), "2022Q3", "en").andExpect(status().isCreated()));
        long q4 = TestApi.id(generate(admin(), "2022Q4", "en").andExpect(status().isCreated()));
        // the title holds the programme's code: the search ignores case; newest first by default
        mvc.perform(get("/api/v1/reports")
                        .param("q", "rep-" + tag.toLowerCase())
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.items[0].id").value(q4))
                .andExpect(jsonPath("$.items[1].id").value(q3));
        mvc.perform(get("/api/v1/reports")
                        .param("q", tag)
                        .param("programme", String.valueOf(programme))
                        .param("size", "1")
                        .param("page", "1")
                        .with(admin()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(q3))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/v1/reports")
                        .param("q", tag)
                        .param("sort", "period")
                        .with(admin()))
                .andExpect(jsonPath("$.items[0].id").value(q3))
                .andExpect(jsonPath("$.items[1].id").value(q4));
        mvc.perform(get("/api/v1/reports").param("q", tag + " · 2022Q3").with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(q3));
        mvc.perform(get("/api/v1/reports").param("q", tag).param("sort", "size").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        RequestPostProcessor elsewhere = TestApi.userScopedToMission(mvc, "VIEWER", missionId(mvc, "UNOCI"));
        mvc.perform(get("/api/v1/reports").param("q", tag).with(elsewhere))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void badInputNamesTheField() throws Exception {
        generate(admin(), "2022X", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        generate(admin(), "2022", "de")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("language"));
        mvc.perform(put("/api/v1/reports/schedules/" + programme)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"frequency\":\"WEEKLY\",\"language\":\"en\",\"keepLast\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("frequency"))
                .andExpect(jsonPath("$.errors[1].field").value("keepLast"));
    }

    @Test
    void aScheduleGeneratesEachPeriodOnceAndKeepsOnlyTheLastReports() throws Exception {
        mvc.perform(put("/api/v1/reports/schedules/" + programme)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"frequency\":\"QUARTERLY\",\"language\":\"en\",\"keepLast\":2}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.keepLast").value(2));
        for (String day : List.of("2022-04-10", "2022-07-10", "2022-07-20", "2022-10-10", "2023-01-10")) {
            reports.runSchedules(LocalDate.parse(day));
        }
        mvc.perform(get("/api/v1/reports")
                        .param("programme", String.valueOf(programme))
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].period").value("2022Q4"))
                .andExpect(jsonPath("$.items[0].scheduled").value(true))
                .andExpect(jsonPath("$.items[1].period").value("2022Q3"));
        // a change needs the version read
        mvc.perform(put("/api/v1/reports/schedules/" + programme)
                        .with(admin())
                        .header("If-Match", "\"99\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"frequency\":\"MONTHLY\",\"language\":\"fr\",\"keepLast\":1}"))
                .andExpect(status().isConflict());
    }
}
