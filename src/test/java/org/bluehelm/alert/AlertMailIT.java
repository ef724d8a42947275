package org.bluehelm.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.bluehelm.test.IntegrationTest;
import org.bluehelm.test.TestApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * With SMTP configured ({@code spring.mail.host}), a new alert is mailed to the users in its scope
 * who have an e-mail address. This test needs an application of its own (with the mail settings),
 * so it runs on the H2 lane only: on the PostgreSQL lane a second application would clean the
 * schema that the lane's shared application is using. Nothing here depends on the database.
 */
@IntegrationTest
@DisabledIfSystemProperty(named = "bluehelm.test.db", matches = "postgres")
class AlertMailIT {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
                    new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("bluehelm.alerts.mail-from", () -> "alerts@bluehelm.test");
        registry.add("bluehelm.alerts.base-url", () -> "https://bluehelm.test/");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewAlertIsMailedOnceToTheUsersInItsScopeWithAnAddress() throws Exception {
        long unmil = TestApi.missionId(mvc, "UNMIL");
        long unosom = TestApi.missionId(mvc, "UNOSOM I");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String inScope = "steward-" + tag + "@example.org";
        String outOfScope = "somalia-" + tag + "@example.org";
        user("DATA_STEWARD", unmil, inScope);
        user("VIEWER", unmil, null);
        user("MISSION_MANAGER", unosom, outOfScope);
        var created = createIndicator(mvc, admin(), "\"countryCode\":\"LBR\"");
        long indicator = id(created);
        String code = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.code");
        long unit = orgUnit(mvc, "LBR");
        mvc.perform(post("/api/v1/alert-rules")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"indicatorId":%d,"kind":"THRESHOLD","operator":"ABOVE","threshold":100}""".formatted(indicator)))
                .andExpect(status().isCreated());

        int before = smtp.getReceivedMessages().length;
        record(indicator, unit, "2024Q1", 150).andExpect(status().isCreated());

        // sent after the value was committed, before the answer came back
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(before + 1);
        MimeMessage mail = received[before];
        assertThat(addresses(mail.getAllRecipients())).containsExactly(inScope);
        assertThat(addresses(mail.getFrom())).containsExactly("alerts@bluehelm.test");
        assertThat(mail.getSubject()).isEqualTo("Bluehelm: 1 new alert(s)");
        assertThat(GreenMailUtil.getBody(mail))
                .contains(code, "2024Q1", "150 is above the threshold of 100", "https://bluehelm.test/alerts");

        // still breaching: the same alert, no second mail; a new unit's breach is a new alert
        record(indicator, unit, "2024Q2", 90).andExpect(status().isCreated());
        record(indicator, orgUnit(mvc, "LBR"), "2024Q1", 101).andExpect(status().isCreated());
        assertThat(smtp.getReceivedMessages()).hasSize(before + 2);
        assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[before + 1]))
                .contains("101 is above the threshold of 100");
    }

    @Test
    void aSmallCountIsMailedOnlyToThoseWhoMaySeeIt() throws Exception {
        // Côte d'Ivoire, so that the other test's Liberian alerts reach neither
        long unoci = TestApi.missionId(mvc, "UNOCI");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String viewer = "viewer-" + tag + "@example.org";
        String manager = "manager-" + tag + "@example.org";
        user("VIEWER", unoci, viewer);
        user("MISSION_MANAGER", unoci, manager);
        long indicator = id(createIndicator(mvc, admin(), "\"countryCode\":\"CIV\""));
        jdbc.sql("update indicator set suppress_below = 5 where id = :id")
                .param("id", indicator)
                .update();
        mvc.perform(post("/api/v1/alert-rules")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"indicatorId":%d,"kind":"THRESHOLD","operator":"ABOVE","threshold":1}""".formatted(indicator)))
                .andExpect(status().isCreated());
        int before = smtp.getReceivedMessages().length;

        record(indicator, orgUnit(mvc, "CIV"), "2024Q1", 3).andExpect(status().isCreated());

        Map<String, String> bodies = new HashMap<>();
        MimeMessage[] received = smtp.getReceivedMessages();
        for (int i = before; i < received.length; i++) {
            bodies.put(addresses(received[i].getAllRecipients()).get(0), GreenMailUtil.getBody(received[i]));
        }
        assertThat(bodies.get(manager)).contains("3 is above the threshold of 1");
        assertThat(bodies.get(viewer))
                .contains("<5 is above the threshold of 1")
                .doesNotContain("3 is above");
    }

    private ResultActions record(long indicator, long unit, String period, int value) throws Exception {
        return mvc.perform(post("/api/v1/dataValues")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"%s\",\"value\":%d}"
                        .formatted(indicator, unit, period, value)));
    }

    private void user(String role, long mission, String email) throws Exception {
        String name = role.toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/users")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"%s","password":"correct-horse-battery",%s
                                 "roles":["%s"],"scopes":[{"type":"MISSION","value":"%d"}]}""".formatted(
                                name, name, email == null ? "" : "\"email\":\"" + email + "\",", role, mission)))
                .andExpect(status().isCreated());
    }

    private static java.util.List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
