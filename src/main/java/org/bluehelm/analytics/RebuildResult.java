package org.bluehelm.analytics;

/** What a rebuild of the rollups did: rows written, units and periods known, and how long it took. */
public record RebuildResult(long rollupRows, int orgUnits, int periods, long millis) {}
