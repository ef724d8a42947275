package org.bluehelm.institution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The oversight body form of the web UI; the overseen institutions come from checkboxes. */
public class OversightBodyForm {

    private @Nullable String name;
    private @Nullable OversightBodyType type;
    private @Nullable String countryCode;
    private @Nullable Long missionId;
    private @Nullable String mandate;
    private @Nullable Boolean independent;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate establishedOn;

    private List<Long> institutionIds = new ArrayList<>();
    private @Nullable Integer version;

    static OversightBodyForm of(OversightBodyView b) {
        OversightBodyForm form = new OversightBodyForm();
        form.name = b.name();
        form.type = b.type();
        form.countryCode = b.countryCode();
        form.missionId = b.missionId();
        form.mandate = b.mandate();
        form.independent = b.independent();
        form.establishedOn = b.establishedOn();
        form.institutionIds = new ArrayList<>(b.institutionIds());
        form.version = b.version();
        return form;
    }

    OversightBodyCommand command() {
        return new OversightBodyCommand(
                name,
                type,
                countryCode,
                missionId,
                mandate,
                independent,
                establishedOn,
                institutionIds.stream().filter(Objects::nonNull).toList());
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable OversightBodyType getType() {
        return type;
    }

    public void setType(@Nullable OversightBodyType type) {
        this.type = type;
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

    public @Nullable String getMandate() {
        return mandate;
    }

    public void setMandate(@Nullable String mandate) {
        this.mandate = mandate;
    }

    public @Nullable Boolean getIndependent() {
        return independent;
    }

    public void setIndependent(@Nullable Boolean independent) {
        this.independent = independent;
    }

    public @Nullable LocalDate getEstablishedOn() {
        return establishedOn;
    }

    public void setEstablishedOn(@Nullable LocalDate establishedOn) {
        this.establishedOn = establishedOn;
    }

    public List<Long> getInstitutionIds() {
        return institutionIds;
    }

    public void setInstitutionIds(@Nullable List<Long> institutionIds) {
        this.institutionIds = institutionIds == null ? new ArrayList<>() : new ArrayList<>(institutionIds);
    }

    public @Nullable Integer getVersion() {
        return version;
    }

    public void setVersion(@Nullable Integer version) {
        this.version = version;
    }
}
