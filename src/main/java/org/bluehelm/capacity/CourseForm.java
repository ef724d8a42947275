package org.bluehelm.capacity;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The course form of the web UI. */
public class CourseForm {

    private @Nullable String title;
    private @Nullable Competency competency;
    private @Nullable String curriculum;
    private @Nullable Integer durationDays;
    private @Nullable Long targetInstitutionId;
    private List<RankLevel> rankLevels = new ArrayList<>();
    private @Nullable String description;
    private @Nullable Integer version;

    static CourseForm of(CourseView c) {
        CourseForm form = new CourseForm();
        form.title = c.title();
        form.competency = c.competency();
        form.curriculum = c.curriculum();
        form.durationDays = c.durationDays();
        form.targetInstitutionId = c.targetInstitutionId();
        form.rankLevels = new ArrayList<>(c.rankLevels());
        form.description = c.description();
        form.version = c.version();
        return form;
    }

    CourseCommand command() {
        return new CourseCommand(
                title, competency, curriculum, durationDays, targetInstitutionId, rankLevels, description);
    }

    public @Nullable String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title;
    }

    public @Nullable Competency getCompetency() {
        return competency;
    }

    public void setCompetency(@Nullable Competency competency) {
        this.competency = competency;
    }

    public @Nullable String getCurriculum() {
        return curriculum;
    }

    public void setCurriculum(@Nullable String curriculum) {
        this.curriculum = curriculum;
    }

    public @Nullable Integer getDurationDays() {
        return durationDays;
    }

    public void setDurationDays(@Nullable Integer durationDays) {
        this.durationDays = durationDays;
    }

    public @Nullable Long getTargetInstitutionId() {
        return targetInstitutionId;
    }

    public void setTargetInstitutionId(@Nullable Long targetInstitutionId) {
        this.targetInstitutionId = targetInstitutionId;
    }

    public List<RankLevel> getRankLevels() {
        return rankLevels;
    }

    public void setRankLevels(@Nullable List<RankLevel> rankLevels) {
        this.rankLevels = rankLevels == null ? new ArrayList<>() : rankLevels;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
    }

    public @Nullable Integer getVersion() {
        return version;
    }

    public void setVersion(@Nullable Integer version) {
        this.version = version;
    }
}
