/**
 * Countries (ISO 3166 alpha-3 with English and French names, loaded from the shipped reference
 * file) and organisation units: the hierarchy of areas (country, region, district, ...) and of
 * institution units against which data are entered, each with its level and materialised path.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
@org.jspecify.annotations.NullMarked
package org.bluehelm.geography;
