package org.bluehelm.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.bluehelm.analytics.AnalyticsResult;
import org.bluehelm.analytics.AnalyticsService;
import org.bluehelm.analytics.AnalyticsTable;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A pivot table, without a chart: a row per indicator and unit (and per option that has values,
 * when split by option), a column per period, every unit of the query shown even without values.
 */
@Component
class PivotRenderer implements ItemRenderer {

    private final AnalyticsService analytics;
    private final MessageSource messages;

    PivotRenderer(AnalyticsService analytics, MessageSource messages) {
        this.analytics = analytics;
        this.messages = messages;
    }

    @Override
    public ItemKind kind() {
        return ItemKind.PIVOT;
    }

    @Override
    public @Nullable String chart() {
        return null;
    }

    @Override
    public AnalyticsTable render(DashboardItemView item) {
        ResultLabels r = new ResultLabels(analytics.aggregate(ItemRenderer.analyticsQuery(item)), messages);
        AnalyticsResult result = r.result();
        List<AnalyticsTable.Line> lines = new ArrayList<>();
        for (AnalyticsResult.IndicatorItem indicator : result.indicators()) {
            for (AnalyticsResult.OrgUnitItem unit : result.orgUnits()) {
                int before = lines.size();
                for (Long option : r.options(item.byOption())) {
                    List<@Nullable BigDecimal> values = new ArrayList<>();
                    for (AnalyticsResult.PeriodItem period : result.periods()) {
                        values.add(r.value(indicator.id(), unit.id(), period.id(), option));
                    }
                    if (!item.byOption() || values.stream().anyMatch(v -> v != null)) {
                        List<String> labels = new ArrayList<>(List.of(indicator.name(), unit.name()));
                        if (item.byOption()) {
                            labels.add(r.option(option));
                        }
                        lines.add(new AnalyticsTable.Line(labels, values));
                    }
                }
                if (lines.size() == before) {
                    // split by option and no value at all: an empty row keeps the unit in the table
                    List<@Nullable BigDecimal> none = new ArrayList<>();
                    result.periods().forEach(p -> none.add(null));
                    lines.add(new AnalyticsTable.Line(List.of(indicator.name(), unit.name(), ""), none));
                }
            }
        }
        List<String> labelHeaders =
                new ArrayList<>(List.of(r.message("dashboard.item.indicator"), r.message("dashboard.item.orgUnit")));
        if (item.byOption()) {
            labelHeaders.add(r.message("dashboard.item.option"));
        }
        return new AnalyticsTable(
                labelHeaders,
                result.periods().stream().map(AnalyticsResult.PeriodItem::id).toList(),
                lines);
    }
}
