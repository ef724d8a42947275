package org.bluehelm.lesson;

import java.util.Arrays;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/** The lesson form of the web UI; tags are typed separated by commas. */
public class LessonForm {

    private @Nullable String title;
    private @Nullable String context;
    private @Nullable String whatHappened;
    private @Nullable String lesson;
    private @Nullable String recommendation;
    private @Nullable Long missionId;
    private @Nullable String countryCode;
    private @Nullable Pillar pillar;
    private @Nullable Dimension dimension;
    private @Nullable String tags;
    private @Nullable String source;
    private @Nullable LessonLanguage language = LessonLanguage.en;
    private boolean restricted;
    private @Nullable Integer version;

    static LessonForm of(LessonView l) {
        LessonForm form = new LessonForm();
        form.title = l.title();
        form.context = l.context();
        form.whatHappened = l.whatHappened();
        form.lesson = l.lesson();
        form.recommendation = l.recommendation();
        form.missionId = l.missionId();
        form.countryCode = l.countryCode();
        form.pillar = l.pillar();
        form.dimension = l.dimension();
        form.tags = String.join(", ", l.tags());
        form.source = l.source();
        form.language = l.language();
        form.restricted = l.restricted();
        form.version = l.version();
        return form;
    }

    LessonCommand command() {
        return new LessonCommand(
                title,
                context,
                whatHappened,
                lesson,
                recommendation,
                missionId,
                countryCode,
                pillar,
                dimension,
                tags == null ? null : Arrays.asList(tags.split(",")),
                source,
                language,
                restricted);
    }

    public @Nullable String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title;
    }

    public @Nullable String getContext() {
        return context;
    }

    public void setContext(@Nullable String context) {
        this.context = context;
    }

    public @Nullable String getWhatHappened() {
        return whatHappened;
    }

    public void setWhatHappened(@Nullable String whatHappened) {
        this.whatHappened = whatHappened;
    }

    public @Nullable String getLesson() {
        return lesson;
    }

    public void setLesson(@Nullable String lesson) {
        this.lesson = lesson;
    }

    public @Nullable String getRecommendation() {
        return recommendation;
    }

    public void setRecommendation(@Nullable String recommendation) {
        this.recommendation = recommendation;
    }

    public @Nullable Long getMissionId() {
        return missionId;
    }

    public void setMissionId(@Nullable Long missionId) {
        this.missionId = missionId;
    }

    public @Nullable String getCountryCode() {
        return countryCode;
    }

    public void setCountryCode(@Nullable String countryCode) {
        this.countryCode = countryCode;
    }

    public @Nullable Pillar getPillar() {
        return pillar;
    }

    public void setPillar(@Nullable Pillar pillar) {
        this.pillar = pillar;
    }

    public @Nullable Dimension getDimension() {
        return dimension;
    }

    public void setDimension(@Nullable Dimension dimension) {
        this.dimension = dimension;
    }

    public @Nullable String getTags() {
        return tags;
    }

    public void setTags(@Nullable String tags) {
        this.tags = tags;
    }

    public @Nullable String getSource() {
        return source;
    }

    public void setSource(@Nullable String source) {
        this.source = source;
    }

    public @Nullable LessonLanguage getLanguage() {
        return language;
    }

    public void setLanguage(@Nullable LessonLanguage language) {
        this.language = language;
    }

    public boolean isRestricted() {
        return restricted;
    }

    public void setRestricted(boolean restricted) {
        this.restricted = restricted;
    }

    public @Nullable Integer getVersion() {
        return version;
    }

    public void setVersion(@Nullable Integer version) {
        this.version = version;
    }
}
