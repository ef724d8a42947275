package org.bluehelm.complaint;

import java.time.OffsetDateTime;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Published when a case is closed as substantiated. It names the institutions or units implicated
 * (the institution complained about and every alleged perpetrator unit), never a person, so that
 * other modules (human rights due diligence) can react without reading case data.
 */
public record CaseSubstantiated(
        long caseId,
        ComplaintCategory category,
        @Nullable String countryCode,
        Set<Long> implicatedInstitutionIds,
        OffsetDateTime closedAt) {

    public CaseSubstantiated {
        implicatedInstitutionIds = Set.copyOf(implicatedInstitutionIds);
    }
}
