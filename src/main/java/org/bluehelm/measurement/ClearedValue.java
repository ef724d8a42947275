package org.bluehelm.measurement;

/** A stored value that the user emptied in a data entry grid: its id and the version the user read. */
public record ClearedValue(long id, int version) {}
