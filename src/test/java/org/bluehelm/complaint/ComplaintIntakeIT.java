package org.bluehelm.complaint;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bluehelm.test.IntegrationTest;
import org.bluehelm.test.TestApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ComplaintIntakeIT {

    private static final Pattern RECEIPT = Pattern.compile("id=\"receipt\">(\\d{4} \\d{4} \\d{4} \\d{4})<");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    /** Each test reports from an address of its own, so the rate limit of one does not touch another. */
    private final String address = "10." + ThreadLocalRandom.current().nextInt(256) + "."
            + ThreadLocalRandom.current().nextInt(256) + "."
            + ThreadLocalRandom.current().nextInt(256);

    private RequestPostProcessor fromClient() {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private RequestPostProcessor staffUi() {
        return user(users.loadUserByUsername("admin"));
    }

    private String submit(String description, String... more) throws Exception {
        var request = post("/report")
                .with(csrf())
                .with(fromClient())
                .param("description", description)
                .param("occurredOn", "2026-01-15")
                .param("countryCode", "LBR")
                .param("category", "EXCESSIVE_FORCE")
                .param("institution", "Liberia National Police");
        for (int i = 0; i < more.length; i += 2) {
            request.param(more[i], more[i + 1]);
        }
        String html = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher m = RECEIPT.matcher(html);
        assertThat(m.find()).as("a receipt in " + html).isTrue();
        return m.group(1);
    }

    private long idOf(String description) {
        return jdbc.sql("select id from complaint where description = :d")
                .param("d", description)
                .query(Long.class)
                .single();
    }

    @Test
    void anAnonymousReportGetsAReceiptToFollowItAndWriteToTheHandler() throws Exception {
        String description = "Beaten at a checkpoint " + tag;
        String receipt = submit(description);
        assertThat(receipt.replace(" ", "")).hasSize(16);
        long id = idOf(description);
        // the receipt is stored only as a hash
        Map<String, Object> row = jdbc.sql("select receipt_hash, state, anonymous from complaint where id = :id")
                .param("id", id)
                .query()
                .singleRow();
        assertThat((String) row.get("receipt_hash"))
                .doesNotContain(receipt.replace(" ", ""))
                .hasSize(64);
        assertThat(row.get("state")).isEqualTo("RECEIVED");
        assertThat(row.get("anonymous")).isEqualTo(true);

        mvc.perform(post("/report/follow").with(csrf()).with(fromClient()).param("receipt", receipt))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Received")))
                .andExpect(content().string(containsString("No message yet")));
        mvc.perform(post("/report/follow/message")
                        .with(csrf())
                        .with(fromClient())
                        .param("receipt", receipt)
                        .param("body", "I can identify the officer " + tag))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Your message was sent")))
                .andExpect(content().string(containsString("I can identify the officer " + tag)));

        mvc.perform(post("/complaints/" + id + "/reply")
                        .with(csrf())
                        .with(staffUi())
                        .param("body", "Thank you, please tell us more " + tag))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/report/follow").with(csrf()).with(fromClient()).param("receipt", receipt.replace(" ", "")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Thank you, please tell us more " + tag)))
                .andExpect(content().string(containsString("Handler")))
                .andExpect(content().string(not(containsString("admin"))));

        // a wrong receipt says only "not found"
        mvc.perform(post("/report/follow").with(csrf()).with(fromClient()).param("receipt", "0000 0000 0000 0001"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("No report was found for this receipt number")));
        mvc.perform(post("/report/follow").with(csrf()).with(fromClient()).param("receipt", "nonsense"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("No report was found for this receipt number")));
    }

    @Test
    void theFormIsOpenWithoutSigningInAndNeedsItsCsrfToken() throws Exception {
        mvc.perform(get("/report"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Report abuse")))
                .andExpect(content().string(containsString("Excessive use of force")));
        mvc.perform(get("/report").param("lang", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Signaler un abus")));
        mvc.perform(post("/report").with(fromClient()).param("description", "x").param("category", "OTHER"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/login")).andExpect(content().string(containsString("href=\"/report\"")));
    }

    @Test
    void badInputNamesTheFieldsAndWritesNothing() throws Exception {
        String institution = "Institution " + tag;
        mvc.perform(post("/report")
                        .with(csrf())
                        .with(fromClient())
                        .param("description", "  ")
                        .param("occurredOn", "2999-01-01")
                        .param("category", "NOT_A_CATEGORY")
                        .param("institution", institution)
                        .param("anonymous", "no"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"description-error\">is required<")))
                .andExpect(content().string(containsString("id=\"occurredOn-error\">must not be in the future<")))
                .andExpect(content().string(containsString("id=\"category-error\">is not a category<")))
                .andExpect(content().string(containsString("id=\"name-error\">give a name or a contact")))
                .andExpect(content().string(containsString(institution))); // the form keeps what was typed
        assertThat(count(institution)).isZero();
    }

    @Test
    void onlyPdfJpegAndPngFilesAreAcceptedByTheirContent() throws Exception {
        String institution = "Files " + tag;
        byte[] exe = "MZ\u0090 this is no PDF".getBytes(StandardCharsets.ISO_8859_1);
        mvc.perform(multipart("/report")
                        .file(new MockMultipartFile("files", "evidence.pdf", "application/pdf", exe))
                        .with(csrf())
                        .with(fromClient())
                        .param("description", "Photo of the bribe " + tag)
                        .param("category", "CORRUPTION_EXTORTION")
                        .param("institution", institution))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("only PDF, JPEG or PNG files are accepted")));
        assertThat(count(institution)).isZero();

        byte[] tooMany = "%PDF-1.4 x".getBytes(StandardCharsets.US_ASCII);
        var four = multipart("/report");
        for (int i = 0; i < 4; i++) {
            four.file(new MockMultipartFile("files", "f" + i + ".pdf", "application/pdf", tooMany));
        }
        mvc.perform(four.with(csrf())
                        .with(fromClient())
                        .param("description", "Four files " + tag)
                        .param("category", "OTHER")
                        .param("institution", institution))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("at most 3 files")));
        byte[] big = new byte[ComplaintService.MAX_FILE_BYTES + 1];
        System.arraycopy(tooMany, 0, big, 0, tooMany.length);
        mvc.perform(multipart("/report")
                        .file(new MockMultipartFile("files", "big.pdf", "application/pdf", big))
                        .with(csrf())
                        .with(fromClient())
                        .param("description", "Big file " + tag)
                        .param("category", "OTHER")
                        .param("institution", institution))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("each file must be at most 5 MB")));
        assertThat(count(institution)).isZero();

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
        mvc.perform(multipart("/report")
                        .file(new MockMultipartFile("files", "photo.bin", "application/octet-stream", png))
                        .with(csrf())
                        .with(fromClient())
                        .param("description", "A photo " + tag)
                        .param("category", "OTHER")
                        .param("institution", institution))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"receipt\"")));
        List<Map<String, Object>> files =
                jdbc.sql("""
                        select a.media_type, a.content_enc from complaint_attachment a
                        join complaint c on c.id = a.complaint_id where c.institution = :i""").param("i", institution).query().listOfRows();
        assertThat(files).hasSize(1);
        assertThat(files.get(0).get("media_type")).isEqualTo("image/png");
        assertThat((byte[]) files.get(0).get("content_enc")).isNotEqualTo(png).hasSizeGreaterThan(png.length);
        long id = idOf("A photo " + tag);
        long attachment = jdbc.sql("select id from complaint_attachment where complaint_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        mvc.perform(get("/complaints/" + id + "/attachments/" + attachment).with(staffUi()))
                .andExpect(status().isOk())
                .andExpect(content().bytes(png));
    }

    @Test
    void theEleventhReportWithinAnHourIsRefused() throws Exception {
        for (int i = 0; i < ClientLimits.REPORTS_PER_HOUR; i++) {
            mvc.perform(post("/report").with(csrf()).with(fromClient()).param("description", ""))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(post("/report")
                        .with(csrf())
                        .with(fromClient())
                        .param("description", "Eleventh " + tag)
                        .param("category", "OTHER"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Too many requests were sent from your connection")));
        assertThat(jdbc.sql("select count(*) from complaint where description = :d")
                        .param("d", "Eleventh " + tag)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void guessingReceiptsStopsAfterThirtyAttemptsAnHourEvenForARightOne() throws Exception {
        String receipt = submit("Followed too often " + tag);
        for (int i = 0; i < ClientLimits.FOLLOWS_PER_HOUR; i++) {
            mvc.perform(post("/report/follow")
                            .with(csrf())
                            .with(fromClient())
                            .param("receipt", String.format("%016d", i)))
                    .andExpect(status().isNotFound());
        }
        // the right receipt from the same client is refused too: the limit stops guessing, not typos
        mvc.perform(post("/report/follow").with(csrf()).with(fromClient()).param("receipt", receipt))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(not(containsString("Followed too often " + tag))));
    }

    @Test
    void staffSeeReportsInTheirScopeWithoutIdentitiesUntilTheyRevealOne(CapturedOutput output) throws Exception {
        String canary = "Canary" + tag + "Zebulon";
        String canaryContact = "canary-" + tag + "@example.org";
        String description = "Detained without charge " + tag;
        submit(description, "anonymous", "no", "name", canary, "contact", canaryContact);
        long id = idOf(description);

        // staff list and detail, HTML and JSON: no identity before it is revealed
        mvc.perform(get("/complaints").with(staffUi()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("<a href=\"/complaints\" aria-current=\"page\">Complaints</a>")))
                .andExpect(content().string(containsString("/complaints/" + id)))
                .andExpect(content().string(not(containsString(canary))))
                .andExpect(content().string(not(containsString(canaryContact))));
        mvc.perform(get("/complaints/" + id).with(staffUi()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(description)))
                .andExpect(content().string(containsString("Reveal identity")))
                .andExpect(content().string(not(containsString(canary))));
        mvc.perform(get("/api/v1/complaints").param("size", "200").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(canary))))
                .andExpect(content().string(not(containsString(canaryContact))));
        mvc.perform(get("/api/v1/complaints/" + id).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.category").value("EXCESSIVE_FORCE"))
                .andExpect(jsonPath("$.summary.countryCode").value("LBR"))
                .andExpect(content().string(not(containsString(canary))));

        // never in plain text in the database
        Map<String, Object> raw = jdbc.sql("select * from complaint where id = :id")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(raw.toString()).doesNotContain(canary).doesNotContain(canaryContact);
        assertThat((String) raw.get("name_enc")).startsWith("test-1:");
        assertThat(jdbc.sql("select count(*) from complaint_identity_reveal where complaint_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();

        // a mission manager out of scope does not even learn the complaint exists
        var outside = TestApi.userScopedToMission(mvc, "MISSION_MANAGER", TestApi.missionId(mvc, "UNOCI"));
        mvc.perform(get("/api/v1/complaints/" + id).with(outside)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/complaints/" + id + "/reveal").with(outside)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/complaints").param("size", "200").with(outside))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("\"id\":" + id + ","))));
        var viewer = TestApi.userScopedToMission(mvc, "VIEWER", TestApi.missionId(mvc, "UNMIL"));
        mvc.perform(get("/api/v1/complaints/" + id).with(viewer)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/complaints/999999999").with(viewer)).andExpect(status().isNotFound());
        var viewerUi = TestApi.uiUserScopedToMission(mvc, users, "VIEWER", TestApi.missionId(mvc, "UNMIL"));
        mvc.perform(get("/complaints/" + id).with(viewerUi)).andExpect(status().isNotFound());
        var inside = TestApi.userScopedToMission(mvc, "MISSION_MANAGER", TestApi.missionId(mvc, "UNMIL"));
        mvc.perform(get("/api/v1/complaints/" + id).with(inside)).andExpect(status().isOk());

        // revealing shows the identity and is recorded
        mvc.perform(post("/api/v1/complaints/" + id + "/reveal").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(canary))
                .andExpect(jsonPath("$.contact").value(canaryContact))
                .andExpect(jsonPath("$.revealedBy").value("admin"));
        mvc.perform(post("/complaints/" + id + "/reveal").with(csrf()).with(staffUi()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(canary)));
        assertThat(jdbc.sql("select username from complaint_identity_reveal where complaint_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("admin", "admin");
        // each reveal is also in the tamper-evident audit log, without the identity
        assertThat(jdbc.sql("select summary from audit_entry where action = 'REVEAL' and record_type = 'complaint'"
                                + " and record_id = :id")
                        .param("id", String.valueOf(id))
                        .query(String.class)
                        .list())
                .hasSize(2)
                .allSatisfy(summary -> assertThat(summary).doesNotContain(canary));
        // so is the report itself, by "public" (no account, no address), with neither identity nor text
        var created = jdbc.sql("select actor, summary from audit_entry where action = 'CREATE'"
                        + " and record_type = 'complaint' and record_id = :id")
                .param("id", String.valueOf(id))
                .query()
                .singleRow();
        assertThat(created.get("actor")).isEqualTo("public");
        assertThat((String) created.get("summary")).contains("PUBLIC").doesNotContain(canary);

        // a person involved with a canary name: masked on the page and in the API, encrypted in the database
        String canaryPerson = "Canary" + tag + "Witness";
        mvc.perform(post("/complaints/" + id + "/people")
                        .with(csrf())
                        .with(staffUi())
                        .param("role", "WITNESS")
                        .param("name", canaryPerson))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/complaints/" + id).with(staffUi()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("witness")))
                .andExpect(content().string(not(containsString(canaryPerson))));
        mvc.perform(get("/api/v1/complaints/" + id).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(canaryPerson))));
        assertThat(jdbc.sql("select * from complaint_person where complaint_id = :id")
                        .param("id", id)
                        .query()
                        .listOfRows()
                        .toString())
                .doesNotContain(canaryPerson);

        // and the application log never saw it
        assertThat(output.getAll())
                .doesNotContain(canary)
                .doesNotContain(canaryContact)
                .doesNotContain(canaryPerson);
    }

    private long count(String institution) {
        return jdbc.sql("select count(*) from complaint where institution = :i")
                .param("i", institution)
                .query(Long.class)
                .single();
    }
}
