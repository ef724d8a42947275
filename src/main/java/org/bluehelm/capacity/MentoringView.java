package org.bluehelm.capacity;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A mentoring engagement with its sessions, oldest first, and the change from the first rating to the latest. */
public record MentoringView(
        long id,
        String mentor,
        String counterpart,
        long institutionId,
        String institutionName,
        Competency focus,
        LocalDate startsOn,
        @Nullable LocalDate endsOn,
        @Nullable Long missionId,
        String countryCode,
        List<Session> sessions,
        @Nullable Integer latestRating,
        @Nullable Integer progress,
        int version) {

    public record Session(
            long id, LocalDate heldOn, int rating, @Nullable String note) {}
}
