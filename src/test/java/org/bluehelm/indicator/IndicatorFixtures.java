package org.bluehelm.indicator;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Records that indicator and measurement tests create through the API, under names of their own. */
public final class IndicatorFixtures {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final long RUN = System.currentTimeMillis() % 100_000;

    private IndicatorFixtures() {}

    public static RequestPostProcessor admin() {
        return httpBasic("admin", "test-admin-password");
    }

    /** A suffix no other record of this run has: lower-case letters and digits. */
    public static String unique() {
        return "t" + RUN + "x" + COUNTER.incrementAndGet();
    }

    public static long id(MvcResult result) throws Exception {
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
    }

    public static int version(MvcResult result) throws Exception {
        return JsonPath.read(result.getResponse().getContentAsString(), "$.version");
    }

    public static long missionId(MockMvc mvc, String acronym) throws Exception {
        String body = mvc.perform(get("/api/v1/missions").param("q", acronym).with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Number> ids = JsonPath.read(body, "$.items[?(@.acronym == '" + acronym + "')].id");
        return ids.get(0).longValue();
    }

    public static long orgUnit(MockMvc mvc, String countryCode) throws Exception {
        String code = "OU-" + unique().toUpperCase();
        return id(mvc.perform(post("/api/v1/orgUnits")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"%s","name":"Test area %s","kind":"AREA","countryCode":"%s"}""".formatted(code, code, countryCode)))
                .andExpect(status().isCreated())
                .andReturn());
    }

    public static long orgUnitBelow(MockMvc mvc, long parentId) throws Exception {
        String code = "OU-" + unique().toUpperCase();
        return id(mvc.perform(post("/api/v1/orgUnits")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"%s","name":"Test district %s","kind":"AREA","parentId":%d}""".formatted(code, code, parentId)))
                .andExpect(status().isCreated())
                .andReturn());
    }

    /**
     * Creates an indicator from JSON fields (without braces) completed by defaults for a valid
     * NUMBER/SUM definition with a fresh code: a default is used only for a field not given.
     */
    public static MvcResult createIndicator(MockMvc mvc, RequestPostProcessor user, String fields) throws Exception {
        return mvc.perform(post("/api/v1/indicators")
                        .with(user)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(indicatorJson(fields)))
                .andExpect(status().isCreated())
                .andReturn();
    }

    public static String indicatorJson(String fields) {
        StringBuilder json = new StringBuilder("{").append(fields);
        String[][] defaults = {
            {"code", "\"ind_" + unique() + "\""},
            {"name", "\"Test indicator\""},
            {"unit", "\"persons\""},
            {"valueType", "\"NUMBER\""},
            {"aggregation", "\"SUM\""},
            {"direction", "\"HIGHER_IS_BETTER\""},
            {"dimension", "\"CAPACITY\""}
        };
        for (String[] d : defaults) {
            if (!fields.contains("\"" + d[0] + "\"")) {
                json.append(json.length() > 1 ? "," : "")
                        .append('"')
                        .append(d[0])
                        .append("\":")
                        .append(d[1]);
            }
        }
        return json.append("}").toString();
    }
}
