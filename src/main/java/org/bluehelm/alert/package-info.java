/**
 * Alerts: rules per indicator that watch the data as it arrives, and the alerts they raise. A rule
 * fires when a unit's total for a period (for a RATIO indicator, the unit's numerator over its
 * denominator) crosses a threshold (THRESHOLD), when it is worse than the unit's total for the
 * previous period of the same type by more than a percentage, worse following the indicator's
 * direction (DETERIORATION), or when no value has arrived some days after a period ended (MISSING,
 * checked by a daily job). Values are evaluated after the data entry has committed,
 * so an alert can never undo or fail a data write. There is at most one alert per rule, unit and
 * period: a new breach updates it, a value that no longer breaches resolves it. Alerts carry the
 * data's mission and country, so users see (and are mailed, when SMTP is configured) only the alerts
 * in their scope. Reads measurement's {@code data_value} table directly, read-only, as analytics does.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "indicator", "measurement", "geography", "identity", "web"})
@org.jspecify.annotations.NullMarked
package org.bluehelm.alert;
