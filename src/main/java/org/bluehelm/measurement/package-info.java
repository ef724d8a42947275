/**
 * Data values: the number recorded for an indicator, an organisation unit, a period (DHIS2 period
 * id) and optionally one option of the indicator's disaggregation categories, with who stored it
 * and when. Values are checked against the indicator (type, range, options, place) and the user's
 * scope, recorded one at a time or in all-or-nothing batches, and listed by indicator, unit (or
 * subtree) and period. Each value carries the indicator's mission and the unit's country.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "geography", "mission", "indicator", "web"})
@org.jspecify.annotations.NullMarked
package org.bluehelm.measurement;
