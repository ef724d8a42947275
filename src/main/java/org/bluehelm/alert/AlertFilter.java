package org.bluehelm.alert;

import org.jspecify.annotations.Nullable;

/** Which alerts to list: by state, indicator, organisation unit (exactly) and rule. */
public record AlertFilter(
        @Nullable AlertState state,
        @Nullable Long indicatorId,
        @Nullable Long orgUnitId,
        @Nullable Long ruleId) {}
