package org.bluehelm.institution;

import java.util.ArrayList;
import java.util.List;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/** The institution form of the web UI; blank strength rows are ignored. */
public class InstitutionForm {

    static final int BLANK_ROWS = 2;

    private @Nullable String name;
    private @Nullable String acronym;
    private @Nullable Pillar pillar;
    private @Nullable String countryCode;
    private @Nullable Long missionId;
    private @Nullable Long parentId;
    private @Nullable Long orgUnitId;
    private @Nullable String description;
    private List<StrengthRow> strength = new ArrayList<>();
    private @Nullable Integer version;

    static InstitutionForm of(InstitutionView i) {
        InstitutionForm form = new InstitutionForm();
        form.name = i.name();
        form.acronym = i.acronym();
        form.pillar = i.pillar();
        form.countryCode = i.countryCode();
        form.missionId = i.missionId();
        form.parentId = i.parentId();
        form.orgUnitId = i.orgUnitId();
        form.description = i.description();
        i.strength().forEach(s -> form.strength.add(new StrengthRow(s.year(), s.authorised(), s.actual())));
        form.version = i.version();
        return form.withBlankRows();
    }

    /** Drops the empty rows and adds {@link #BLANK_ROWS} new ones, so that row numbers match the errors. */
    InstitutionForm withBlankRows() {
        strength.removeIf(StrengthRow::isBlank);
        for (int i = 0; i < BLANK_ROWS; i++) {
            strength.add(new StrengthRow());
        }
        return this;
    }

    InstitutionCommand command() {
        return new InstitutionCommand(
                name,
                acronym,
                pillar,
                countryCode,
                missionId,
                parentId,
                orgUnitId,
                description,
                strength.stream()
                        .filter(s -> !s.isBlank())
                        .map(s -> new InstitutionCommand.Strength(s.getYear(), s.getAuthorised(), s.getActual()))
                        .toList());
    }

    /** The strength rows as one line each, to compare two versions of the form. */
    String strengthText() {
        return String.join(
                "; ",
                strength.stream()
                        .filter(s -> !s.isBlank())
                        .map(s -> s.getYear() + ": " + s.getAuthorised() + " / "
                                + (s.getActual() == null ? "–" : s.getActual()))
                        .toList());
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

    public @Nullable Pillar getPillar() {
        return pillar;
    }

    public void setPillar(@Nullable Pillar pillar) {
        this.pillar = pillar;
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

    public @Nullable Long getParentId() {
        return parentId;
    }

    public void setParentId(@Nullable Long parentId) {
        this.parentId = parentId;
    }

    public @Nullable Long getOrgUnitId() {
        return orgUnitId;
    }

    public void setOrgUnitId(@Nullable Long orgUnitId) {
        this.orgUnitId = orgUnitId;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
    }

    public List<StrengthRow> getStrength() {
        return strength;
    }

    public void setStrength(List<StrengthRow> strength) {
        this.strength = strength;
    }

    public @Nullable Integer getVersion() {
        return version;
    }

    public void setVersion(@Nullable Integer version) {
        this.version = version;
    }

    /** Authorised and actual strength in one year. */
    public static class StrengthRow {
        private @Nullable Integer year;
        private @Nullable Integer authorised;
        private @Nullable Integer actual;

        public StrengthRow() {}

        StrengthRow(@Nullable Integer year, @Nullable Integer authorised, @Nullable Integer actual) {
            this.year = year;
            this.authorised = authorised;
            this.actual = actual;
        }

        boolean isBlank() {
            return year == null && authorised == null && actual == null;
        }

        public @Nullable Integer getYear() {
            return year;
        }

        public void setYear(@Nullable Integer year) {
            this.year = year;
        }

        public @Nullable Integer getAuthorised() {
            return authorised;
        }

        public void setAuthorised(@Nullable Integer authorised) {
            this.authorised = authorised;
        }

        public @Nullable Integer getActual() {
            return actual;
        }

        public void setActual(@Nullable Integer actual) {
            this.actual = actual;
        }
    }
}
