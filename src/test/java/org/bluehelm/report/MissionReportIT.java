package org.bluehelm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.missionId;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bluehelm.indicator.IndicatorService;
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
 * Reports of a whole mission: a mission of our own hosted in Cape Verde runs two programmes in
 * different pillars (corrections and border), each measured at its own unit in 2022Q4 (40 prisons
 * inspected, target 80 from 0; 30 crossings staffed, target 60 from 0). The mission has an open
 * risk whose trigger fired in 2022Q4 and a lesson on corrections and borders in Cape Verde.
 */
@IntegrationTest
class MissionReportIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ReportService reports;

    @Autowired
    IndicatorService indicators;

    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    long mission;
    long prisons;
    long crossings;
    long prison;
    long post;

    @BeforeEach
    void fixture() throws Exception {
        mission = TestApi.id(mvc.perform(post("/api/v1/missions")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"acronym":"MR-%s","name":"Mission report test %s","startDate":"2020-01-01",
                                 "hostCountries":["CPV"]}""".formatted(tag, tag)))
                .andExpect(status().isCreated()));
        prison = orgUnit(mvc, "CPV");
        post = orgUnit(mvc, "CPV");
        prisons = id(createIndicator(mvc, admin(), """
                "name":"Prisons inspected %s","valueType":"INTEGER","dimension":"RIGHTS","missionId":%d,
                "baselinesAndTargets":[
                  {"kind":"BASELINE","orgUnitId":%d,"period":"2020","value":0},
                  {"kind":"TARGET","orgUnitId":%d,"period":"2024","value":80}]""".formatted(tag, mission, prison, prison)));
        crossings = id(createIndicator(mvc, admin(), """
                "name":"Crossings staffed %s","valueType":"INTEGER","dimension":"CAPACITY","missionId":%d,
                "baselinesAndTargets":[
                  {"kind":"BASELINE","orgUnitId":%d,"period":"2020","value":0},
                  {"kind":"TARGET","orgUnitId":%d,"period":"2024","value":60}]""".formatted(tag, mission, post, post)));
        long lead = TestApi.id(mvc.perform(post("/api/v1/actors")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Mission report ministry " + tag
                                + "\",\"type\":\"HOST_MINISTRY\",\"countryCode\":\"CPV\"}"))
                .andExpect(status().isCreated()));
        programme("COR", "CORRECTIONS", lead, prison, prisons);
        programme("BOR", "BORDER", lead, post, crossings);
        mvc.perform(post("/api/v1/risks")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"missionId":%d,"title":"Prison unrest %s","likelihood":2,"impact":4,"owner":"admin",
                                 "mitigation":"Inspections every month",
                                 "triggers":[{"indicatorId":%d,"orgUnitId":%d,"comparison":"ABOVE","threshold":30}]}""".formatted(mission, tag, prisons, prison)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/lessons")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"Corrections and border staff %s","lesson":"Corrections officers and border guards trained together kept the corrections and border posts staffed.",
                                 "source":"After-action review %s, 2021","language":"en","missionId":%d,"countryCode":"CPV",
                                 "pillar":"CORRECTIONS"}""".formatted(tag, tag, mission)))
                .andExpect(status().isCreated());
        record(prisons, prison, "2022Q4", 40);
        record(crossings, post, "2022Q4", 30);
    }

    private void programme(String prefix, String pillar, long lead, long unit, long indicator) throws Exception {
        mvc.perform(post("/api/v1/programmes")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"%s-%s","name":"%s programme","pillar":"%s","countryCode":"CPV",
                                 "missionId":%d,"leadActorId":%d,"status":"ACTIVE","locationIds":[%d],
                                 "results":[{"code":"OC1","level":"OUTCOME","title":"Reform",
                                             "indicatorIds":[%d]}]}""".formatted(prefix, tag, prefix, pillar, mission, lead, unit, indicator)))
                .andExpect(status().isCreated());
    }

    private void record(long indicator, long unit, String period, int value) throws Exception {
        mvc.perform(post("/api/v1/dataValues")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"%s\",\"value\":%d}"
                                .formatted(indicator, unit, period, value)))
                .andExpect(status().isCreated());
    }

    private ResultActions generate(RequestPostProcessor user, String subject, String period, String language)
            throws Exception {
        return mvc.perform(post("/api/v1/reports")
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{%s,\"period\":\"%s\",\"language\":\"%s\"}".formatted(subject, period, language)));
    }

    private String missionSubject() {
        return "\"missionId\":" + mission;
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
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    /** How many pixels of the PDF's pages, rendered, have the colour of a chart's bar (#1f5f8b). */
    private static long chartPixels(byte[] pdf) throws Exception {
        long count = 0;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 36);
                for (int y = 0; y < image.getHeight(); y++) {
                    for (int x = 0; x < image.getWidth(); x++) {
                        int rgb = image.getRGB(x, y) & 0xffffff;
                        if (Math.abs((rgb >> 16) - 0x1f) < 8
                                && Math.abs(((rgb >> 8) & 0xff) - 0x5f) < 8
                                && Math.abs((rgb & 0xff) - 0x8b) < 8) {
                            count++;
                        }
                    }
                }
            }
        }
        return count;
    }

    @Test
    void aMissionReportCoversBothPillarsTheRiskAndTheLessonAndTracesEveryFigure() throws Exception {
        ProgressReport content = reports.content(new ReportService.GenerateReport(null, mission, null, "2022", "en"));
        assertThat(content.subject().kind()).isEqualTo(ReportSubject.Kind.MISSION);
        assertThat(content.pillars())
                .extracting(ProgressReport.Group::key)
                .containsExactlyInAnyOrder("CORRECTIONS", "BORDER");
        assertThat(content.dimensions())
                .extracting(ProgressReport.Group::key)
                .containsExactlyInAnyOrder("RIGHTS", "CAPACITY");
        assertThat(content.statusCounts().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(2);

        long id = TestApi.id(generate(admin(), missionSubject(), "2022", "fr")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.subjectKind").value("MISSION"))
                .andExpect(jsonPath("$.missionId").value(mission))
                .andExpect(jsonPath("$.title").value("MR-" + tag + " · 2022 · FR")));
        String pdf = text(download(admin(), id, "pdf"));
        assertThat(pdf)
                .contains("Rapport d'avancement de la mission")
                .contains("COR-" + tag)
                .contains("BOR-" + tag)
                .contains("Pilier : Administration pénitentiaire")
                .contains("Pilier : Frontières")
                .contains("Par dimension d'indicateur")
                .contains("40 (2022Q4)")
                .contains("30 (2022Q4)")
                .contains("Risques")
                .contains("Prison unrest " + tag)
                .contains("Inspections every month")
                .contains("(2022Q4)")
                .contains("Leçons apprises")
                .contains("Corrections and border staff " + tag)
                .contains("After-action review " + tag + ", 2021")
                .contains("Non soumis");

        // the charts' bars are drawn in the PDF, not only in the HTML
        assertThat(chartPixels(download(admin(), id, "pdf"))).isPositive();

        // the annex traces the corrections figure to its indicator, programme, unit, period and approval
        String html = new String(download(admin(), id, "html"), StandardCharsets.UTF_8);
        ProgressReport.Figure figure = content.progress().stream()
                .filter(f -> f.orgUnitId() == prison)
                .findFirst()
                .orElseThrow();
        String code = indicators.get(prisons).code();
        int start = html.indexOf("id=\"annex-" + figure.ref() + "\"");
        assertThat(start).isPositive();
        assertThat(html.substring(start, html.indexOf("</tr>", start)))
                .contains(code)
                .contains("Prisons inspected " + tag)
                .contains("COR-" + tag)
                .contains("2022Q4")
                .contains("Non soumis");
        // the risk's trigger fired on the 2022Q4 value, above 30
        assertThat(html).contains("Prisons inspected " + tag + " à ").contains(" : 40 (2022Q4)");
    }

    @Test
    void aUserOfAnotherMissionGetsNoReportOfThisMissionNorOfItsCountry() throws Exception {
        long id = TestApi.id(generate(admin(), missionSubject(), "2022Q4", "en").andExpect(status().isCreated()));
        long country = TestApi.id(generate(admin(), "\"countryCode\":\"CPV\"", "2022Q4", "en")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.subjectKind").value("COUNTRY")));
        RequestPostProcessor elsewhere = TestApi.userScopedToMission(mvc, "MISSION_MANAGER", missionId(mvc, "UNOCI"));
        generate(elsewhere, missionSubject(), "2022Q4", "en").andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reports/" + id + ".pdf").with(elsewhere)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reports")
                        .param("mission", String.valueOf(mission))
                        .with(elsewhere))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0));

        // the mission's own users get its report, but not the whole country's
        RequestPostProcessor inside = TestApi.userScopedToMission(mvc, "MISSION_MANAGER", mission);
        mvc.perform(get("/api/v1/reports")
                        .param("mission", String.valueOf(mission))
                        .with(inside))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(id));
        mvc.perform(get("/api/v1/reports/" + id + ".pdf").with(inside)).andExpect(status().isOk());
        generate(inside, "\"countryCode\":\"CPV\"", "2022Q4", "en").andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reports/" + country + ".pdf").with(inside)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reports").param("country", "CPV").with(inside))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0));

        // one subject only
        generate(admin(), missionSubject() + ",\"countryCode\":\"CPV\"", "2022", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("programmeId"));
    }

    @Test
    void aMissionScheduleKeepsOnlyTheMissionsLastReports() throws Exception {
        String schedule = "/api/v1/reports/schedules/mission/" + mission;
        mvc.perform(put(schedule)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"frequency\":\"QUARTERLY\",\"language\":\"fr\",\"keepLast\":2}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subjectKind").value("MISSION"))
                .andExpect(jsonPath("$.keepLast").value(2));
        for (String day : List.of("2022-04-10", "2022-07-10", "2022-10-10", "2023-01-10")) {
            reports.runSchedules(LocalDate.parse(day));
        }
        mvc.perform(get("/api/v1/reports")
                        .param("mission", String.valueOf(mission))
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].period").value("2022Q4"))
                .andExpect(jsonPath("$.items[0].scheduled").value(true))
                .andExpect(jsonPath("$.items[0].language").value("fr"))
                .andExpect(jsonPath("$.items[1].period").value("2022Q3"));
        mvc.perform(get(schedule).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lastPeriod").value("2022Q4"));
        mvc.perform(put(schedule)
                        .with(admin())
                        .header("If-Match", "\"99\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"frequency\":\"MONTHLY\",\"language\":\"en\",\"keepLast\":1}"))
                .andExpect(status().isConflict());
    }
}
