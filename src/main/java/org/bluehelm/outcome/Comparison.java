package org.bluehelm.outcome;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A host country's outcomes before, during and after its missions, against the mean of the other
 * countries of its UN M49 sub-region and chosen comparison countries. Descriptive, not causal.
 */
public record Comparison(
        Place country,
        Region region,
        List<Place> compare,
        List<Mission> missions,
        int from,
        int to,
        List<Series> series,
        String note) {

    /** The mission periods as "from,to,acronym;..." for the chart's shaded bands. */
    public String bands() {
        return String.join(
                ";",
                missions.stream()
                        .map(m -> m.from() + "," + m.to() + "," + m.acronym())
                        .toList());
    }

    /** The comparison countries' mission periods, "from,to,acronym (ISO3);...", drawn as a strip under the lines. */
    public String compareBands() {
        return String.join(
                ";",
                compare.stream()
                        .flatMap(p -> p.missions().stream()
                                .map(m -> m.from() + "," + m.to() + "," + m.acronym() + " (" + p.iso3() + ")"))
                        .toList());
    }

    public record Place(String iso3, String name, List<Mission> missions) {}

    public record Region(String code, String name, String average) {}

    public record Mission(
            String acronym,
            String name,
            LocalDate startDate,
            @Nullable LocalDate endDate,
            int from,
            int to) {}

    /** One outcome: a line per place aligned with {@code years}, and the means around each mission. */
    public record Series(
            SeriesView series,
            List<Integer> years,
            List<Line> lines,
            List<String> missionsActive,
            List<PeriodMeans> periods) {}

    /**
     * {@code kind} is COUNTRY, COMPARISON or REGION; for the regional mean {@code counts} gives how
     * many countries had a value each year.
     */
    public record Line(
            String kind,
            String key,
            String label,
            List<@Nullable Double> values,
            @Nullable List<Integer> counts) {}

    public record PeriodMeans(String mission, Span before, Span during, Span after) {}

    /** The mean of the country's values over the years {@code from}-{@code to}, and how many years had one. */
    public record Span(int from, int to, @Nullable Double mean, int n) {}
}
