package org.bluehelm.dashboard;

import org.jspecify.annotations.Nullable;

/** The dashboard form of the web UI: name, description and with whom it is shared. */
public class DashboardForm {

    private @Nullable String name;
    private @Nullable String description;
    private boolean shared;
    private @Nullable Long missionId;
    private @Nullable String countryCode;
    private @Nullable Integer version;

    static DashboardForm of(DashboardView d) {
        DashboardForm form = new DashboardForm();
        form.name = d.name();
        form.description = d.description();
        form.shared = d.shared();
        form.missionId = d.missionId();
        form.countryCode = d.countryCode();
        form.version = d.version();
        return form;
    }

    DashboardCommand command() {
        return new DashboardCommand(name, description, shared, missionId, countryCode);
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
    }

    public boolean isShared() {
        return shared;
    }

    public void setShared(boolean shared) {
        this.shared = shared;
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

    public @Nullable Integer getVersion() {
        return version;
    }

    public void setVersion(@Nullable Integer version) {
        this.version = version;
    }
}
