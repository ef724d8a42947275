package org.bluehelm.lesson;

import java.time.OffsetDateTime;
import java.util.List;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/** A lesson as stored, with the acronym of its mission. */
public record LessonView(
        long id,
        String title,
        @Nullable String context,
        @Nullable String whatHappened,
        String lesson,
        @Nullable String recommendation,
        @Nullable Long missionId,
        @Nullable String missionAcronym,
        @Nullable String countryCode,
        @Nullable Pillar pillar,
        @Nullable Dimension dimension,
        List<String> tags,
        String source,
        LessonLanguage language,
        boolean restricted,
        OffsetDateTime updatedAt,
        int version) {}
