package org.bluehelm.complaint;

import java.time.OffsetDateTime;
import java.util.List;

/** What a reporter sees with their receipt: the state and the thread (staff names left out). */
public record FollowView(
        ComplaintCategory category, ComplaintState state, OffsetDateTime receivedAt, List<Message> messages) {

    public record Message(boolean fromStaff, String body, OffsetDateTime sentAt) {}
}
