package org.bluehelm.complaint;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One message of a complaint's thread; {@code username} is the staff member (null from the public). */
public record MessageView(boolean fromStaff, @Nullable String username, String body, OffsetDateTime sentAt) {}
