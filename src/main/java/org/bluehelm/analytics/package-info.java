/**
 * Analytics, the read side of measurement: aggregates of indicator values by organisation unit (at
 * any level of the hierarchy, or the children of a unit), period (any period type, rolled up from
 * finer ones) and disaggregation option, with sums, averages, last values, ratios and formulas
 * over indicators, restricted to what the user may see. Served from rollup tables that are kept
 * up to date in the same transaction as every data value write (no nightly batch) and can be
 * rebuilt from the data values at any time; see docs/adr/0004-analytics-rollups.md. Small cells of
 * the indicators that ask for it are suppressed for public and partner users (docs/accountability.md).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "geography", "indicator", "measurement", "mission", "web"})
@org.jspecify.annotations.NullMarked
package org.bluehelm.analytics;
