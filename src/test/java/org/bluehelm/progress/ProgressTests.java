package org.bluehelm.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bluehelm.indicator.Direction;
import org.junit.jupiter.api.Test;

class ProgressTests {

    /** The documented defaults: on track from 90% of what is expected, at risk from 60%, 6 periods, 5%. */
    private final ProgressJudge judge = new ProgressJudge(new ProgressProperties(0.9, 0.6, 6, 0.05, 15));

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void percentAchievedMeasuresTheWayFromBaselineToTargetInBothDirections() {
        // higher is better: 100 -> 200, at 150 half the way is covered
        assertThat(ProgressJudge.percent(ProgressJudge.achieved(d("100"), d("200"), d("150"))))
                .isEqualByComparingTo("50");
        // lower is better: 30 -> 20, at 25 half the way is covered, at 18 more than all of it
        assertThat(ProgressJudge.percent(ProgressJudge.achieved(d("30"), d("20"), d("25"))))
                .isEqualByComparingTo("50");
        assertThat(ProgressJudge.percent(ProgressJudge.achieved(d("30"), d("20"), d("18"))))
                .isEqualByComparingTo("120");
        // not clamped: worse than the baseline is negative, in either direction
        assertThat(ProgressJudge.percent(ProgressJudge.achieved(d("100"), d("200"), d("90"))))
                .isEqualByComparingTo("-10");
        assertThat(ProgressJudge.percent(ProgressJudge.achieved(d("30"), d("20"), d("33"))))
                .isEqualByComparingTo("-30");
        // one decimal
        assertThat(ProgressJudge.percent(ProgressJudge.achieved(d("0"), d("3"), d("1"))))
                .isEqualByComparingTo("33.3");
        // a level to hold has no way to cover
        assertThat(ProgressJudge.achieved(d("50"), d("50"), d("55"))).isNull();
    }

    @Test
    void theExpectedShareGrowsInAStraightLineFromTheBaselineToTheTarget() {
        LocalDate baselineEnd = LocalDate.of(2020, 12, 31);
        LocalDate targetEnd = LocalDate.of(2024, 12, 31);
        assertThat(ProgressJudge.expected(baselineEnd, targetEnd, LocalDate.of(2019, 6, 1)))
                .isZero();
        assertThat(ProgressJudge.expected(baselineEnd, targetEnd, baselineEnd)).isZero();
        assertThat(ProgressJudge.expected(baselineEnd, targetEnd, LocalDate.of(2022, 12, 31)))
                .isCloseTo(730.0 / 1461, within(1e-9));
        assertThat(ProgressJudge.expected(baselineEnd, targetEnd, targetEnd)).isEqualTo(1);
        assertThat(ProgressJudge.expected(baselineEnd, targetEnd, LocalDate.of(2030, 1, 1)))
                .isEqualTo(1);
        // a target that does not end after its baseline is due at once
        assertThat(ProgressJudge.expected(targetEnd, baselineEnd, baselineEnd)).isEqualTo(1);
    }

    @Test
    void theStatusComparesWhatIsAchievedWithWhatIsExpectedAtTheThresholds() {
        // halfway through the time: 50% expected, so on track from 45%, at risk from 30%
        double half = 0.5;
        assertThat(judge.status(d("0"), d("100"), d("45"), Direction.HIGHER_IS_BETTER, half))
                .isEqualTo(ProgressStatus.ON_TRACK);
        assertThat(judge.status(d("0"), d("100"), d("44.9"), Direction.HIGHER_IS_BETTER, half))
                .isEqualTo(ProgressStatus.AT_RISK);
        assertThat(judge.status(d("0"), d("100"), d("30"), Direction.HIGHER_IS_BETTER, half))
                .isEqualTo(ProgressStatus.AT_RISK);
        assertThat(judge.status(d("0"), d("100"), d("29.9"), Direction.HIGHER_IS_BETTER, half))
                .isEqualTo(ProgressStatus.OFF_TRACK);
        // the same thresholds when lower is better: 80 -> 50, 45% of the way is 66.5
        assertThat(judge.status(d("80"), d("50"), d("66.5"), Direction.LOWER_IS_BETTER, half))
                .isEqualTo(ProgressStatus.ON_TRACK);
        assertThat(judge.status(d("80"), d("50"), d("70"), Direction.LOWER_IS_BETTER, half))
                .isEqualTo(ProgressStatus.AT_RISK);
        assertThat(judge.status(d("80"), d("50"), d("85"), Direction.LOWER_IS_BETTER, half))
                .isEqualTo(ProgressStatus.OFF_TRACK);
        // once the target period is over, all of the way is expected; a met target is on track
        assertThat(judge.status(d("0"), d("100"), d("95"), Direction.HIGHER_IS_BETTER, 1))
                .isEqualTo(ProgressStatus.ON_TRACK);
        assertThat(judge.status(d("0"), d("100"), d("80"), Direction.HIGHER_IS_BETTER, 1))
                .isEqualTo(ProgressStatus.AT_RISK);
        assertThat(judge.status(d("0"), d("100"), d("120"), Direction.HIGHER_IS_BETTER, 1))
                .isEqualTo(ProgressStatus.ON_TRACK);
        // before the baseline period ends nothing is expected, but a slide below the baseline is not on track
        assertThat(judge.status(d("0"), d("100"), d("0"), Direction.HIGHER_IS_BETTER, 0))
                .isEqualTo(ProgressStatus.ON_TRACK);
        assertThat(judge.status(d("0"), d("100"), d("-1"), Direction.HIGHER_IS_BETTER, 0))
                .isEqualTo(ProgressStatus.OFF_TRACK);
        // a level to hold: met or not, read with the direction
        assertThat(judge.status(d("50"), d("50"), d("49"), Direction.LOWER_IS_BETTER, half))
                .isEqualTo(ProgressStatus.ON_TRACK);
        assertThat(judge.status(d("50"), d("50"), d("49"), Direction.HIGHER_IS_BETTER, half))
                .isEqualTo(ProgressStatus.OFF_TRACK);
    }

    @Test
    void thresholdsComeFromTheProperties() {
        ProgressJudge strict = new ProgressJudge(new ProgressProperties(1.0, 0.8, 6, 0.05, 15));
        assertThat(strict.status(d("0"), d("100"), d("45"), Direction.HIGHER_IS_BETTER, 0.5))
                .isEqualTo(ProgressStatus.AT_RISK);
        assertThat(strict.status(d("0"), d("100"), d("39"), Direction.HIGHER_IS_BETTER, 0.5))
                .isEqualTo(ProgressStatus.OFF_TRACK);
        assertThatThrownBy(() -> new ProgressProperties(0.6, 0.9, 6, 0.05, 15))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at-risk < on-track");
        assertThatThrownBy(() -> new ProgressProperties(0.9, 0.6, 2, 0.05, 15)).hasMessageContaining("trend-periods");
    }

    private static List<ProgressJudge.IndexedValue> points(double... values) {
        List<ProgressJudge.IndexedValue> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                points.add(new ProgressJudge.IndexedValue(i, values[i]));
            }
        }
        return points;
    }

    @Test
    void theTrendIsTheLeastSquaresSlopeReadWithTheDirection() {
        List<ProgressJudge.IndexedValue> rising = points(10, 12, 13, 15, 17, 18);
        assertThat(ProgressJudge.slope(rising)).isCloseTo(1.6286, within(1e-4));
        assertThat(judge.trend(rising, 6, d("50"), Direction.HIGHER_IS_BETTER)).isEqualTo(TrendLabel.IMPROVING);
        assertThat(judge.trend(rising, 6, d("-50"), Direction.LOWER_IS_BETTER)).isEqualTo(TrendLabel.WORSENING);

        List<ProgressJudge.IndexedValue> falling = points(30, 28, 27, 25, 22, 21);
        assertThat(judge.trend(falling, 6, d("-10"), Direction.LOWER_IS_BETTER)).isEqualTo(TrendLabel.IMPROVING);
        assertThat(judge.trend(falling, 6, d("10"), Direction.HIGHER_IS_BETTER)).isEqualTo(TrendLabel.WORSENING);
    }

    @Test
    void aTrendThatMovesLessThanTheStableShareOfTheDistanceIsStable() {
        // slope 0.1 a period: 0.5 across six periods, 1% of a distance of 50, 25% of a distance of 2
        List<ProgressJudge.IndexedValue> flat = points(40, 40.1, 40.2, 40.3, 40.4, 40.5);
        assertThat(judge.trend(flat, 6, d("50"), Direction.HIGHER_IS_BETTER)).isEqualTo(TrendLabel.STABLE);
        assertThat(judge.trend(flat, 6, d("2"), Direction.HIGHER_IS_BETTER)).isEqualTo(TrendLabel.IMPROVING);
        // without a target, against the mean size of the values (40.25: 5% is about 2)
        assertThat(judge.trend(flat, 6, null, Direction.HIGHER_IS_BETTER)).isEqualTo(TrendLabel.STABLE);
        assertThat(judge.trend(points(0, 0, 0), 6, null, Direction.HIGHER_IS_BETTER))
                .isEqualTo(TrendLabel.STABLE);
    }

    @Test
    void periodsWithoutAValueAreLeftOutAndThreeValuesAreNeeded() {
        // gaps keep their place in time: 10 at 0, 14 at 2 and 20 at 5 lie on a line of slope 2
        List<ProgressJudge.IndexedValue> gaps = points(10, Double.NaN, 14, Double.NaN, Double.NaN, 20);
        assertThat(ProgressJudge.slope(gaps)).isCloseTo(2.0, within(1e-9));
        assertThat(judge.trend(points(10, 20), 6, d("10"), Direction.HIGHER_IS_BETTER))
                .isEqualTo(TrendLabel.TOO_FEW_POINTS);
        assertThat(ProgressJudge.slope(points(10, 20))).isNull();
    }

    @Test
    void theLowestListedLocationsReportForThemselvesAndTheUnitsBelow() {
        var county = unit(1, "/1/");
        var district = unit(2, "/1/2/");
        var other = unit(3, "/3/");
        var unit10 = unit(10, "/10/");
        assertThat(ProgressService.lowest(List.of(county, district, other, unit10)))
                .containsExactly(district, other, unit10);
    }

    private static org.bluehelm.geography.OrgUnitView unit(long id, String path) {
        return new org.bluehelm.geography.OrgUnitView(
                id,
                "U" + id,
                "Unit " + id,
                org.bluehelm.geography.OrgUnitKind.AREA,
                null,
                path.split("/").length - 1,
                path,
                "LBR",
                1);
    }
}
