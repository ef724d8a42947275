package org.bluehelm.complaint;

import org.jspecify.annotations.Nullable;

/** The public report form as typed; {@code anonymous} is "yes" (the default) or "no". */
record ReportForm(
        @Nullable String description,
        @Nullable String occurredOn,
        @Nullable String countryCode,
        @Nullable String orgUnitId,
        @Nullable String institution,
        @Nullable String category,
        @Nullable String anonymous,
        @Nullable String name,
        @Nullable String contact) {

    static ReportForm empty() {
        return new ReportForm(null, null, null, null, null, null, "yes", null, null);
    }

    public boolean isAnonymous() {
        return !"no".equals(anonymous);
    }
}
