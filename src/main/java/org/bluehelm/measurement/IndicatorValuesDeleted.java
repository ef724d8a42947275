package org.bluehelm.measurement;

/** Every data value of an indicator was deleted at once (published inside the deleting transaction). */
public record IndicatorValuesDeleted(long indicatorId) {}
