package org.bluehelm.context;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The strategy revision form. */
public class RevisionForm {

    private @Nullable String countryCode;
    private @Nullable Long missionId;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate revisedOn;

    private @Nullable String whatChanged;
    private @Nullable String reason;
    private @Nullable Long riskId;
    private @Nullable Long assessmentId;

    RevisionCommand command() {
        return new RevisionCommand(countryCode, missionId, revisedOn, whatChanged, reason, riskId, assessmentId);
    }

    public @Nullable String getCountryCode() {
        return countryCode;
    }

    public void setCountryCode(@Nullable String countryCode) {
        this.countryCode = countryCode;
    }

    public @Nullable Long getMissionId() {
        return missionId;
    }

    public void setMissionId(@Nullable Long missionId) {
        this.missionId = missionId;
    }

    public @Nullable LocalDate getRevisedOn() {
        return revisedOn;
    }

    public void setRevisedOn(@Nullable LocalDate revisedOn) {
        this.revisedOn = revisedOn;
    }

    public @Nullable String getWhatChanged() {
        return whatChanged;
    }

    public void setWhatChanged(@Nullable String whatChanged) {
        this.whatChanged = whatChanged;
    }

    public @Nullable String getReason() {
        return reason;
    }

    public void setReason(@Nullable String reason) {
        this.reason = reason;
    }

    public @Nullable Long getRiskId() {
        return riskId;
    }

    public void setRiskId(@Nullable Long riskId) {
        this.riskId = riskId;
    }

    public @Nullable Long getAssessmentId() {
        return assessmentId;
    }

    public void setAssessmentId(@Nullable Long assessmentId) {
        this.assessmentId = assessmentId;
    }
}
