package org.bluehelm.hrddp;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.bluehelm.shared.ExpectedVersion;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
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

@RestController
@RequestMapping("/api/v1/hrddp/supports")
@Tag(
        name = "HRDDP",
        description = "Human Rights Due Diligence Policy: supports to non-UN security forces, risk assessments,"
                + " monitoring and flags")
class HrddpApiController {

    private final HrddpService hrddp;

    HrddpApiController(HrddpService hrddp) {
        this.hrddp = hrddp;
    }

    @GetMapping
    PageResponse<SupportSummary> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable SupportStatus status,
            @RequestParam(required = false) @Nullable SupportType type,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Long mission,
            @RequestParam(required = false) @Nullable Long recipient,
            @RequestParam(defaultValue = "false") boolean flagged,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return hrddp.list(
                new SupportFilter(q, status, type, country, mission, recipient, flagged, mine, overdue),
                PageQuery.of(page, size, sort, HrddpService.SORTS, "-id"));
    }

    @GetMapping("/{id}")
    ResponseEntity<SupportView> get(@PathVariable long id) {
        SupportView support = hrddp.get(id);
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(support.version())).body(support);
    }

    @PostMapping
    ResponseEntity<SupportView> create(@RequestBody SupportRequest request) {
        SupportView support = hrddp.create(request.command());
        return ResponseEntity.created(URI.create("/api/v1/hrddp/supports/" + support.id()))
                .eTag(ExpectedVersion.etag(support.version()))
                .body(support);
    }

    @PutMapping("/{id}")
    ResponseEntity<SupportView> update(
            @PathVariable long id,
            @RequestBody SupportRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        SupportView support = hrddp.update(id, ExpectedVersion.of(request.version(), ifMatch), request.command());
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(support.version())).body(support);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        hrddp.delete(id, ExpectedVersion.of(version, ifMatch));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/assessments")
    List<AssessmentView> assessments(@PathVariable long id) {
        return hrddp.assessments(id);
    }

    @PostMapping("/{id}/assessments")
    ResponseEntity<AssessmentView> assess(@PathVariable long id, @RequestBody AssessmentCommand request) {
        AssessmentView assessment = hrddp.assess(id, request);
        return ResponseEntity.created(URI.create("/api/v1/hrddp/supports/" + id + "/assessments"))
                .body(assessment);
    }

    @GetMapping("/{id}/monitoring")
    List<MonitoringView> monitoring(@PathVariable long id) {
        return hrddp.monitoring(id);
    }

    @PostMapping("/{id}/monitoring")
    ResponseEntity<MonitoringView> monitor(@PathVariable long id, @RequestBody MonitoringCommand request) {
        MonitoringView entry = hrddp.monitor(id, request);
        return ResponseEntity.created(URI.create("/api/v1/hrddp/supports/" + id + "/monitoring"))
                .body(entry);
    }

    @GetMapping("/{id}/flags")
    List<FlagView> flags(@PathVariable long id) {
        return hrddp.flags(id);
    }

    @PostMapping("/{id}/flags/{flagId}/acknowledge")
    FlagView acknowledge(
            @PathVariable long id,
            @PathVariable long flagId,
            @RequestBody AcknowledgeRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return hrddp.acknowledge(id, flagId, ExpectedVersion.of(request.version(), ifMatch), request.note());
    }

    record SupportRequest(
            @Nullable Long recipientInstitutionId,
            @Nullable SupportType type,
            @Nullable LocalDate periodFrom,
            @Nullable LocalDate periodTo,
            @Nullable Long missionId,
            @Nullable SupportStatus status,
            @Nullable String description,
            @Nullable List<String> responsible,
            @Nullable Integer version) {
        SupportCommand command() {
            return new SupportCommand(
                    recipientInstitutionId, type, periodFrom, periodTo, missionId, status, description, responsible);
        }
    }

    record AcknowledgeRequest(
            @Nullable String note, @Nullable Integer version) {}
}
