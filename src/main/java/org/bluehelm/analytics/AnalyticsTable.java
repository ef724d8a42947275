package org.bluehelm.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Aggregates laid out as one table, the way a screen shows them and a download writes them: label
 * columns first (an indicator, an organisation unit, a period...), then value columns. A value is
 * null where the cell has none.
 */
public record AnalyticsTable(List<String> labelHeaders, List<String> valueHeaders, List<Line> lines) {

    public AnalyticsTable {
        labelHeaders = List.copyOf(labelHeaders);
        valueHeaders = List.copyOf(valueHeaders);
        lines = List.copyOf(lines);
    }

    /** One line: as many labels as label headers, as many values as value headers. */
    public record Line(List<String> labels, List<@Nullable BigDecimal> values) {

        public Line {
            labels = List.copyOf(labels);
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /** Every column header, labels first. */
    public List<String> headers() {
        List<String> headers = new ArrayList<>(labelHeaders);
        headers.addAll(valueHeaders);
        return headers;
    }

    /** Whether no cell of the table has a value. */
    public boolean hasNoValue() {
        return lines.stream().allMatch(l -> l.values().stream().allMatch(java.util.Objects::isNull));
    }
}
