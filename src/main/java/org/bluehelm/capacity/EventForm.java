package org.bluehelm.capacity;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The training event form of the web UI. */
public class EventForm {

    private @Nullable Long courseId;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate startsOn;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate endsOn;

    private @Nullable Long locationOrgUnitId;
    private @Nullable String deliveredBy;
    private @Nullable Integer nationalTrainers = 0;
    private @Nullable Integer internationalTrainers = 0;
    private @Nullable Integer version;

    static EventForm of(EventView e) {
        EventForm form = new EventForm();
        form.courseId = e.courseId();
        form.startsOn = e.startsOn();
        form.endsOn = e.endsOn();
        form.locationOrgUnitId = e.locationOrgUnitId();
        form.deliveredBy = e.deliveredBy();
        form.nationalTrainers = e.nationalTrainers();
        form.internationalTrainers = e.internationalTrainers();
        form.version = e.version();
        return form;
    }

    EventCommand command() {
        return new EventCommand(
                courseId, startsOn, endsOn, locationOrgUnitId, deliveredBy, nationalTrainers, internationalTrainers);
    }

    public @Nullable Long getCourseId() {
        return courseId;
    }

    public void setCourseId(@Nullable Long courseId) {
        this.courseId = courseId;
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

    public @Nullable Long getLocationOrgUnitId() {
        return locationOrgUnitId;
    }

    public void setLocationOrgUnitId(@Nullable Long locationOrgUnitId) {
        this.locationOrgUnitId = locationOrgUnitId;
    }

    public @Nullable String getDeliveredBy() {
        return deliveredBy;
    }

    public void setDeliveredBy(@Nullable String deliveredBy) {
        this.deliveredBy = deliveredBy;
    }

    public @Nullable Integer getNationalTrainers() {
        return nationalTrainers;
    }

    public void setNationalTrainers(@Nullable Integer nationalTrainers) {
        this.nationalTrainers = nationalTrainers;
    }

    public @Nullable Integer getInternationalTrainers() {
        return internationalTrainers;
    }

    public void setInternationalTrainers(@Nullable Integer internationalTrainers) {
        this.internationalTrainers = internationalTrainers;
    }

    public @Nullable Integer getVersion() {
        return version;
    }

    public void setVersion(@Nullable Integer version) {
        this.version = version;
    }
}
