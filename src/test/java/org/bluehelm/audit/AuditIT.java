package org.bluehelm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.test.TestApi.admin;
import static org.bluehelm.test.TestApi.id;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bluehelm.actor.ActorCategory;
import org.bluehelm.actor.ActorCommand;
import org.bluehelm.actor.ActorService;
import org.bluehelm.actor.ActorType;
import org.bluehelm.test.AsAdmin;
import org.bluehelm.test.IntegrationTest;
import org.bluehelm.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog log;

    @Autowired
    AuditCommand command;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ActorService actors;

    @Autowired
    UserDetailsService users;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void creatingChangingAndDeletingAnActorWritesEntriesInOrder() throws Exception {
        String json = """
                {"name":"Audit Donor %s","category":"INTERNATIONAL","type":"DONOR_GOVERNMENT","countryCode":"NOR"}""".formatted(tag);
        long actor = id(mvc.perform(post("/api/v1/actors")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated()));
        mvc.perform(put("/api/v1/actors/{id}", actor)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.replace("{\"name\"", "{\"version\":1,\"name\"")
                                .replace("Audit Donor", "Audit Funder")))
                .andExpect(status().isOk());
        mvc.perform(delete("/api/v1/actors/{id}", actor)
                        .header("If-Match", "\"2\"")
                        .with(admin()))
                .andExpect(status().isNoContent());

        List<AuditEntryView> trail = log.entries(new AuditFilter("actor", String.valueOf(actor), null, null, null));
        assertThat(trail).extracting(AuditEntryView::action).containsExactly("DELETE", "UPDATE", "CREATE");
        assertThat(trail).extracting(AuditEntryView::actor).containsOnly("admin");
        assertThat(trail.get(0).seq()).isGreaterThan(trail.get(1).seq());
        assertThat(trail.get(1).seq()).isGreaterThan(trail.get(2).seq());
        assertThat(trail.get(2).summary()).contains("\"name\":\"Audit Donor " + tag + "\"");
        assertThat(trail.get(1).summary()).contains("\"name\":\"Audit Funder " + tag + "\"");

        // the same trail through the API, for administrators only
        mvc.perform(get("/api/v1/audit")
                        .param("recordType", "actor")
                        .param("recordId", String.valueOf(actor))
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[0].action").value("DELETE"))
                .andExpect(jsonPath("$.items[2].action").value("CREATE"));
    }

    @Test
    void aRolledBackChangeLeavesNoEntry() {
        String name = "Rolled Back " + tag;
        long[] actor = {0};
        AsAdmin.run(users, () -> {
            transactions.executeWithoutResult(status -> {
                actor[0] = actors.create(new ActorCommand(
                                name,
                                null,
                                ActorCategory.INTERNATIONAL,
                                ActorType.DONOR_GOVERNMENT,
                                "NOR",
                                null,
                                null,
                                null))
                        .id();
                // the entry is appended as the transaction commits, so a rollback leaves none
                assertThat(log.entries(new AuditFilter("actor", String.valueOf(actor[0]), null, null, null)))
                        .isEmpty();
                status.setRollbackOnly();
            });
            return null;
        });
        assertThat(log.entries(new AuditFilter("actor", String.valueOf(actor[0]), null, null, null)))
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_entry where summary like :p")
                        .param("p", "%" + name + "%")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(verify()).isEqualTo("OK\n");
    }

    @Test
    void signInsAndFailedSignInsAreRecordedWithoutPasswords() throws Exception {
        String stranger = "nobody-" + tag;
        mvc.perform(get("/api/v1/audit").with(httpBasic(stranger, "wrong-password-" + tag)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/audit").param("actor", stranger).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].action").value("SIGN_IN_FAILED"))
                .andExpect(jsonPath("$.items[0].recordType").value("app_user"));
        long signInsBefore = log.entries(new AuditFilter(null, null, "admin", null, null)).stream()
                .filter(e -> e.action().equals("SIGN_IN"))
                .count();
        // an API call authenticated on the way is not a sign-in; the sign-in form is
        mvc.perform(get("/api/v1/actors").with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk());
        mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
                                .param("username", "admin")
                                .param("password", "test-admin-password")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(log.entries(new AuditFilter(null, null, "admin", null, null)))
                .extracting(AuditEntryView::action)
                .contains("SIGN_IN");
        assertThat(log.entries(new AuditFilter(null, null, "admin", null, null)).stream()
                        .filter(e -> e.action().equals("SIGN_IN"))
                        .count())
                .isEqualTo(signInsBefore + 1);
        assertThat(jdbc.sql("select count(*) from audit_entry where summary like :p")
                        .param("p", "%wrong-password-" + tag + "%")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where summary like '%passwordHash%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void onlyAdministratorsReadTheLog() throws Exception {
        var manager = org.bluehelm.test.TestApi.userScopedToMission(
                mvc, "MISSION_MANAGER", org.bluehelm.test.TestApi.missionId(mvc, "UNMIL"));
        mvc.perform(get("/api/v1/audit").with(manager)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit/tree-heads/latest").with(manager)).andExpect(status().isForbidden());
    }

    @Test
    void twoThreadsAppendingGetGapFreeSequenceNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                String thread = "thread-" + t + "-" + tag;
                work.add(() -> {
                    for (int i = 0; i < 15; i++) {
                        log.record("tester", AuditAction.UPDATE, "concurrency_test", thread, Map.of("i", i));
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<Long> seqs = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            log.entries(new AuditFilter("concurrency_test", "thread-" + t + "-" + tag, null, null, null))
                    .forEach(e -> seqs.add(e.seq()));
        }
        assertThat(seqs).hasSize(30).doesNotHaveDuplicates();
        long max =
                jdbc.sql("select max(seq) from audit_entry").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from audit_entry")
                        .query(Long.class)
                        .single())
                .isEqualTo(max);
        assertThat(verify()).isEqualTo("OK\n");
    }

    @Test
    void verifyDetectsEachKindOfTampering() throws Exception {
        for (int i = 0; i < 4; i++) {
            log.record("tester", AuditAction.CREATE, "tamper_test", tag + "-" + i, Map.of("n", i));
        }
        mvc.perform(post("/api/v1/audit/tree-heads").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.algorithm").value("Ed25519"));
        mvc.perform(get("/api/v1/audit/tree-heads/latest").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.publicKey").value(log.publicKey()))
                .andExpect(jsonPath("$.rootHash").isString());
        assertThat(verify()).isEqualTo("OK\n");
        long last = lastSeq();

        // an edited entry
        String summary = jdbc.sql("select summary from audit_entry where seq = :s")
                .param("s", last - 1)
                .query(String.class)
                .single();
        tamper(() -> {
            change("update audit_entry set summary = '{\"n\":99}' where seq = " + (last - 1));
            assertThat(verify()).contains("entry " + (last - 1) + " does not match its hash");
            jdbc.sql("update audit_entry set summary = :s where seq = :seq")
                    .param("s", summary)
                    .param("seq", last - 1)
                    .update();
        });
        assertThat(verify()).isEqualTo("OK\n");

        // two entries reordered
        tamper(() -> {
            swap(last - 2, last - 1);
            assertThat(verify())
                    .contains("entry " + (last - 2) + " does not match its hash")
                    .contains("entry " + (last - 1) + " does not match its hash");
            swap(last - 2, last - 1);
        });
        assertThat(verify()).isEqualTo("OK\n");

        // a deleted entry
        tamper(() -> {
            Map<String, Object> row = row(last - 2);
            change("delete from audit_entry where seq = " + (last - 2));
            assertThat(verify()).contains("entries " + (last - 2) + ".." + (last - 2) + " are missing");
            insert(row);
        });
        assertThat(verify()).isEqualTo("OK\n");

        // truncation, with the head row rewound too: only the signed tree head still knows
        tamper(() -> {
            Map<String, Object> one = row(last - 1);
            Map<String, Object> two = row(last);
            change("delete from audit_entry where seq >= " + (last - 1));
            change("update audit_head set last_seq = " + (last - 2) + " where id = 1");
            assertThat(verify()).contains("covers more entries than the log holds");
            insert(one);
            insert(two);
            change("update audit_head set last_seq = " + last + " where id = 1");
        });
        assertThat(verify()).isEqualTo("OK\n");
    }

    @Test
    void postgresRefusesToChangeOrDeleteEntries() {
        if (!TestDatabase.postgres()) {
            return;
        }
        log.record("tester", AuditAction.CREATE, "trigger_test", tag, Map.of());
        long seq = lastSeq();
        assertThat(attempt("update audit_entry set summary = '{}' where seq = " + seq))
                .contains("append-only");
        assertThat(attempt("delete from audit_entry where seq = " + seq)).contains("append-only");
    }

    private String attempt(String sql) {
        try {
            jdbc.sql(sql).update();
            return "accepted";
        } catch (RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
    }

    private String verify() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(
                List.of("verify"),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isEqualTo(printed.equals("OK\n") ? 0 : 1);
        return printed;
    }

    private long lastSeq() {
        return jdbc.sql("select max(seq) from audit_entry").query(Long.class).single();
    }

    private Map<String, Object> row(long seq) {
        return jdbc.sql("select * from audit_entry where seq = :s")
                .param("s", seq)
                .query()
                .singleRow();
    }

    private void insert(Map<String, Object> row) {
        jdbc.sql("""
                        insert into audit_entry (seq, at, actor, action, record_type, record_id, summary, leaf_hash)
                        values (:seq, :at, :actor, :action, :record_type, :record_id, :summary, :leaf_hash)""").params(row).update();
    }

    private void swap(long a, long b) {
        change("update audit_entry set seq = -1 where seq = " + a);
        change("update audit_entry set seq = " + a + " where seq = " + b);
        change("update audit_entry set seq = " + b + " where seq = -1");
    }

    private void change(String sql) {
        jdbc.sql(sql).update();
    }

    /** Runs tampering SQL as someone with the database owner's rights (on PostgreSQL: the trigger set aside). */
    private void tamper(ThrowingRunnable work) throws Exception {
        if (TestDatabase.postgres()) {
            change("alter table audit_entry disable trigger audit_entry_append_only");
        }
        try {
            work.run();
        } finally {
            if (TestDatabase.postgres()) {
                change("alter table audit_entry enable trigger audit_entry_append_only");
            }
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
