package org.bluehelm.ssrindex;

import java.util.List;

/** The weights of the index's indicators in the user's scope, by dimension then code. */
public record WeightList(List<IndicatorWeight> weights) {}
