package org.bluehelm.dataexchange;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of an import, shaped after DHIS2's import summary: {@code SUCCESS}, {@code WARNING}
 * (some rows were refused and the others written, with {@code atomicMode=NONE}) or {@code ERROR}
 * (nothing was written); the counts of values imported (new), updated and ignored; and the
 * conflicts, at most {@link #MAX_CONFLICTS} of them listed, {@code conflictCount} telling how many
 * there were in all. A dry run reports what an import would have done, and writes nothing.
 */
public record ImportSummary(
        @Nullable Long jobId,
        Status status,
        boolean dryRun,
        ImportStrategy strategy,
        AtomicMode atomicMode,
        long rowsRead,
        ImportCount importCount,
        long conflictCount,
        List<ImportConflict> conflicts) {

    public static final int MAX_CONFLICTS = 500;

    public ImportSummary {
        conflicts = List.copyOf(conflicts);
    }

    public enum Status {
        SUCCESS,
        WARNING,
        ERROR
    }

    /**
     * Values created, replaced, left alone (refused rows, rows repeating their stored value, stored
     * ones under CREATE, new ones under UPDATE or DELETE) and deleted (under DELETE).
     */
    public record ImportCount(long imported, long updated, long ignored, long deleted) {}
}
