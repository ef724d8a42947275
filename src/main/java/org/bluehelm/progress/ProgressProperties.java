package org.bluehelm.progress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How progress is judged ({@code bluehelm.progress.*}); the method page and the README explain
 * them to users.
 *
 * @param onTrack on track when the share of the way achieved is at least this part of the share
 *     expected by now (0.9)
 * @param atRisk at risk when it is at least this part, off track below (0.6)
 * @param trendPeriods how many periods the trend looks back over, the latest included (6)
 * @param stableChange a trend is stable when the fitted line moves, over those periods, by less
 *     than this part of the distance from baseline to target (0.05)
 * @param reportingDueDays values are timely when stored at most this many days after their period
 *     ends (15)
 */
@ConfigurationProperties("bluehelm.progress")
record ProgressProperties(
        @DefaultValue("0.9") double onTrack,
        @DefaultValue("0.6") double atRisk,
        @DefaultValue("6") int trendPeriods,
        @DefaultValue("0.05") double stableChange,
        @DefaultValue("15") int reportingDueDays) {

    ProgressProperties {
        if (!(atRisk > 0 && atRisk < onTrack && onTrack <= 1)) {
            throw new IllegalArgumentException("bluehelm.progress: need 0 < at-risk < on-track <= 1, got at-risk "
                    + atRisk + " and on-track " + onTrack);
        }
        if (trendPeriods < 3 || trendPeriods > 60) {
            throw new IllegalArgumentException(
                    "bluehelm.progress.trend-periods must be between 3 and 60, got " + trendPeriods);
        }
        if (!(stableChange >= 0 && stableChange < 1)) {
            throw new IllegalArgumentException(
                    "bluehelm.progress.stable-change must be at least 0 and below 1, got " + stableChange);
        }
        if (reportingDueDays < 0 || reportingDueDays > 366) {
            throw new IllegalArgumentException(
                    "bluehelm.progress.reporting-due-days must be between 0 and 366, got " + reportingDueDays);
        }
    }
}
