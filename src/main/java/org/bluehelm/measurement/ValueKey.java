package org.bluehelm.measurement;

/** Where a derived total goes: an org unit and a period id (e.g. {@code 2025Q1}); no option. */
public record ValueKey(long orgUnitId, String period) {}
