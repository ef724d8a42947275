package org.bluehelm.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The progress of every indicator of a programme's results chain (in the order of the chain) at
 * each of its locations, or at the top units of its country when it lists none ({@code
 * countryRoot}); with how many rows have each status. {@code rowsCut} tells that the table was cut
 * at {@link ProgressService#MAX_PROGRAMME_ROWS} rows.
 */
public record ProgrammeProgress(
        long programmeId,
        String programmeCode,
        String programmeName,
        LocalDate asOf,
        boolean countryRoot,
        List<IndicatorProgress> rows,
        Map<ProgressStatus, Integer> statusCounts,
        boolean rowsCut) {

    public ProgrammeProgress {
        rows = List.copyOf(rows);
        statusCounts = Map.copyOf(statusCounts);
    }
}
