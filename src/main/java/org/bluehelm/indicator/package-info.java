/**
 * Indicator definitions: what is measured (code, definition, unit, value type and valid range), how
 * values add up over units and periods (sum, average, last value, or a ratio of two indicators),
 * which way is better, the SSR dimension and pillar it informs, the disaggregation categories it is
 * broken down by (shared reference records such as SEX), and its baselines and targets per
 * organisation unit. An indicator belongs to a mission, a country, or the shared library.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "geography", "mission", "web"})
@org.jspecify.annotations.NullMarked
package org.bluehelm.indicator;
