package org.bluehelm.complaint;

import org.jspecify.annotations.Nullable;

/** What a list of cases is narrowed to: a state, a category, an oversight body, overdue cases only. */
public record CaseFilter(
        @Nullable ComplaintState state,
        @Nullable ComplaintCategory category,
        @Nullable Long oversightBodyId,
        boolean overdueOnly) {

    public static final CaseFilter NONE = new CaseFilter(null, null, null, false);
}
