package org.bluehelm.capacity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The capacity measures of an institution and its units: personnel trained (distinct people who
 * attended) against the latest actual strength, by competency, unit and sex; knowledge gain; the
 * share of trainers who were national; continuity (people trained more than once) with the one-off
 * courses flagged; and retention (trained people still in service). Counts under the small-cell
 * threshold are {@link Cell#suppressed()} for users who must not see small cells.
 */
public record InstitutionCoverage(
        long institutionId,
        String institutionName,
        @Nullable Integer strengthYear,
        @Nullable Integer actualStrength,
        Cell trained,
        @Nullable Double coveragePercent,
        List<Row> byCompetency,
        List<Row> byUnit,
        List<Row> bySex,
        @Nullable Double knowledgeGain,
        @Nullable Double nationalTrainerPercent,
        Cell trainedMoreThanOnce,
        @Nullable Double continuityPercent,
        Cell stillInService,
        @Nullable Double retentionPercent,
        List<OneOff> oneOffCourses) {

    /** A count, or no value when it is under the threshold and the user must not see it. */
    public record Cell(@Nullable Long value, boolean suppressed) {}

    /** A breakdown line: its label (a competency, a unit, a sex), the people trained and the coverage. */
    public record Row(
            String key,
            String label,
            Cell trained,
            @Nullable Double coveragePercent) {}

    /** A course delivered once, with no follow-up in the same competency for the institution. */
    public record OneOff(long courseId, String title, Competency competency) {}
}
