package org.bluehelm.coordination;

import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/** The form that records a need on the gaps page. */
public class NeedForm {

    private @Nullable Pillar pillar;
    private @Nullable SupportKind supportKind;
    private @Nullable Long institutionId;
    private @Nullable Long orgUnitId;
    private @Nullable String countryCode;
    private @Nullable Long missionId;
    private @Nullable String description;

    NeedCommand command() {
        return new NeedCommand(pillar, supportKind, institutionId, orgUnitId, countryCode, missionId, description);
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

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
    }
}
