package org.bluehelm.outcome;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The country-year panel as returned by the API: its columns, the source of each (figures are never
 * shown without it), and one row per country and year keyed by column name (blank = missing).
 */
public record PanelTable(List<PanelColumn> columns, List<Map<String, @Nullable Object>> rows) {

    /** A column of the panel; {@code series} is set for outcome columns. */
    public record PanelColumn(
            String name,
            String label,
            String source,
            String citation,
            @Nullable SeriesView series) {}
}
