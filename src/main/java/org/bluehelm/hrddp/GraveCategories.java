package org.bluehelm.hrddp;

import java.util.Set;
import org.bluehelm.complaint.ComplaintCategory;

/**
 * The complaint categories that count as grave violations under the Human Rights Due Diligence
 * Policy: a substantiated case in one of them raises a flag on the supports it implicates.
 * Corruption, discrimination and "other" do not (they matter, but are not what HRDDP screens for).
 */
public final class GraveCategories {

    public static final Set<ComplaintCategory> ALL = Set.of(
            ComplaintCategory.EXCESSIVE_FORCE,
            ComplaintCategory.SGBV,
            ComplaintCategory.ARBITRARY_ARREST_DETENTION,
            ComplaintCategory.TORTURE_ILL_TREATMENT);

    private GraveCategories() {}

    public static boolean isGrave(ComplaintCategory category) {
        return ALL.contains(category);
    }
}
