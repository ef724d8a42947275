package org.bluehelm.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.bluehelm.analytics.AnalyticsTable;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.ssrindex.SsrIndexSeries;
import org.bluehelm.ssrindex.SsrIndexService;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The SSR composite index of the item's organisation unit over its period range: one line per
 * period with the overall score and the score of each dimension, and the coverage (indicators with
 * data of those applicable) beside them, as the index screen shows it. The item's indicators are
 * not used: the index takes every indicator of each dimension.
 */
@Component
class IndexRenderer implements ItemRenderer {

    private final SsrIndexService index;
    private final MessageSource messages;

    IndexRenderer(SsrIndexService index, MessageSource messages) {
        this.index = index;
        this.messages = messages;
    }

    @Override
    public ItemKind kind() {
        return ItemKind.INDEX;
    }

    @Override
    public String chart() {
        return "line";
    }

    @Override
    public AnalyticsTable render(DashboardItemView item) {
        if (item.orgUnit() == null) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "orgUnit", "is required for the SSR index", "dashboard.validation.orgUnitForIndex", List.of())));
        }
        SsrIndexSeries series = index.series(item.orgUnit(), null, item.periodType(), item.from(), item.to());
        List<Dimension> dimensions = series.points().isEmpty()
                ? List.of()
                : series.points().get(0).dimensions().stream()
                        .map(SsrIndexSeries.DimensionPoint::dimension)
                        .toList();
        List<String> valueHeaders = new ArrayList<>();
        valueHeaders.add(message("dashboard.index.overall"));
        dimensions.forEach(d -> valueHeaders.add(message("indicator.dimension." + d.name())));
        List<AnalyticsTable.Line> lines = new ArrayList<>();
        for (SsrIndexSeries.Point point : series.points()) {
            List<@Nullable BigDecimal> values = new ArrayList<>();
            values.add(point.score());
            point.dimensions().forEach(d -> values.add(d.score()));
            lines.add(new AnalyticsTable.Line(
                    List.of(
                            point.period().id(),
                            message(
                                    "dashboard.index.coverage",
                                    point.coverage().covered(),
                                    point.coverage().applicable())),
                    values));
        }
        return new AnalyticsTable(
                List.of(message("dashboard.item.period"), message("dashboard.index.coverageHeader")),
                valueHeaders,
                lines);
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
