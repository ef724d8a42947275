package org.bluehelm.indicator;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a user sends to create or change a disaggregation category; a missing sort order follows the list. */
public record CategoryCommand(
        @Nullable String code,
        @Nullable String name,
        @Nullable List<OptionCommand> options) {

    public record OptionCommand(
            @Nullable String code,
            @Nullable String name,
            @Nullable Integer sortOrder) {}
}
