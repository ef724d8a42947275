package org.bluehelm.audit;

import java.time.LocalDate;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.web.ListExport;
import org.bluehelm.web.ListFile;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail and the signed tree heads, for administrators. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditApiController {

    private final AuditLog log;
    private final ListExport export;

    AuditApiController(AuditLog log, ListExport export) {
        this.log = log;
        this.export = export;
    }

    /**
     * A page of the matching entries, newest first by default; as CSV or XLSX the same file as the
     * audit screen, with every matching entry.
     */
    @GetMapping
    @ListFile
    ResponseEntity<?> entries(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String recordType,
            @RequestParam(required = false) @Nullable String recordId,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        AuditFilter filter = new AuditFilter(q, recordType, recordId, actor, from, to);
        return export.jsonOrFile(
                AuditController.EXPORT,
                () -> ListExport.allPages(
                        (p, s) -> log.entries(filter, PageQuery.of(p, s, sort, AuditLog.SORTS, "-seq"))),
                () -> log.entries(filter, PageQuery.of(page, size, sort, AuditLog.SORTS, "-seq")));
    }

    /** The latest signed tree head with the public key that checks its signature. */
    @GetMapping("/tree-heads/latest")
    TreeHeadView latest() {
        return log.latestTreeHead().orElseThrow(() -> new NotFoundException("Signed tree head", "latest"));
    }

    /** Signs a tree head over every entry so far. */
    @PostMapping("/tree-heads")
    TreeHeadView sign() {
        return log.signTreeHead();
    }
}
