package org.bluehelm.ssrindex;

import java.math.BigDecimal;
import java.util.List;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.shared.PeriodType;
import org.jspecify.annotations.Nullable;

/** The composite index of one organisation unit (or institution) over consecutive periods, for charts. */
public record SsrIndexSeries(
        SsrIndex.OrgUnitItem orgUnit,
        SsrIndex.@Nullable InstitutionItem institution,
        PeriodType periodType,
        List<Point> points) {

    public record Point(
            SsrIndex.PeriodItem period,
            @Nullable BigDecimal score,
            SsrIndex.Coverage coverage,
            List<DimensionPoint> dimensions) {}

    public record DimensionPoint(
            Dimension dimension, @Nullable BigDecimal score, SsrIndex.Coverage coverage) {}
}
