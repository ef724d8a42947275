/**
 * Country-year outcomes and the reference panel: governance and security outcome series from the
 * shipped datasets (World Bank WGI, V-Dem, WJP, CPIA) and those users upload, harmonised to ISO
 * 3166 alpha-3 in one place ({@code CountryCodes}), each with the source to cite; the country-year
 * panel that joins them to peacekeeping presence and size (PACT mission dates, Geo-PKO and HKS
 * deployments from the mission module), offered to the estimators as a {@code PanelSource}; and the
 * case comparison of a host country before, during and after its missions against its region and
 * chosen comparison countries. Descriptive figures: correlation is not attribution.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "mission", "evidence", "audit", "web"})
@org.jspecify.annotations.NullMarked
package org.bluehelm.outcome;
