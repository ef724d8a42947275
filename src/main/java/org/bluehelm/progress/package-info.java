/**
 * Progress against targets: for an indicator at an organisation unit, how far the latest aggregated
 * value has come from the baseline towards the target, whether that is on track, at risk or off
 * track compared with a straight path from the baseline to the target by today (thresholds in
 * {@code bluehelm.progress}), and which way the last periods point; the same for every indicator of
 * a programme's results chain at its locations; and the programme's reporting completeness and
 * timeliness per organisation unit and period. Read-only: it judges what indicator (baselines and
 * targets), analytics (aggregates) and measurement (when values were reported) hold, within the
 * user's scope. Dashboards, the SSR index and reports read its views through {@link
 * org.bluehelm.progress.ProgressService}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "geography", "indicator", "measurement", "analytics", "programme", "web"})
@org.jspecify.annotations.NullMarked
package org.bluehelm.progress;
