package org.bluehelm.complaint;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One complaint for staff: what was reported, its files, its thread with the reporter, the internal
 * notes, the people involved (masked), the steps it took and the steps it may take next; never an
 * identity. {@code canReveal} says whether the reader may reveal identities.
 */
public record ComplaintView(
        ComplaintSummary summary,
        String description,
        List<AttachmentView> attachments,
        List<MessageView> messages,
        List<NoteView> notes,
        List<PersonView> people,
        List<TransitionView> transitions,
        Set<ComplaintState> nextStates,
        boolean canReveal) {

    public record AttachmentView(long id, String mediaType, int sizeBytes) {}

    /** An internal note between staff; never shown to the reporter. */
    public record NoteView(String username, String body, OffsetDateTime writtenAt) {}

    /** A person involved, masked ("Person 3"), or the unit when an alleged perpetrator is one. */
    public record PersonView(
            long id,
            PersonRole role,
            @Nullable Long institutionId,
            @Nullable String institutionName,
            boolean hasName,
            @Nullable Long sameAsId) {}

    /** One step of the workflow. */
    public record TransitionView(
            @Nullable ComplaintState fromState,
            ComplaintState toState,
            String username,
            @Nullable String note,
            OffsetDateTime at) {}
}
