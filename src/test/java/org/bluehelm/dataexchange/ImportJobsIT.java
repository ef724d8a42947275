package org.bluehelm.dataexchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What becomes of the record of an import whose process stopped (a restart, a crash), and of one
 * that another server is running.
 */
@IntegrationTest
class ImportJobsIT {

    @Autowired
    ImportJobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void anImportWhoseProcessStoppedIsShownAsFailedWhileOneStillBeatingIsLeftAlone() {
        // an import of a process that stopped three minutes ago: its heartbeat stopped with it
        long cutOff = jobs.start(ImportOptions.defaults(ImportFormat.CSV), "restart-test");
        jobs.fail(cutOff, "placeholder");
        jdbc.sql("update import_job set state = 'RUNNING', message = null, finished_at = null,"
                        + " heartbeat_at = :then where id = :id")
                .param("then", clock.instant().minus(Duration.ofMinutes(3)).atOffset(ZoneOffset.UTC))
                .param("id", cutOff)
                .update();
        // an import another server started ten minutes ago and is still running: it beat a moment ago
        long elsewhere = jobs.start(ImportOptions.defaults(ImportFormat.CSV), "restart-test");
        jobs.fail(elsewhere, "placeholder");
        jdbc.sql("update import_job set state = 'RUNNING', message = null, finished_at = null,"
                        + " started_at = :started, heartbeat_at = :beat where id = :id")
                .param("started", clock.instant().minus(Duration.ofMinutes(10)).atOffset(ZoneOffset.UTC))
                .param("beat", clock.instant().minus(Duration.ofSeconds(10)).atOffset(ZoneOffset.UTC))
                .param("id", elsewhere)
                .update();
        // an import of this process, long running: its heartbeat is refreshed while it runs
        long mine = jobs.start(ImportOptions.defaults(ImportFormat.CSV), "restart-test");
        jdbc.sql("update import_job set started_at = :then, heartbeat_at = :then where id = :id")
                .param("then", clock.instant().minus(Duration.ofMinutes(30)).atOffset(ZoneOffset.UTC))
                .param("id", mine)
                .update();
        jobs.beat();
        // the rows each had staged: an import's staging commits them before its transaction ends
        stage(cutOff);
        stage(elsewhere);

        jobs.sweep();

        ImportJobView after = jobs.find(cutOff).orElseThrow();
        assertThat(after.state()).isEqualTo(ImportJobView.State.FAILED);
        assertThat(after.message()).contains("stopped before this import ended", "nothing of it was written");
        assertThat(jobs.find(elsewhere).orElseThrow().state()).isEqualTo(ImportJobView.State.RUNNING);
        assertThat(jobs.find(mine).orElseThrow().state()).isEqualTo(ImportJobView.State.RUNNING);
        assertThat(staged(cutOff))
                .as("the cut-off import's staged rows are removed")
                .isZero();
        assertThat(staged(elsewhere))
                .as("a running import's staged rows are left")
                .isEqualTo(2);

        // once the other server's import stops beating, it is taken for cut off too
        jdbc.sql("update import_job set heartbeat_at = :then where id = :id")
                .param("then", clock.instant().minus(Duration.ofMinutes(3)).atOffset(ZoneOffset.UTC))
                .param("id", elsewhere)
                .update();
        jobs.sweep();
        assertThat(jobs.find(elsewhere).orElseThrow().state()).isEqualTo(ImportJobView.State.FAILED);
        assertThat(staged(elsewhere)).isZero();
        assertThat(jobs.find(mine).orElseThrow().state()).isEqualTo(ImportJobView.State.RUNNING);
        jobs.fail(mine, "test over");
    }

    @Test
    void atStartTheStagedRowsOfImportsNoLongerRunningAreRemoved() {
        long finished = jobs.start(ImportOptions.defaults(ImportFormat.CSV), "restart-test");
        jobs.fail(finished, "placeholder");
        long running = jobs.start(ImportOptions.defaults(ImportFormat.CSV), "restart-test");
        long noJob = -42;
        stage(finished);
        stage(running);
        stage(noJob);

        jobs.afterStart();

        assertThat(staged(finished)).isZero();
        assertThat(staged(noJob)).isZero();
        assertThat(staged(running))
                .as("a running import's staged rows are left")
                .isEqualTo(2);
        jobs.fail(running, "test over");
        jobs.afterStart();
        assertThat(staged(running)).isZero();
    }

    private void stage(long batch) {
        for (int line = 1; line <= 2; line++) {
            jdbc.sql("""
                            insert into value_staging (batch_id, line, indicator_id, org_unit_id, period_id, period_type,
                                                       option_key, value, country_code, block_year, slot)
                            values (:batch, :line, 1, 1, '2024Q1', 'QUARTERLY', 0, 5, 'LBR', 2024, 1)""").param("batch", batch).param("line", (long) line << 32).update();
        }
    }

    private long staged(long batch) {
        return jdbc.sql("select count(*) from value_staging where batch_id = :batch")
                .param("batch", batch)
                .query(Long.class)
                .single();
    }
}
