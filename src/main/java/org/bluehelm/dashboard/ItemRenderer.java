package org.bluehelm.dashboard;

import org.bluehelm.analytics.AnalyticsQuery;
import org.bluehelm.analytics.AnalyticsTable;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

/**
 * Draws one {@link ItemKind}: computes an item's table with the current user's scope and says which
 * chart shows it. A Spring bean per kind; {@link DashboardService} finds them by {@link #kind()}.
 * Rendering is also how an item is checked before it is saved: whatever it throws is what is wrong.
 */
interface ItemRenderer {

    ItemKind kind();

    /** The Chart.js chart type drawn from the table ({@code line}, {@code bar}), or null for a table alone. */
    @Nullable
    String chart();

    /**
     * The item's table, with every figure restricted to the current user's scope.
     *
     * @throws InvalidInputException naming the item's fields (as in {@link DashboardItemCommand}) at fault
     * @throws NotFoundException when something the item refers to is not visible to the current user
     */
    AnalyticsTable render(DashboardItemView item);

    /** The analytics query of an item: its fields are those of the analytics API. */
    static AnalyticsQuery analyticsQuery(DashboardItemView item) {
        return new AnalyticsQuery(
                item.indicators(),
                java.util.List.of(),
                item.orgUnit() == null ? java.util.List.of() : java.util.List.of(item.orgUnit()),
                item.orgUnitLevel(),
                item.children(),
                item.periodType(),
                item.from(),
                item.to(),
                item.byOption());
    }
}
