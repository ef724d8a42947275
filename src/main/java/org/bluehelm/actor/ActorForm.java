package org.bluehelm.actor;

import org.jspecify.annotations.Nullable;

/** The actor form of the web UI. */
public class ActorForm {

    private @Nullable String name;
    private @Nullable String acronym;
    private @Nullable ActorCategory category;
    private @Nullable ActorType type;
    private @Nullable String countryCode;
    private @Nullable Long missionId;
    private @Nullable String website;
    private @Nullable String description;
    private @Nullable Integer version;

    static ActorForm of(ActorView a) {
        ActorForm form = new ActorForm();
        form.name = a.name();
        form.acronym = a.acronym();
        form.category = a.category();
        form.type = a.type();
        form.countryCode = a.countryCode();
        form.missionId = a.missionId();
        form.website = a.website();
        form.description = a.description();
        form.version = a.version();
        return form;
    }

    ActorCommand command() {
        return new ActorCommand(name, acronym, category, type, countryCode, missionId, website, description);
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable String getAcronym() {
        return acronym;
    }

    public void setAcronym(@Nullable String acronym) {
        this.acronym = acronym;
    }

    public @Nullable ActorCategory getCategory() {
        return category;
    }

    public void setCategory(@Nullable ActorCategory category) {
        this.category = category;
    }

    public @Nullable ActorType getType() {
        return type;
    }

    public void setType(@Nullable ActorType type) {
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

    public @Nullable String getWebsite() {
        return website;
    }

    public void setWebsite(@Nullable String website) {
        this.website = website;
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
