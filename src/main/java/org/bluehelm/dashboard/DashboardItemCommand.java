package org.bluehelm.dashboard;

import java.util.List;
import org.bluehelm.shared.PeriodType;
import org.jspecify.annotations.Nullable;

/**
 * What a user sends to add or change a dashboard item: its kind and title, and the analytics query
 * it draws (the fields of {@code GET /api/v1/analytics}): indicators, an organisation unit and
 * which units to show (the unit itself, its children, or every unit at a level within it), the
 * period type and range, and whether to split values by disaggregation option.
 */
public record DashboardItemCommand(
        @Nullable ItemKind kind,
        @Nullable String title,
        List<Long> indicators,
        @Nullable Long orgUnit,
        @Nullable Integer orgUnitLevel,
        boolean children,
        @Nullable PeriodType periodType,
        @Nullable String from,
        @Nullable String to,
        boolean byOption) {

    public DashboardItemCommand {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
}
