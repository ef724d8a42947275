package org.bluehelm.audit;

import java.time.LocalDate;
import java.util.List;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.web.Crumb;
import org.bluehelm.web.ListExport;
import org.bluehelm.web.ListLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit screen: filter the log, follow the trail of a record, see the latest signed tree head. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    /** The log as a file: the columns of the screen. */
    static final ListExport.Table<AuditEntryView> EXPORT = ListExport.Table.of(
            "audit",
            ListExport.column("audit.seq", AuditEntryView::seq),
            ListExport.column("audit.at", AuditEntryView::at),
            ListExport.column("audit.actor", AuditEntryView::actor),
            ListExport.codeLabel("audit.action", "audit.action.", AuditEntryView::action),
            ListExport.column("audit.recordType", AuditEntryView::recordType),
            ListExport.column("audit.recordId", AuditEntryView::recordId),
            ListExport.column("audit.summary", AuditEntryView::summary));

    private final AuditLog log;
    private final MessageSource messages;
    private final ListExport export;

    AuditController(AuditLog log, MessageSource messages, ListExport export) {
        this.log = log;
        this.messages = messages;
        this.export = export;
    }

    @GetMapping("/audit")
    String list(
            @RequestParam(required = false) @Nullable String recordType,
            @RequestParam(required = false) @Nullable String recordId,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            Model model) {
        AuditFilter filter = new AuditFilter(recordType, recordId, actor, from, to);
        List<AuditEntryView> entries = log.entries(filter);
        model.addAttribute("filter", filter);
        model.addAttribute("entries", entries);
        model.addAttribute("limited", entries.size() >= AuditLog.MAX_ROWS);
        model.addAttribute("trail", filter.recordType() != null && filter.recordId() != null);
        model.addAttribute("treeHead", log.latestTreeHead().orElse(null));
        model.addAttribute("links", ListLinks.fromCurrentRequest(null));
        model.addAttribute(
                "breadcrumbs",
                List.of(new Crumb(
                        messages.getMessage("audit.title", null, "Audit", LocaleContextHolder.getLocale()), null)));
        return "audit/audit";
    }

    /** The entries the filters select (the same as the screen) as CSV or XLSX. */
    @GetMapping("/audit/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable String recordType,
            @RequestParam(required = false) @Nullable String recordId,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "csv") String format) {
        AuditFilter filter = new AuditFilter(recordType, recordId, actor, from, to);
        return export.download(
                EXPORT,
                format,
                ListExport.allPages((p, s) -> log.entries(filter, PageQuery.of(p, s, null, AuditLog.SORTS, "-seq"))));
    }
}
