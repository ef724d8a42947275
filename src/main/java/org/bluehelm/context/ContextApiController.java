package org.bluehelm.context;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/context")
@Tag(name = "Context", description = "Context assessments scored with evidence, and the strategy revision log")
class ContextApiController {

    private final ContextService context;

    ContextApiController(ContextService context) {
        this.context = context;
    }

    @GetMapping("/assessments")
    PageResponse<ContextAssessmentView> assessments(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Long mission,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return context.assessments(
                q, country, mission, PageQuery.of(page, size, sort, ContextService.ASSESSMENT_SORTS, "-assessedOn"));
    }

    @GetMapping("/assessments/{id}")
    ContextAssessmentView assessment(@PathVariable long id) {
        return context.assessment(id);
    }

    @PostMapping("/assessments")
    ResponseEntity<ContextAssessmentView> assess(@RequestBody ContextAssessmentCommand command) {
        ContextAssessmentView created = context.assess(command);
        return ResponseEntity.created(URI.create("/api/v1/context/assessments/" + created.id()))
                .body(created);
    }

    @GetMapping("/revisions")
    PageResponse<RevisionView> revisions(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Long mission,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return context.revisions(
                q, country, mission, PageQuery.of(page, size, sort, ContextService.REVISION_SORTS, "-revisedOn"));
    }

    @PostMapping("/revisions")
    ResponseEntity<RevisionView> revise(@RequestBody RevisionCommand command) {
        RevisionView created = context.revise(command);
        return ResponseEntity.created(URI.create("/api/v1/context/revisions/" + created.id()))
                .body(created);
    }
}
