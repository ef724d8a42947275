package org.bluehelm.analytics;

import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** What the analytics tests share: comparing rollup snapshots, moving units, reading codes. */
final class AnalyticsFixtures {

    private AnalyticsFixtures() {}

    /** Rollup rows with numbers compared by value, whatever scale each database returns. */
    static List<String> normalised(List<Map<String, @Nullable Object>> rows) {
        return rows.stream()
                .map(row -> {
                    StringBuilder s = new StringBuilder();
                    row.forEach((k, v) -> s.append(k)
                            .append('=')
                            .append(
                                    v instanceof BigDecimal d
                                            ? d.stripTrailingZeros().toPlainString()
                                            : String.valueOf(v).strip())
                            .append(';'));
                    return s.toString();
                })
                .toList();
    }

    /** Moves an area under another parent through the API, as an administrator. */
    static void move(MockMvc mvc, long unit, long parent) throws Exception {
        String body = mvc.perform(get("/api/v1/orgUnits/" + unit).with(admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String code = JsonPath.read(body, "$.code");
        int version = JsonPath.read(body, "$.version");
        mvc.perform(put("/api/v1/orgUnits/" + unit)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"%s\",\"name\":\"Moved\",\"kind\":\"AREA\",\"parentId\":%d,\"version\":%d}"
                                .formatted(code, parent, version)))
                .andExpect(status().isOk());
    }

    /** The code of a record of the API ({@code orgUnits}, {@code indicators}). */
    static String code(MockMvc mvc, String resource, long id) throws Exception {
        return JsonPath.read(
                mvc.perform(get("/api/v1/" + resource + "/{id}", id).with(admin()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.code");
    }
}
