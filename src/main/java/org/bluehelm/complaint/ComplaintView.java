package org.bluehelm.complaint;

import java.util.List;

/** One complaint for staff: what was reported, its files and its thread, never the identity. */
public record ComplaintView(
        ComplaintSummary summary, String description, List<AttachmentView> attachments, List<MessageView> messages) {

    public record AttachmentView(long id, String mediaType, int sizeBytes) {}
}
