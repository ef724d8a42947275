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
 * Bars by organisation unit: the table has every unit of the query as a row and one column per
 * indicator, period (and option) that has a value; the chart groups the columns' bars by unit.
 */
@Component
class BarsByOrgUnitRenderer implements ItemRenderer {

    private final AnalyticsService analytics;
    private final MessageSource messages;

    BarsByOrgUnitRenderer(AnalyticsService analytics, MessageSource messages) {
        this.analytics = analytics;
        this.messages = messages;
    }

    @Override
    public ItemKind kind() {
        return ItemKind.BARS_BY_ORG_UNIT;
    }

    @Override
    public String chart() {
        return "bar";
    }

    @Override
    public AnalyticsTable render(DashboardItemView item) {
        ResultLabels r = new ResultLabels(analytics.aggregate(ItemRenderer.analyticsQuery(item)), messages);
        AnalyticsResult result = r.result();
        record Column(
                long indicator, String period, @Nullable Long option, String name) {}
        List<Column> columns = new ArrayList<>();
        for (AnalyticsResult.IndicatorItem indicator : result.indicators()) {
            for (AnalyticsResult.PeriodItem period : result.periods()) {
                for (Long option : r.options(item.byOption())) {
                    boolean hasValue = result.orgUnits().stream()
                            .anyMatch(u -> r.value(indicator.id(), u.id(), period.id(), option) != null);
                    if (hasValue) {
                        List<String> name = new ArrayList<>();
                        if (result.indicators().size() > 1 || result.periods().size() == 1) {
                            name.add(indicator.name());
                        }
                        if (result.periods().size() > 1) {
                            name.add(period.id());
                        }
                        if (item.byOption()) {
                            name.add(r.option(option));
                        }
                        columns.add(new Column(indicator.id(), period.id(), option, ResultLabels.join(name)));
                    }
                }
            }
        }
        List<AnalyticsTable.Line> lines = new ArrayList<>();
        for (AnalyticsResult.OrgUnitItem unit : result.orgUnits()) {
            List<@Nullable BigDecimal> values = new ArrayList<>();
            for (Column c : columns) {
                values.add(r.value(c.indicator(), unit.id(), c.period(), c.option()));
            }
            lines.add(new AnalyticsTable.Line(List.of(unit.name()), values));
        }
        return new AnalyticsTable(
                List.of(r.message("dashboard.item.orgUnit")),
                columns.stream().map(Column::name).toList(),
                lines);
    }
}
