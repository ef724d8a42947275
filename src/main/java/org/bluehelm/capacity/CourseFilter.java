package org.bluehelm.capacity;

import org.jspecify.annotations.Nullable;

/** Which courses to list: by text (title or curriculum), competency, target institution, country. */
public record CourseFilter(
        @Nullable String search,
        @Nullable Competency competency,
        @Nullable Long institutionId,
        @Nullable String country) {}
