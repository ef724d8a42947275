package org.bluehelm.capacity;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import org.bluehelm.shared.ExpectedVersion;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.web.ListExport;
import org.bluehelm.web.ListFile;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/capacity")
@Tag(name = "Capacity", description = "Mentoring engagements and technical-assistance deliverables")
class AssistanceApiController {

    private final AssistanceService assistance;

    private final ListExport export;

    AssistanceApiController(AssistanceService assistance, ListExport export) {
        this.assistance = assistance;
        this.export = export;
    }

    record MentoringRequest(
            @Nullable String mentor,
            @Nullable String counterpart,
            @Nullable Long institutionId,
            @Nullable Competency focus,
            @Nullable LocalDate startsOn,
            @Nullable LocalDate endsOn,
            @Nullable Integer version) {

        MentoringCommand command() {
            return new MentoringCommand(mentor, counterpart, institutionId, focus, startsOn, endsOn);
        }
    }

    record DeliverableRequest(
            @Nullable String title,
            @Nullable DeliverableKind kind,
            @Nullable Long institutionId,
            @Nullable DeliverableStatus status,
            @Nullable Integer version) {

        DeliverableCommand command() {
            return new DeliverableCommand(title, kind, institutionId, status);
        }
    }

    @GetMapping("/mentoring")
    @ListFile
    ResponseEntity<?> mentoring(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long institution,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return export.jsonOrFile(
                AssistanceController.MENTORING,
                () -> ListExport.allPages((p, s) -> assistance.mentoring(
                        q, institution, PageQuery.of(p, s, sort, AssistanceService.MENTORING_SORTS, "-startsOn"))),
                () -> assistance.mentoring(
                        q,
                        institution,
                        PageQuery.of(page, size, sort, AssistanceService.MENTORING_SORTS, "-startsOn")));
    }

    @GetMapping("/mentoring/{id}")
    ResponseEntity<MentoringView> mentoringEngagement(@PathVariable long id) {
        MentoringView m = assistance.mentoringEngagement(id);
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(m.version())).body(m);
    }

    @PostMapping("/mentoring")
    ResponseEntity<MentoringView> createMentoring(@RequestBody MentoringRequest request) {
        MentoringView m = assistance.createMentoring(request.command());
        return ResponseEntity.created(URI.create("/api/v1/capacity/mentoring/" + m.id()))
                .eTag(ExpectedVersion.etag(m.version()))
                .body(m);
    }

    @PutMapping("/mentoring/{id}")
    ResponseEntity<MentoringView> updateMentoring(
            @PathVariable long id,
            @RequestBody MentoringRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        MentoringView m =
                assistance.updateMentoring(id, ExpectedVersion.of(request.version(), ifMatch), request.command());
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(m.version())).body(m);
    }

    @PostMapping("/mentoring/{id}/sessions")
    ResponseEntity<MentoringView> addSession(@PathVariable long id, @RequestBody SessionCommand request) {
        MentoringView m = assistance.addSession(id, request);
        return ResponseEntity.created(URI.create("/api/v1/capacity/mentoring/" + id))
                .eTag(ExpectedVersion.etag(m.version()))
                .body(m);
    }

    @GetMapping("/deliverables")
    @ListFile
    ResponseEntity<?> deliverables(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long institution,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return export.jsonOrFile(
                AssistanceController.DELIVERABLES,
                () -> ListExport.allPages((p, s) -> assistance.deliverables(
                        q, institution, PageQuery.of(p, s, sort, AssistanceService.DELIVERABLE_SORTS, "-id"))),
                () -> assistance.deliverables(
                        q, institution, PageQuery.of(page, size, sort, AssistanceService.DELIVERABLE_SORTS, "-id")));
    }

    @GetMapping("/deliverables/{id}")
    ResponseEntity<DeliverableView> deliverable(@PathVariable long id) {
        DeliverableView d = assistance.deliverable(id);
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(d.version())).body(d);
    }

    @PostMapping("/deliverables")
    ResponseEntity<DeliverableView> createDeliverable(@RequestBody DeliverableRequest request) {
        DeliverableView d = assistance.createDeliverable(request.command());
        return ResponseEntity.created(URI.create("/api/v1/capacity/deliverables/" + d.id()))
                .eTag(ExpectedVersion.etag(d.version()))
                .body(d);
    }

    @PutMapping("/deliverables/{id}")
    ResponseEntity<DeliverableView> updateDeliverable(
            @PathVariable long id,
            @RequestBody DeliverableRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        DeliverableView d =
                assistance.updateDeliverable(id, ExpectedVersion.of(request.version(), ifMatch), request.command());
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(d.version())).body(d);
    }

    @PostMapping("/deliverables/{id}/milestones")
    ResponseEntity<DeliverableView> addMilestone(@PathVariable long id, @RequestBody MilestoneCommand request) {
        DeliverableView d = assistance.addMilestone(id, request);
        return ResponseEntity.created(URI.create("/api/v1/capacity/deliverables/" + id))
                .eTag(ExpectedVersion.etag(d.version()))
                .body(d);
    }

    @PutMapping("/deliverables/{id}/milestones/{milestoneId}")
    DeliverableView updateMilestone(
            @PathVariable long id, @PathVariable long milestoneId, @RequestBody MilestoneCommand request) {
        return assistance.updateMilestone(id, milestoneId, request);
    }
}
