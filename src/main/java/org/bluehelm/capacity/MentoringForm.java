package org.bluehelm.capacity;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The form that starts a mentoring engagement on the mentoring page. */
public class MentoringForm {

    private @Nullable String mentor;
    private @Nullable String counterpart;
    private @Nullable Long institutionId;
    private @Nullable Competency focus;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate startsOn;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate endsOn;

    MentoringCommand command() {
        return new MentoringCommand(mentor, counterpart, institutionId, focus, startsOn, endsOn);
    }

    public @Nullable String getMentor() {
        return mentor;
    }

    public void setMentor(@Nullable String mentor) {
        this.mentor = mentor;
    }

    public @Nullable String getCounterpart() {
        return counterpart;
    }

    public void setCounterpart(@Nullable String counterpart) {
        this.counterpart = counterpart;
    }

    public @Nullable Long getInstitutionId() {
        return institutionId;
    }

    public void setInstitutionId(@Nullable Long institutionId) {
        this.institutionId = institutionId;
    }

    public @Nullable Competency getFocus() {
        return focus;
    }

    public void setFocus(@Nullable Competency focus) {
        this.focus = focus;
    }

    public @Nullable LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(@Nullable LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public @Nullable LocalDate getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(@Nullable LocalDate endsOn) {
        this.endsOn = endsOn;
    }
}
