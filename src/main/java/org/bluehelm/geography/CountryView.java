package org.bluehelm.geography;

import org.jspecify.annotations.Nullable;

/** A country as shown everywhere: ISO codes and its names in English and French. */
public record CountryView(String iso3, @Nullable String iso2, String nameEn, String nameFr) {}
