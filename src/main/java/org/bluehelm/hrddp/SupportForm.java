package org.bluehelm.hrddp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The support form of the web UI; the people responsible are usernames separated by commas or spaces. */
public class SupportForm {

    private @Nullable Long recipientInstitutionId;
    private @Nullable SupportType type;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate periodFrom;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate periodTo;

    private @Nullable Long missionId;
    private @Nullable SupportStatus status = SupportStatus.PLANNED;
    private @Nullable String description;
    private @Nullable String responsible;
    private @Nullable Integer version;

    static SupportForm of(SupportView s) {
        SupportForm form = new SupportForm();
        form.recipientInstitutionId = s.recipientInstitutionId();
        form.type = s.type();
        form.periodFrom = s.periodFrom();
        form.periodTo = s.periodTo();
        form.missionId = s.missionId();
        form.status = s.status();
        form.description = s.description();
        form.responsible = s.responsible().stream()
                .filter(u -> !u.equals(s.createdBy()))
                .reduce((a, b) -> a + ", " + b)
                .orElse(null);
        form.version = s.version();
        return form;
    }

    SupportCommand command() {
        List<String> people = new ArrayList<>();
        if (responsible != null) {
            for (String username : responsible.split("[,;\\s]+")) {
                if (!username.isBlank()) {
                    people.add(username.strip());
                }
            }
        }
        return new SupportCommand(
                recipientInstitutionId, type, periodFrom, periodTo, missionId, status, description, people);
    }

    public @Nullable Long getRecipientInstitutionId() {
        return recipientInstitutionId;
    }

    public void setRecipientInstitutionId(@Nullable Long recipientInstitutionId) {
        this.recipientInstitutionId = recipientInstitutionId;
    }

    public @Nullable SupportType getType() {
        return type;
    }

    public void setType(@Nullable SupportType type) {
        this.type = type;
    }

    public @Nullable LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public void setPeriodFrom(@Nullable LocalDate periodFrom) {
        this.periodFrom = periodFrom;
    }

    public @Nullable LocalDate getPeriodTo() {
        return periodTo;
    }

    public void setPeriodTo(@Nullable LocalDate periodTo) {
        this.periodTo = periodTo;
    }

    public @Nullable Long getMissionId() {
        return missionId;
    }

    public void setMissionId(@Nullable Long missionId) {
        this.missionId = missionId;
    }

    public @Nullable SupportStatus getStatus() {
        return status;
    }

    public void setStatus(@Nullable SupportStatus status) {
        this.status = status;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
    }

    public @Nullable String getResponsible() {
        return responsible;
    }

    public void setResponsible(@Nullable String responsible) {
        this.responsible = responsible;
    }

    public @Nullable Integer getVersion() {
        return version;
    }

    public void setVersion(@Nullable Integer version) {
        this.version = version;
    }
}
