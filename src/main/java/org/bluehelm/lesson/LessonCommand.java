package org.bluehelm.lesson;

import java.util.List;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/**
 * What a user sends to record or change a lesson. Title, lesson, source and language are required;
 * a mission, when given, sets the country to one it is hosted in.
 */
public record LessonCommand(
        @Nullable String title,
        @Nullable String context,
        @Nullable String whatHappened,
        @Nullable String lesson,
        @Nullable String recommendation,
        @Nullable Long missionId,
        @Nullable String countryCode,
        @Nullable Pillar pillar,
        @Nullable Dimension dimension,
        @Nullable List<String> tags,
        @Nullable String source,
        @Nullable LessonLanguage language,
        @Nullable Boolean restricted) {}
