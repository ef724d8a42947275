package org.bluehelm.hrddp;

import org.jspecify.annotations.Nullable;

/**
 * Which supports to list: by text (in the description), status, type, country, mission, recipient;
 * {@code flagged} keeps those with an open flag, {@code mine} those the user is responsible for,
 * {@code overdue} those whose review date has passed.
 */
public record SupportFilter(
        @Nullable String search,
        @Nullable SupportStatus status,
        @Nullable SupportType type,
        @Nullable String country,
        @Nullable Long missionId,
        @Nullable Long recipientInstitutionId,
        boolean flagged,
        boolean mine,
        boolean overdue) {}
