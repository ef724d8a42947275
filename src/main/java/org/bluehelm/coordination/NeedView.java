package org.bluehelm.coordination;

import java.util.List;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/** A recorded need with the current activities that answer it; without any it is a gap. */
public record NeedView(
        long id,
        Pillar pillar,
        @Nullable SupportKind supportKind,
        @Nullable Long institutionId,
        @Nullable String institutionName,
        @Nullable Long orgUnitId,
        @Nullable String orgUnitName,
        String countryCode,
        @Nullable Long missionId,
        String description,
        String createdBy,
        List<Answer> answeredBy,
        boolean gap) {

    public NeedView {
        answeredBy = List.copyOf(answeredBy);
        gap = answeredBy.isEmpty();
    }

    /** An activity that answers the need. */
    public record Answer(long activityId, String title) {}
}
