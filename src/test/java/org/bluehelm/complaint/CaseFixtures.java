package org.bluehelm.complaint;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.bluehelm.indicator.IndicatorFixtures;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Cases of our own for the performance, indicator and retention tests: an institution (in an org unit
 * of its own, with a strength), an oversight body, users scoped to Liberia, and cases inserted with
 * the workflow columns set directly.
 */
final class CaseFixtures {

    private static final String PASSWORD = "correct-horse-battery";

    private CaseFixtures() {}

    static long orgUnit(MockMvc mvc) throws Exception {
        return IndicatorFixtures.orgUnit(mvc, "LBR");
    }

    /** An institution of Liberia in the org unit, with an actual strength in the year. */
    static long institution(MockMvc mvc, long orgUnit, int year, int actual) throws Exception {
        String name = "Test police " + IndicatorFixtures.unique();
        return IndicatorFixtures.id(mvc.perform(post("/api/v1/institutions")
                        .with(IndicatorFixtures.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"%s","pillar":"POLICE","countryCode":"LBR","orgUnitId":%d,
                                 "strength":[{"year":%d,"authorised":%d,"actual":%d}]}""".formatted(name, orgUnit, year, actual, actual)))
                .andExpect(status().isCreated())
                .andReturn());
    }

    static long body(MockMvc mvc) throws Exception {
        String name = "Test inspectorate " + IndicatorFixtures.unique();
        return IndicatorFixtures.id(mvc.perform(post("/api/v1/oversightBodies")
                        .with(IndicatorFixtures.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"%s","type":"INSPECTORATE","countryCode":"LBR","independent":true}""".formatted(name)))
                .andExpect(status().isCreated())
                .andReturn());
    }

    /** A user with the role, scoped to Liberia, signing in to the API with HTTP Basic. */
    static RequestPostProcessor user(MockMvc mvc, String role) throws Exception {
        return httpBasic(username(mvc, role), PASSWORD);
    }

    /** A new user with the role, scoped to Liberia; returns the username. */
    static String username(MockMvc mvc, String role) throws Exception {
        String username = role.toLowerCase().replace('_', '-') + "-" + IndicatorFixtures.unique();
        mvc.perform(post("/api/v1/users")
                        .with(IndicatorFixtures.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"%s","password":"%s",
                                 "roles":["%s"],"scopes":[{"type":"COUNTRY","value":"LBR"}]}""".formatted(username, username, PASSWORD, role)))
                .andExpect(status().isCreated());
        return username;
    }

    /** Signs a user in on the browser pages (the UI takes no HTTP Basic). */
    static RequestPostProcessor ui(UserDetailsService users, String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    /** A case in Liberia with its workflow columns; returns its id. */
    static long insertCase(
            JdbcClient jdbc,
            String category,
            @Nullable Long institution,
            @Nullable Long body,
            String receivedAt,
            @Nullable String closedAt,
            @Nullable String outcome,
            @Nullable String referral,
            @Nullable String referralResult,
            @Nullable String state) {
        String st = state != null ? state : closedAt != null ? "CLOSED" : "UNDER_INVESTIGATION";
        OffsetDateTime received = OffsetDateTime.parse(receivedAt);
        OffsetDateTime closed = closedAt == null ? null : OffsetDateTime.parse(closedAt);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into complaint (receipt_hash, state, category, description, country_code, anonymous,
                            received_at, source, institution_id, oversight_body_id, stage_since, referral,
                            referral_result, outcome, closed_at)
                        values (:hash, :state, :category, :description, 'LBR', true, :received, 'STAFF', :institution,
                            :body, :since, :referral, :result, :outcome, :closed)""")
                .param("hash", UUID.randomUUID().toString().replace("-", ""))
                .param("state", st)
                .param("category", category)
                .param("description", "Test case " + UUID.randomUUID())
                .param("received", received)
                .param("institution", institution)
                .param("body", body)
                .param("since", closed != null ? closed : received.plusDays(1))
                .param("referral", referral)
                .param("result", referralResult)
                .param("outcome", outcome)
                .param("closed", closed)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }
}
