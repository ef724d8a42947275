/**
 * Peace operations: acronym, name, host countries, dates and status, the Security Council
 * resolutions of their mandate with its tasks by pillar, and their yearly deployment figures from
 * the shipped reference data (PACT mission dates, Geo-PKO, HKS 2013).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "geography", "web"})
@org.jspecify.annotations.NullMarked
package org.bluehelm.mission;
