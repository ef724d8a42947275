package org.bluehelm.measurement;

/** What saving a data entry grid did: values recorded new, values replaced, values removed. */
public record EntryResult(int created, int updated, int removed) {}
