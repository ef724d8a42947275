package org.bluehelm.indicator;

/** A value an indicator starts from (baseline) or should reach by a period (target). */
public enum BenchmarkKind {
    BASELINE,
    TARGET
}
