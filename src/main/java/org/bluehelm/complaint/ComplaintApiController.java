package org.bluehelm.complaint;

import java.net.URI;
import java.util.Map;
import org.bluehelm.shared.AccessScope;
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

/**
 * Cases for staff who may see them (see {@link CaseAccess}; others get 404): never an identity
 * unless revealed. Steps, people and notes are posted to the case; a stale {@code version} is a 409.
 */
@RestController
@RequestMapping("/api/v1/complaints")
class ComplaintApiController {

    private final ComplaintService complaints;
    private final CaseService cases;

    ComplaintApiController(ComplaintService complaints, CaseService cases) {
        this.complaints = complaints;
        this.cases = cases;
    }

    @GetMapping
    PageResponse<ComplaintSummary> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable ComplaintState state,
            @RequestParam(required = false) @Nullable ComplaintCategory category,
            @RequestParam(required = false) @Nullable Long oversightBodyId,
            @RequestParam(required = false) boolean overdue) {
        return complaints.list(
                AccessScope.current(),
                new CaseFilter(state, category, oversightBodyId, overdue),
                PageQuery.of(page, size, sort, ComplaintService.SORTS, "-receivedAt"));
    }

    /** Creates a case on behalf of staff (source STAFF). */
    @PostMapping
    ResponseEntity<ComplaintView> create(@RequestBody CaseCommands.CreateCase request) {
        long id = cases.create(request, AccessScope.current());
        return ResponseEntity.created(URI.create("/api/v1/complaints/" + id))
                .body(complaints.get(id, AccessScope.current()));
    }

    @GetMapping("/{id}")
    ComplaintView get(@PathVariable long id) {
        return complaints.get(id, AccessScope.current());
    }

    /** Moves the case one step of the workflow. */
    @PostMapping("/{id}/transitions")
    ComplaintView move(@PathVariable long id, @RequestBody CaseCommands.MoveCase request) {
        cases.move(id, request, AccessScope.current());
        return complaints.get(id, AccessScope.current());
    }

    /** Records the result of the case's referral. */
    @PostMapping("/{id}/referral-result")
    ComplaintView referralResult(@PathVariable long id, @RequestBody Map<String, Object> request) {
        Object version = request.get("version");
        Object result = request.get("referralResult");
        cases.recordReferralResult(
                id,
                version instanceof Number n ? n.intValue() : null,
                result == null ? null : result.toString(),
                AccessScope.current());
        return complaints.get(id, AccessScope.current());
    }

    /** Adds a person involved; when the name is already recorded, answers the matches and adds nothing. */
    @PostMapping("/{id}/people")
    PersonResult addPerson(@PathVariable long id, @RequestBody CaseCommands.AddPerson request) {
        return cases.addPerson(id, request, AccessScope.current());
    }

    @PostMapping("/{id}/people/{personId}/reveal")
    PersonIdentity revealPerson(@PathVariable long id, @PathVariable long personId) {
        return cases.revealPerson(id, personId, AccessScope.current());
    }

    @PostMapping("/{id}/notes")
    ComplaintView addNote(@PathVariable long id, @RequestBody Map<String, String> request) {
        cases.addNote(id, request.get("note"), AccessScope.current());
        return complaints.get(id, AccessScope.current());
    }

    /** Decrypts the reporter's name and contact; recorded with who and when. */
    @PostMapping("/{id}/reveal")
    IdentityView reveal(@PathVariable long id) {
        return complaints.reveal(id, AccessScope.current());
    }
}
