package org.bluehelm.geography;

import org.jspecify.annotations.Nullable;

/** What a user sends to create or change an organisation unit. */
public record OrgUnitCommand(
        @Nullable String code,
        @Nullable String name,
        @Nullable OrgUnitKind kind,
        @Nullable Long parentId,
        @Nullable String countryCode) {}
