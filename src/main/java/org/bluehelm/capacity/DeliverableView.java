package org.bluehelm.capacity;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A deliverable with its milestones by due date; {@code overdue} milestones are PENDING past their date. */
public record DeliverableView(
        long id,
        String title,
        DeliverableKind kind,
        long institutionId,
        String institutionName,
        DeliverableStatus status,
        @Nullable Long missionId,
        String countryCode,
        List<Milestone> milestones,
        long milestonesDone,
        long milestonesOverdue,
        int version) {

    public record Milestone(
            long id,
            String title,
            LocalDate dueOn,
            MilestoneStatus status,
            @Nullable LocalDate doneOn,
            boolean overdue) {}
}
