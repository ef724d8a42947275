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
 * A time series: one line per indicator, unit (and option) that has a value in the range; the
 * table has the periods as rows and those series as columns.
 */
@Component
class TimeSeriesRenderer implements ItemRenderer {

    private final AnalyticsService analytics;
    private final MessageSource messages;

    TimeSeriesRenderer(AnalyticsService analytics, MessageSource messages) {
        this.analytics = analytics;
        this.messages = messages;
    }

    @Override
    public ItemKind kind() {
        return ItemKind.TIME_SERIES;
    }

    @Override
    public String chart() {
        return "line";
    }

    @Override
    public AnalyticsTable render(DashboardItemView item) {
        ResultLabels r = new ResultLabels(analytics.aggregate(ItemRenderer.analyticsQuery(item)), messages);
        AnalyticsResult result = r.result();
        record Series(long indicator, long unit, @Nullable Long option, String name) {}
        List<Series> series = new ArrayList<>();
        for (AnalyticsResult.IndicatorItem indicator : result.indicators()) {
            for (AnalyticsResult.OrgUnitItem unit : result.orgUnits()) {
                for (Long option : r.options(item.byOption())) {
                    boolean hasValue = result.periods().stream()
                            .anyMatch(p -> r.value(indicator.id(), unit.id(), p.id(), option) != null);
                    if (hasValue) {
                        List<String> name = new ArrayList<>();
                        if (result.indicators().size() > 1 || result.orgUnits().size() == 1) {
                            name.add(indicator.name());
                        }
                        if (result.orgUnits().size() > 1) {
                            name.add(unit.name());
                        }
                        if (item.byOption()) {
                            name.add(r.option(option));
                        }
                        series.add(new Series(indicator.id(), unit.id(), option, ResultLabels.join(name)));
                    }
                }
            }
        }
        List<AnalyticsTable.Line> lines = new ArrayList<>();
        for (AnalyticsResult.PeriodItem period : result.periods()) {
            List<@Nullable BigDecimal> values = new ArrayList<>();
            for (Series s : series) {
                values.add(r.value(s.indicator(), s.unit(), period.id(), s.option()));
            }
            lines.add(new AnalyticsTable.Line(List.of(period.id()), values));
        }
        return new AnalyticsTable(
                List.of(r.message("dashboard.item.period")),
                series.stream().map(Series::name).toList(),
                lines);
    }
}
