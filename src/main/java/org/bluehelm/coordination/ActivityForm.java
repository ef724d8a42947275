package org.bluehelm.coordination;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The activity form of the web UI. */
public class ActivityForm {

    private @Nullable String title;
    private @Nullable Long programmeId;
    private @Nullable Long actorId;
    private @Nullable ActorRole actorRole;
    private @Nullable Pillar pillar;
    private @Nullable SupportKind supportKind;
    private @Nullable Long institutionId;
    private @Nullable Long orgUnitId;
    private @Nullable String countryCode;
    private @Nullable Long missionId;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate startDate;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate endDate;

    private @Nullable ActivityStatus status = ActivityStatus.PLANNED;
    private @Nullable BigDecimal budgetAmount;
    private @Nullable String budgetCurrency;
    private @Nullable String iatiIdentifier;
    private @Nullable String description;
    private @Nullable Integer version;

    static ActivityForm of(ActivityView a) {
        ActivityForm form = new ActivityForm();
        form.title = a.title();
        form.programmeId = a.programmeId();
        form.actorId = a.actorId();
        form.actorRole = a.actorRole();
        form.pillar = a.pillar();
        form.supportKind = a.supportKind();
        form.institutionId = a.institutionId();
        form.orgUnitId = a.orgUnitId();
        form.countryCode = a.countryCode();
        form.missionId = a.missionId();
        form.startDate = a.startDate();
        form.endDate = a.endDate();
        form.status = a.status();
        form.budgetAmount = a.budgetAmount();
        form.budgetCurrency = a.budgetCurrency();
        form.iatiIdentifier = a.iatiIdentifier();
        form.description = a.description();
        form.version = a.version();
        return form;
    }

    ActivityCommand command() {
        return new ActivityCommand(
                title,
                programmeId,
                actorId,
                actorRole,
                pillar,
                supportKind,
                institutionId,
                orgUnitId,
                countryCode,
                missionId,
                startDate,
                endDate,
                status,
                budgetAmount,
                budgetCurrency,
                iatiIdentifier,
                description);
    }

    public @Nullable String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title;
    }

    public @Nullable Long getProgrammeId() {
        return programmeId;
    }

    public void setProgrammeId(@Nullable Long programmeId) {
        this.programmeId = programmeId;
    }

    public @Nullable Long getActorId() {
        return actorId;
    }

    public void setActorId(@Nullable Long actorId) {
        this.actorId = actorId;
    }

    public @Nullable ActorRole getActorRole() {
        return actorRole;
    }

    public void setActorRole(@Nullable ActorRole actorRole) {
        this.actorRole = actorRole;
    }

    public @Nullable Pillar getPillar() {
        return pillar;
    }

    public void setPillar(@Nullable Pillar pillar) {
        this.pillar = pillar;
    }

    public @Nullable SupportKind getSupportKind() {
        return supportKind;
    }

    public void setSupportKind(@Nullable SupportKind supportKind) {
        this.supportKind = supportKind;
    }

    public @Nullable Long getInstitutionId() {
        return institutionId;
    }

    public void setInstitutionId(@Nullable Long institutionId) {
        this.institutionId = institutionId;
    }

    public @Nullable Long getOrgUnitId() {
        return orgUnitId;
    }

    public void setOrgUnitId(@Nullable Long orgUnitId) {
        this.orgUnitId = orgUnitId;
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

    public @Nullable LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(@Nullable LocalDate startDate) {
        this.startDate = startDate;
    }

    public @Nullable LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(@Nullable LocalDate endDate) {
        this.endDate = endDate;
    }

    public @Nullable ActivityStatus getStatus() {
        return status;
    }

    public void setStatus(@Nullable ActivityStatus status) {
        this.status = status;
    }

    public @Nullable BigDecimal getBudgetAmount() {
        return budgetAmount;
    }

    public void setBudgetAmount(@Nullable BigDecimal budgetAmount) {
        this.budgetAmount = budgetAmount;
    }

    public @Nullable String getBudgetCurrency() {
        return budgetCurrency;
    }

    public void setBudgetCurrency(@Nullable String budgetCurrency) {
        this.budgetCurrency = budgetCurrency;
    }

    public @Nullable String getIatiIdentifier() {
        return iatiIdentifier;
    }

    public void setIatiIdentifier(@Nullable String iatiIdentifier) {
        this.iatiIdentifier = iatiIdentifier;
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
