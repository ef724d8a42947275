package org.bluehelm.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.test.TestApi.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The estimator screens: the panel and its columns, results with their intervals, errors by field,
 * an upload kept in the session, downloads that match the API, and the method pages in EN and FR.
 */
@IntegrationTest
class EvidenceScreensIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    private RequestPostProcessor me() {
        return user(users.loadUserByUsername("admin"));
    }

    /** The estimator screen's run button for a panel and an estimator, as the administrator. */
    private MockHttpServletRequestBuilder run(String data, String estimator) {
        return post("/evidence/run")
                .param("data", data)
                .param("estimator", estimator)
                .with(me())
                .with(csrf());
    }

    /** The event study on the upload kept in the session, by unit and year, treated from the column start. */
    private MockHttpServletRequestBuilder uploadedEventStudy(MockHttpSession session) {
        return run("upload", "event-study")
                .param("unit", "unit")
                .param("time", "year")
                .param("outcome", "y")
                .param("treatmentStart", "start")
                .session(session);
    }

    /** The synthetic control of the worked example on cigarette sales, treated from 1989. */
    private MockHttpServletRequestBuilder prop99Synth(String treated) {
        return run(Prop99PanelSource.ID, "synth")
                .param("outcome", "cigsale")
                .param("treated", treated)
                .param("treatmentStart", "1989");
    }

    private String text(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aPanelSourceOffersItsColumnsAndARegressionShowsIntervals() throws Exception {
        mvc.perform(get("/evidence").with(me()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Simulated panel (tests)")))
                .andExpect(content().string(containsString("Correlation is not attribution")));
        mvc.perform(get("/evidence").param("data", SimulatedPanelSource.ID).with(me()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"x\">x</option>")));
        String page = text(mvc.perform(run(SimulatedPanelSource.ID, "panel")
                        .param("unit", "unit")
                        .param("time", "year")
                        .param("outcome", "y")
                        .param("regressors", "x")
                        .param("effects", "twoway")
                        .param("cluster", "unit"))
                .andExpect(status().isOk()));
        assertThat(page)
                .contains(
                        "id=\"evidence-coefficients\"",
                        "95% CI low",
                        "Cluster-robust SE",
                        "Simulated outcome, Bluehelm test suite")
                .contains("/evidence/method/panel");
    }

    @Test
    void errorsAreShownNextToTheirFields() throws Exception {
        mvc.perform(run(SimulatedPanelSource.ID, "synth")
                        .param("unit", "unit")
                        .param("time", "year")
                        .param("outcome", "y")
                        .param("treated", "ATLANTIS")
                        .param("treatmentStart", "2010"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"treated-error\"")))
                .andExpect(content().string(containsString("unit &#39;ATLANTIS&#39; is not in the panel")))
                .andExpect(content().string(not(containsString("id=\"results\""))));
    }

    @Test
    void anUploadIsKeptInTheSessionAndDownloadsMatchTheApi() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String csv = SimulatedPanelSource.simulate();
        mvc.perform(multipart("/evidence/upload")
                        .file(new MockMultipartFile(
                                "file", "mine.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("estimator", "event-study")
                        .session(session)
                        .with(me())
                        .with(csrf()))
                .andExpect(redirectedUrl("/evidence?data=upload&estimator=event-study"));
        mvc.perform(get("/evidence")
                        .param("data", "upload")
                        .param("estimator", "event-study")
                        .session(session)
                        .with(me()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Your upload: mine.csv")))
                .andExpect(content().string(containsString("<option value=\"start\">start</option>")));
        String json = text(mvc.perform(uploadedEventStudy(session)
                        .param("leads", "3")
                        .param("lags", "3")
                        .param("reference", "-1")
                        .param("download", "json"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("evidence-event-study.json"))));
        String api = text(mvc.perform(post("/api/v1/evidence/event-study")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JsonMapper.builder()
                                .build()
                                .writeValueAsString(java.util.Map.of(
                                        "csv", csv,
                                        "unit", "unit",
                                        "time", "year",
                                        "outcome", "y",
                                        "treatmentStart", "start",
                                        "leads", "3",
                                        "lags", "3",
                                        "reference", "-1")))
                        .with(admin()))
                .andExpect(status().isOk()));
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode fromScreen = mapper.readTree(json);
        assertThat(fromScreen).isEqualTo(mapper.readTree(api));
        String table = text(mvc.perform(uploadedEventStudy(session)
                        .param("leads", "3")
                        .param("lags", "3")
                        .param("reference", "-1")
                        .param("download", "csv"))
                .andExpect(status().isOk()));
        assertThat(table).startsWith("coefficient,estimate,stdError,clusterStdError,ci95Low,ci95High\n-3,");
        assertThat(table)
                .contains("\n+0," + fromScreen.at("/coefficients/+0/estimate").asDouble() + ",");
        // the page with the event study's table of relative periods and the reference row
        mvc.perform(uploadedEventStudy(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("-1 (reference)")))
                .andExpect(content().string(containsString("data-evidence-chart=\"event-study\"")));
        // another session has no upload
        mvc.perform(run("upload", "panel"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"file-error\"")));
    }

    @Test
    void aSyntheticControlDownloadsItsSeriesAndWeights() throws Exception {
        String series = text(mvc.perform(prop99Synth("California")
                        .param("predictors", "cigsale:1975\ncigsale:1980\ncigsale:1988")
                        .param("download", "csv"))
                .andExpect(status().isOk()));
        assertThat(series).startsWith("time,treated,synthetic,gap\n1970,123.0,");
        assertThat(series.lines()).hasSize(32);
        String weights = text(mvc.perform(prop99Synth("California")
                        .param("predictors", "cigsale:1975\ncigsale:1980\ncigsale:1988")
                        .param("download", "weights"))
                .andExpect(status().isOk()));
        assertThat(weights).startsWith("unit,weight\n");
        assertThat(weights.lines()).hasSize(39);
        mvc.perform(prop99Synth("Atlantis").param("download", "json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("treated: unit 'Atlantis' is not in the panel")));
    }

    @Test
    void methodPagesSayWhatTheEstimatorsCannotShowInEnglishAndFrench() throws Exception {
        mvc.perform(get("/evidence/method/synth").with(me()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Peacekeepers go to harder cases")))
                .andExpect(content().string(containsString("rank/(J+1)")));
        mvc.perform(get("/evidence/method/event-study").with(me()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Parallel trends")))
                .andExpect(content().string(containsString("Sun and Abraham 2021")));
        mvc.perform(get("/evidence/method/panel").param("lang", "fr").with(me()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Régression de panel")))
                .andExpect(content().string(containsString("Les Casques bleus vont vers les cas les plus difficiles")));
        mvc.perform(get("/evidence")
                        .param("data", SimulatedPanelSource.ID)
                        .param("lang", "fr")
                        .with(me()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Estimateurs d&#39;impact")));
        mvc.perform(get("/evidence/method/regression-discontinuity").with(me())).andExpect(status().isNotFound());
    }
}
