package org.bluehelm.dataexchange;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * An import as it runs and after: its options, how many rows have been read (and, while writing,
 * written), and once finished its summary ({@code DONE}) or why it failed ({@code FAILED}).
 */
public record ImportJobView(
        long id,
        String username,
        @Nullable String fileName,
        ImportFormat format,
        boolean dryRun,
        ImportStrategy strategy,
        AtomicMode atomicMode,
        IdScheme idScheme,
        State state,
        long rowsRead,
        long rowsWritten,
        @Nullable String message,
        OffsetDateTime startedAt,
        @Nullable OffsetDateTime finishedAt,
        @Nullable ImportSummary summary) {

    public enum State {
        RUNNING,
        DONE,
        FAILED
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}
