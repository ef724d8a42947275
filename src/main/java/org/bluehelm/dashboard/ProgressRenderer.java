package org.bluehelm.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bluehelm.analytics.AnalyticsTable;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitFilter;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.progress.IndicatorProgress;
import org.bluehelm.progress.ProgressService;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Progress against targets, today: one line per indicator and organisation unit (the item's unit,
 * or the units directly below it when the item asks for children) with its status and trend in
 * words, and the baseline, target, latest value and the percentages achieved and expected, as the
 * programme progress page shows them. A table alone: its columns have different scales.
 */
@Component
class ProgressRenderer implements ItemRenderer {

    /** Units below the item's unit taken at most, as on the indicator page. */
    static final int MAX_UNITS = ProgressService.MAX_INDICATOR_UNITS;

    private final ProgressService progress;
    private final GeographyService geography;
    private final MessageSource messages;

    ProgressRenderer(ProgressService progress, GeographyService geography, MessageSource messages) {
        this.progress = progress;
        this.geography = geography;
        this.messages = messages;
    }

    @Override
    public ItemKind kind() {
        return ItemKind.PROGRESS;
    }

    @Override
    public @Nullable String chart() {
        return null;
    }

    @Override
    public AnalyticsTable render(DashboardItemView item) {
        Validation v = new Validation();
        if (item.indicators().isEmpty()) {
            v.coded("indicators", "choose at least one indicator", "dashboard.validation.chooseIndicator");
        }
        if (item.orgUnit() == null) {
            v.coded("orgUnit", "is required for progress", "dashboard.validation.orgUnitForProgress");
        }
        v.throwIfInvalid();
        long unitId = java.util.Objects.requireNonNull(item.orgUnit());
        List<Long> units = item.children()
                ? geography
                        .orgUnits(
                                new OrgUnitFilter(null, unitId, null, null, null, null),
                                PageQuery.of(0, MAX_UNITS, "name", Map.of("name", "name"), "name"))
                        .items()
                        .stream()
                        .map(OrgUnitView::id)
                        .toList()
                : List.of(unitId);
        List<AnalyticsTable.Line> lines = new ArrayList<>();
        for (long indicator : item.indicators()) {
            for (long unit : units) {
                IndicatorProgress p = progress.progress(indicator, unit);
                lines.add(new AnalyticsTable.Line(
                        List.of(
                                p.indicatorName(),
                                p.orgUnitName(),
                                message("progress.status." + p.status().name()),
                                message("progress.trend." + p.trend().label().name())),
                        Arrays.asList(
                                p.baseline() == null ? null : p.baseline().value(),
                                p.target() == null ? null : p.target().value(),
                                p.current() == null ? null : p.current().value(),
                                p.percentAchieved(),
                                p.expectedPercent())));
            }
        }
        return new AnalyticsTable(
                List.of(
                        message("dashboard.item.indicators"),
                        message("dashboard.item.orgUnit"),
                        message("dashboard.progress.status"),
                        message("dashboard.progress.trend")),
                List.of(
                        message("dashboard.progress.baseline"),
                        message("dashboard.progress.target"),
                        message("dashboard.progress.current"),
                        message("dashboard.progress.achieved"),
                        message("dashboard.progress.expected")),
                lines);
    }

    private String message(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }
}
