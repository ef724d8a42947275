package org.bluehelm.geography;

import org.jspecify.annotations.Nullable;

/** An organisation unit with where it sits in its hierarchy. */
public record OrgUnitView(
        long id,
        String code,
        String name,
        OrgUnitKind kind,
        @Nullable Long parentId,
        int level,
        String path,
        String countryCode,
        int version) {}
