package org.bluehelm.complaint;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to adding a person: the person added, or, when the name is already recorded in cases
 * the user may see, those records (and nothing added) so that the user links or creates anyway.
 */
public record PersonResult(@Nullable Long personId, List<Match> matches) {

    public PersonResult {
        matches = List.copyOf(matches);
    }

    /** A person with the same name recorded in a case the user may see. */
    public record Match(long personId, long complaintId, PersonRole role) {}
}
