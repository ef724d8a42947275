package org.bluehelm.dashboard;

import java.util.List;
import org.bluehelm.shared.PeriodType;
import org.jspecify.annotations.Nullable;

/** An item of a dashboard, at {@code position} (0 is first), with the query it draws. */
public record DashboardItemView(
        long id,
        int position,
        ItemKind kind,
        String title,
        List<Long> indicators,
        @Nullable Long orgUnit,
        @Nullable Integer orgUnitLevel,
        boolean children,
        @Nullable PeriodType periodType,
        @Nullable String from,
        @Nullable String to,
        boolean byOption) {

    public DashboardItemView {
        indicators = List.copyOf(indicators);
    }
}
