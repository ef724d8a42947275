package org.bluehelm.complaint;

import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Complaints for staff in scope (administrators, mission managers): never the identity unless revealed. */
@RestController
@RequestMapping("/api/v1/complaints")
class ComplaintApiController {

    private final ComplaintService complaints;

    ComplaintApiController(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @GetMapping
    PageResponse<ComplaintSummary> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return complaints.list(
                AccessScope.current(), PageQuery.of(page, size, sort, ComplaintService.SORTS, "-receivedAt"));
    }

    @GetMapping("/{id}")
    ComplaintView get(@PathVariable long id) {
        return complaints.get(id, AccessScope.current());
    }

    /** Decrypts the reporter's name and contact; recorded with who and when. */
    @PostMapping("/{id}/reveal")
    IdentityView reveal(@PathVariable long id) {
        return complaints.reveal(id, AccessScope.current());
    }
}
