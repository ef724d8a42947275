package org.bluehelm.institution;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a user sends to create or change an oversight body. {@code institutionIds} replaces the
 * institutions it oversees that the user can see; links to institutions outside the user's scope
 * are kept as they are.
 */
public record OversightBodyCommand(
        @Nullable String name,
        @Nullable OversightBodyType type,
        @Nullable String countryCode,
        @Nullable Long missionId,
        @Nullable String mandate,
        @Nullable Boolean independent,
        @Nullable LocalDate establishedOn,
        @Nullable List<Long> institutionIds) {}
