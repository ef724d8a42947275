package org.bluehelm.coordination;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What coordination meetings, action items and shared documents look like on the way in and out. */
public final class MeetingRecords {

    private MeetingRecords() {}

    /** A meeting to record: decisions are given in order; participants are actors. */
    public record MeetingCommand(
            @Nullable String title,
            @Nullable LocalDate heldOn,
            @Nullable String countryCode,
            @Nullable Long missionId,
            @Nullable List<Long> participantIds,
            @Nullable String agenda,
            @Nullable List<String> decisions) {}

    public record MeetingSummary(
            long id, String title, LocalDate heldOn, String countryCode, int participants, int openItems) {}

    public record MeetingView(
            long id,
            String title,
            LocalDate heldOn,
            String countryCode,
            @Nullable Long missionId,
            @Nullable String agenda,
            List<Participant> participants,
            List<String> decisions,
            List<ActionItemView> actionItems,
            String createdBy,
            int version) {}

    public record Participant(long actorId, @Nullable String name) {}

    public enum ActionStatus {
        OPEN,
        DONE,
        CANCELLED
    }

    /** An action item; its owner is a user, an actor, or both. */
    public record ActionItemCommand(
            @Nullable String text,
            @Nullable String ownerUsername,
            @Nullable Long ownerActorId,
            @Nullable LocalDate dueDate) {}

    public record ActionItemView(
            long id,
            long meetingId,
            String meetingTitle,
            String text,
            @Nullable String ownerUsername,
            @Nullable Long ownerActorId,
            @Nullable String ownerActorName,
            LocalDate dueDate,
            ActionStatus status,
            boolean overdue,
            int version) {}

    public enum DocumentKind {
        JOINT_PLAN,
        SOP,
        OTHER
    }

    public record DocumentSummary(
            long id,
            String title,
            DocumentKind kind,
            String countryCode,
            @Nullable Long missionId,
            List<DocumentVersionView> versions) {

        public DocumentVersionView latest() {
            return versions.get(0);
        }
    }

    public record DocumentVersionView(
            int number,
            String filename,
            String contentType,
            long sizeBytes,
            @Nullable String note,
            String uploadedBy,
            OffsetDateTime uploadedAt) {}

    /** A file as uploaded. */
    public record Upload(String filename, @Nullable String contentType, byte[] content) {}

    /** A stored version's bytes to send back. */
    public record Download(String filename, String contentType, byte[] content) {}
}
