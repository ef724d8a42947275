package org.bluehelm.evidence;

import java.util.List;

/** An event study: one coefficient per relative period (named by {@link EventStudy#label}), the reference omitted. */
public record EventStudyResult(List<Integer> periods, int reference, boolean binned, RegressionResult regression) {}
