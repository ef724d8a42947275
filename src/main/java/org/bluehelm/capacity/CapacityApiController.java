package org.bluehelm.capacity;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.bluehelm.shared.ExpectedVersion;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.web.ListExport;
import org.bluehelm.web.ListFile;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/capacity")
@Tag(
        name = "Capacity",
        description = "Capacity building: course catalogue, training events and rosters, personnel registry")
class CapacityApiController {

    private final CourseService courses;
    private final TrainingService training;

    private final ListExport export;

    CapacityApiController(CourseService courses, TrainingService training, ListExport export) {
        this.export = export;
        this.courses = courses;
        this.training = training;
    }

    record CourseRequest(
            @Nullable String title,
            @Nullable Competency competency,
            @Nullable String curriculum,
            @Nullable Integer durationDays,
            @Nullable Long targetInstitutionId,
            @Nullable List<RankLevel> rankLevels,
            @Nullable String description,
            @Nullable Integer version) {

        CourseCommand command() {
            return new CourseCommand(
                    title, competency, curriculum, durationDays, targetInstitutionId, rankLevels, description);
        }
    }

    record EventRequest(
            @Nullable Long courseId,
            @Nullable LocalDate startsOn,
            @Nullable LocalDate endsOn,
            @Nullable Long locationOrgUnitId,
            @Nullable String deliveredBy,
            @Nullable Integer nationalTrainers,
            @Nullable Integer internationalTrainers,
            @Nullable Integer version) {

        EventCommand command() {
            return new EventCommand(
                    courseId,
                    startsOn,
                    endsOn,
                    locationOrgUnitId,
                    deliveredBy,
                    nationalTrainers,
                    internationalTrainers);
        }
    }

    record InServiceRequest(boolean inService, @Nullable Integer version) {}

    // ---------------------------------------------------------------- courses

    @GetMapping("/courses")
    PageResponse<CourseView> courses(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Competency competency,
            @RequestParam(required = false) @Nullable Long institution,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return courses.list(
                new CourseFilter(q, competency, institution, country),
                PageQuery.of(page, size, sort, CourseService.SORTS, "title"));
    }

    @GetMapping("/courses/{id}")
    ResponseEntity<CourseView> course(@PathVariable long id) {
        CourseView course = courses.get(id);
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(course.version())).body(course);
    }

    @PostMapping("/courses")
    ResponseEntity<CourseView> createCourse(@RequestBody CourseRequest request) {
        CourseView course = courses.create(request.command());
        return ResponseEntity.created(URI.create("/api/v1/capacity/courses/" + course.id()))
                .eTag(ExpectedVersion.etag(course.version()))
                .body(course);
    }

    @PutMapping("/courses/{id}")
    ResponseEntity<CourseView> updateCourse(
            @PathVariable long id,
            @RequestBody CourseRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        CourseView course = courses.update(id, ExpectedVersion.of(request.version(), ifMatch), request.command());
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(course.version())).body(course);
    }

    @DeleteMapping("/courses/{id}")
    ResponseEntity<Void> deleteCourse(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        courses.delete(id, ExpectedVersion.of(version, ifMatch));
        return ResponseEntity.noContent().build();
    }

    // ---------------------------------------------------------------- events

    @GetMapping("/events")
    PageResponse<EventView> events(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long course,
            @RequestParam(required = false) @Nullable Long institution,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return training.events(
                q, course, institution, PageQuery.of(page, size, sort, TrainingService.EVENT_SORTS, "-startsOn"));
    }

    @GetMapping("/events/{id}")
    ResponseEntity<EventView> event(@PathVariable long id) {
        EventView event = training.event(id);
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(event.version())).body(event);
    }

    @PostMapping("/events")
    ResponseEntity<EventView> createEvent(@RequestBody EventRequest request) {
        EventView event = training.createEvent(request.command());
        return ResponseEntity.created(URI.create("/api/v1/capacity/events/" + event.id()))
                .eTag(ExpectedVersion.etag(event.version()))
                .body(event);
    }

    @PutMapping("/events/{id}")
    ResponseEntity<EventView> updateEvent(
            @PathVariable long id,
            @RequestBody EventRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        EventView event = training.updateEvent(id, ExpectedVersion.of(request.version(), ifMatch), request.command());
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(event.version())).body(event);
    }

    @DeleteMapping("/events/{id}")
    ResponseEntity<Void> deleteEvent(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        training.deleteEvent(id, ExpectedVersion.of(version, ifMatch));
        return ResponseEntity.noContent().build();
    }

    /**
     * The participants of an event; as CSV or XLSX the same file as the event page, with service
     * numbers and names only for a user who may reveal them (each reveal is audited).
     */
    @GetMapping("/events/{id}/participants")
    @ListFile
    ResponseEntity<?> participants(@PathVariable long id) {
        return export.jsonOrFile(
                CapacityController.participantTable(training.mayReveal()),
                () -> CapacityController.participantRows(training, id),
                () -> training.participants(id));
    }

    @PutMapping("/events/{id}/participants/{participantId}")
    ParticipantView recordParticipant(
            @PathVariable long id, @PathVariable long participantId, @RequestBody ParticipantCommand request) {
        return training.recordParticipant(id, participantId, request);
    }

    /** A roster as CSV or XLSX (by the file name's extension); {@code dryRun} only checks it. */
    @PostMapping(path = "/events/{id}/roster", consumes = "multipart/form-data")
    RosterReport importRoster(
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            String name = file.getOriginalFilename() == null ? "roster.csv" : file.getOriginalFilename();
            return training.importRoster(id, RosterFiles.read(name, in), dryRun);
        }
    }

    // ---------------------------------------------------------------- personnel

    @GetMapping("/people/{id}")
    PersonView person(@PathVariable long id) {
        return training.person(id);
    }

    @PutMapping("/people/{id}/in-service")
    PersonView inService(
            @PathVariable long id,
            @RequestBody InServiceRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return training.setInService(id, ExpectedVersion.of(request.version(), ifMatch), request.inService());
    }

    /** The person's service number and name; recorded in the audit log. */
    @PostMapping("/people/{id}/reveal")
    PersonIdentity reveal(@PathVariable long id) {
        return training.reveal(id);
    }
}
