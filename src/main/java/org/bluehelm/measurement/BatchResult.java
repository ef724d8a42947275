package org.bluehelm.measurement;

import java.util.List;

/** The outcome of an all-or-nothing batch: how many values were new and how many replaced, in input order. */
public record BatchResult(int created, int updated, List<DataValueView> values) {}
