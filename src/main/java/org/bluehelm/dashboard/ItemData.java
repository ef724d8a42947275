package org.bluehelm.dashboard;

import org.bluehelm.analytics.AnalyticsTable;
import org.jspecify.annotations.Nullable;

/**
 * An item as computed for the current user: the table (drawn as a {@code chart}: {@code line},
 * {@code bar}, or none for a table alone), or, when the item cannot be computed for this user (an
 * indicator outside their scope or deleted, say), the reason: a message code and its English text.
 */
public record ItemData(
        DashboardItemView item,
        @Nullable String chart,
        @Nullable AnalyticsTable table,
        @Nullable String problemCode,
        @Nullable String problem) {

    static ItemData of(DashboardItemView item, @Nullable String chart, AnalyticsTable table) {
        return new ItemData(item, chart, table, null, null);
    }

    static ItemData failed(DashboardItemView item, String problemCode, String problem) {
        return new ItemData(item, null, null, problemCode, problem);
    }
}
