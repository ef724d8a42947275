/**
 * Impact estimators on panel data (one row per unit and time): panel regression with unit, time or
 * two-way fixed effects and an event-study specification, and the synthetic control method with
 * in-space placebos. The estimators are pure computation, free of HTTP and the database; the
 * command line ({@code evidence}), the API ({@code /api/v1/evidence}) and the screens
 * ({@code /evidence}, with the method pages) run them through one mapping to JSON, on an uploaded
 * panel or a {@link org.bluehelm.evidence.PanelSource}. Correlation is not attribution: see
 * docs/evidence-estimators.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"cli", "shared", "web"})
@org.jspecify.annotations.NullMarked
package org.bluehelm.evidence;
