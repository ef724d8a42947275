package org.bluehelm.geography;

import org.jspecify.annotations.Nullable;

/** Which organisation units to list: by country, direct parent, subtree ({@code within}), level, kind or text. */
public record OrgUnitFilter(
        @Nullable String countryCode,
        @Nullable Long parentId,
        @Nullable Long within,
        @Nullable Integer level,
        @Nullable OrgUnitKind kind,
        @Nullable String search) {}
