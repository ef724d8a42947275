package org.bluehelm.measurement;

/** A value as stored, and whether it was new (created) or replaced an earlier value. */
public record RecordedValue(DataValueView value, boolean created) {}
