package org.bluehelm.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.complaint.CaseFixtures.insertCase;
import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.bluehelm.shared.Period;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Retention: the test configuration keeps corruption cases 1 year after closing and every other
 * category 10 years (the default). Only expired closed cases of the category go, with everything
 * hanging from them, one audit entry each, and the indicator values that counted them.
 */
@IntegrationTest
class RetentionIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ComplaintCommand command;

    @Autowired
    AccountabilityIndicatorPublisher publisher;

    private static final List<String> CHILDREN =
            List.of("complaint_attachment", "complaint_message", "complaint_identity_reveal", "complaint_transition");

    private long count(String table, long id) {
        return jdbc.sql("select count(*) from " + table + " where complaint_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    private boolean exists(long id) {
        return jdbc.sql("select count(*) from complaint where id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private long deleteEntries(long id) {
        return jdbc.sql("""
                        select count(*) from audit_entry
                        where record_type = 'complaint' and record_id = :id and action = 'DELETE'""").param("id", String.valueOf(id)).query(Long.class).single();
    }

    private String run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onlyExpiredClosedCasesOfTheCategoryAreDeletedWithEverythingHangingFromThem() throws Exception {
        long unit = CaseFixtures.orgUnit(mvc);
        long institution = CaseFixtures.institution(mvc, unit, 2024, 1000);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String twoYearsAgo = now.minusYears(2).toString();
        String threeYearsAgo = now.minusYears(3).toString();
        long expired = insertCase(
                jdbc,
                "CORRUPTION_EXTORTION",
                institution,
                null,
                threeYearsAgo,
                twoYearsAgo,
                "SUBSTANTIATED",
                null,
                null,
                null);
        long recent = insertCase(
                jdbc,
                "CORRUPTION_EXTORTION",
                institution,
                null,
                threeYearsAgo,
                now.minusMonths(6).toString(),
                "UNSUBSTANTIATED",
                null,
                null,
                null);
        long otherCategory = insertCase(
                jdbc,
                "EXCESSIVE_FORCE",
                institution,
                null,
                threeYearsAgo,
                twoYearsAgo,
                "SUBSTANTIATED",
                null,
                null,
                null);
        long open = insertCase(
                jdbc,
                "CORRUPTION_EXTORTION",
                institution,
                null,
                now.minusYears(5).toString(),
                null,
                null,
                null,
                null,
                null);
        jdbc.sql("""
                        insert into complaint_attachment (complaint_id, media_type, size_bytes, content_enc)
                        values (:id, 'application/pdf', 3, :content)""")
                .param("id", expired)
                .param("content", new byte[] {1, 2, 3})
                .update();
        jdbc.sql("""
                        insert into complaint_message (complaint_id, from_staff, body, sent_at)
                        values (:id, false, 'A message', :at)""").param("id", expired).param("at", now.minusYears(3)).update();
        jdbc.sql("""
                        insert into complaint_identity_reveal (complaint_id, username, revealed_at)
                        values (:id, 'admin', :at)""").param("id", expired).param("at", now.minusYears(3)).update();
        jdbc.sql("""
                        insert into complaint_transition (complaint_id, from_state, to_state, username, at)
                        values (:id, 'REFERRED', 'CLOSED', 'admin', :at)""").param("id", expired).param("at", now.minusYears(2)).update();
        publisher.republish();
        String closedQuarter = Period.day(now.minusYears(2).toLocalDate())
                .rollUpTo(org.bluehelm.shared.PeriodType.QUARTERLY)
                .id();
        long substantiated = jdbc.sql("select id from indicator where code = 'acc_cases_substantiated'")
                .query(Long.class)
                .single();
        String analytics =
                "/api/v1/analytics?indicator=" + substantiated + "&orgUnit=" + unit + "&from=" + closedQuarter;
        mvc.perform(get(analytics).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].value").value(2));

        // a dry run counts and writes nothing
        String dry = run("purge", "--dry-run");
        assertThat(dry).contains("Would delete").contains("CORRUPTION_EXTORTION");
        assertThat(exists(expired)).isTrue();
        assertThat(deleteEntries(expired)).isZero();

        String done = run("purge");
        assertThat(done).startsWith("Deleted ");
        assertThat(exists(expired)).isFalse();
        for (String table : CHILDREN) {
            assertThat(count(table, expired)).as(table).isZero();
        }
        assertThat(exists(recent)).isTrue();
        assertThat(exists(otherCategory)).isTrue();
        assertThat(exists(open)).isTrue();

        // one audit entry, with no personal data or text
        assertThat(deleteEntries(expired)).isEqualTo(1);
        Map<String, Object> entry =
                jdbc.sql("""
                        select actor, summary from audit_entry
                        where record_type = 'complaint' and record_id = :id and action = 'DELETE'""").param("id", String.valueOf(expired)).query().singleRow();
        assertThat((String) entry.get("summary"))
                .contains("retention")
                .contains("CORRUPTION_EXTORTION")
                .doesNotContain("Test case");

        // the derived values no longer count the deleted case
        mvc.perform(get(analytics).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].value").value(1));
        String received = "/api/v1/analytics?indicator="
                + jdbc.sql("select id from indicator where code = 'acc_cases_closed'")
                        .query(Long.class)
                        .single()
                + "&orgUnit=" + unit + "&from=" + closedQuarter;
        mvc.perform(get(received).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows", hasSize(1)))
                .andExpect(jsonPath("$.rows[0].value").value(1));
    }

    @Test
    void theCommandRefusesUnknownArguments() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(
                List.of("purge", "--now"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage");
    }
}
