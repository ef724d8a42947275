package org.bluehelm.hrddp;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A planned support as the user gives it. The country is the recipient's; {@code responsible} are
 * the usernames of the people responsible besides the one who created the support.
 */
public record SupportCommand(
        @Nullable Long recipientInstitutionId,
        @Nullable SupportType type,
        @Nullable LocalDate periodFrom,
        @Nullable LocalDate periodTo,
        @Nullable Long missionId,
        @Nullable SupportStatus status,
        @Nullable String description,
        @Nullable List<String> responsible) {}
