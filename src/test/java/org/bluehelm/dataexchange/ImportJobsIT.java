package org.bluehelm.dataexchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What a restart does to the record of an import that was running when Bluehelm stopped. */
@IntegrationTest
class ImportJobsIT {

    @Autowired
    ImportJobs jobs;

    @Test
    void anImportCutOffByAStopIsShownAsFailedNotRunningForever() {
        long cutOff = jobs.start(ImportOptions.defaults(ImportFormat.CSV), "restart-test");
        assertThat(jobs.find(cutOff).orElseThrow().state()).isEqualTo(ImportJobView.State.RUNNING);

        // the next process starts after it
        assertThat(jobs.failInterrupted(Instant.now().plusSeconds(1))).isGreaterThanOrEqualTo(1);

        ImportJobView after = jobs.find(cutOff).orElseThrow();
        assertThat(after.state()).isEqualTo(ImportJobView.State.FAILED);
        assertThat(after.message()).contains("stopped before this import ended", "nothing of it was written");
        // an import started by the new process is left alone
        long current = jobs.start(ImportOptions.defaults(ImportFormat.CSV), "restart-test");
        jobs.failInterrupted(Instant.now().minusSeconds(60));
        assertThat(jobs.find(current).orElseThrow().state()).isEqualTo(ImportJobView.State.RUNNING);
        jobs.fail(current, "test over");
    }
}
