/**
 * Impact estimators on panel data (one row per unit and time): panel regression with unit, time or
 * two-way fixed effects and an event-study specification, and the synthetic control method with
 * in-space placebos. Pure computation, free of HTTP and the database, so that the command line
 * ({@code evidence}), the API and the screens can call it alike. Correlation is not attribution:
 * see docs/evidence-estimators.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"cli", "shared", "web"})
@org.jspecify.annotations.NullMarked
package org.bluehelm.evidence;
