package org.bluehelm.report;

import java.util.List;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.web.Crumb;
import org.bluehelm.web.FormErrors;
import org.bluehelm.web.ListExport;
import org.bluehelm.web.ListLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reports in the browser: the list of kept reports with their downloads, the form that generates
 * one now for a programme, a mission or a country in the user's scope, and the subject's schedule.
 * The form's subject is one value, {@code PROGRAMME:12}, {@code MISSION:3} or {@code COUNTRY:LBR}.
 */
@Controller
class ReportController {

    private final ReportService reports;
    private final MessageSource messages;

    /** The kept reports as a file: the columns of the list, with period and language. */
    static final ListExport.Table<StoredReport> EXPORT = ListExport.Table.of(
            "reports",
            ListExport.column("report.col.title", StoredReport::title),
            ListExport.column("report.period", StoredReport::period),
            ListExport.codeLabel("report.language", "report.language.", StoredReport::language),
            ListExport.column("report.col.createdAt", StoredReport::createdAt),
            ListExport.column("report.col.createdBy", StoredReport::createdBy),
            ListExport.column("report.kind.scheduled", StoredReport::scheduled));

    private final ListExport export;

    ReportController(ReportService reports, MessageSource messages, ListExport export) {
        this.export = export;
        this.reports = reports;
        this.messages = messages;
    }

    /** A subject picked on the screen. */
    record Picked(ReportSubject.Kind kind, String id) {
        public String value() {
            return kind.name() + ":" + id;
        }

        static @Nullable Picked parse(@Nullable String subject, @Nullable Long programme) {
            if (subject != null && subject.contains(":")) {
                String kind = subject.substring(0, subject.indexOf(':'));
                String id = subject.substring(subject.indexOf(':') + 1).strip();
                for (ReportSubject.Kind k : ReportSubject.Kind.values()) {
                    if (k.name().equalsIgnoreCase(kind) && !id.isEmpty()) {
                        return new Picked(k, id);
                    }
                }
            }
            return programme == null ? null : new Picked(ReportSubject.Kind.PROGRAMME, String.valueOf(programme));
        }
    }

    /** The reports the list shows (in the user's scope) as CSV or XLSX. */
    @GetMapping("/reports/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable Long programme,
            @RequestParam(defaultValue = "csv") String format) {
        Picked picked = Picked.parse(subject, programme);
        return export.download(
                EXPORT,
                format,
                ListExport.allPages((p, s) -> reports.list(
                        null,
                        picked == null ? null : picked.kind(),
                        picked == null ? null : picked.id(),
                        PageQuery.of(p, s, null, ReportService.SORTS, "-createdAt"))));
    }

    @GetMapping("/reports")
    String list(
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable Long programme,
            Model model) {
        prepare(model, Picked.parse(subject, programme));
        return "report/list";
    }

    @PostMapping("/reports")
    String generate(
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable Long programmeId,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String language,
            Model model,
            RedirectAttributes redirect) {
        Picked picked = Picked.parse(subject, programmeId);
        ReportService.GenerateReport command = command(picked, period, language);
        try {
            StoredReport report = reports.generate(command);
            redirect.addFlashAttribute("generated", report.id());
            return "redirect:/reports?subject=" + report.subjectKind().name() + ":" + report.subjectId();
        } catch (InvalidInputException e) {
            model.addAttribute("problems", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
            model.addAttribute("form", new Form(picked == null ? null : picked.value(), period, language));
            prepare(model, picked);
            return "report/list";
        }
    }

    private static ReportService.GenerateReport command(
            @Nullable Picked picked, @Nullable String period, @Nullable String language) {
        if (picked == null) {
            return new ReportService.GenerateReport(null, period, language);
        }
        return switch (picked.kind()) {
            case PROGRAMME -> new ReportService.GenerateReport(programmeId(picked.id()), null, null, period, language);
            case MISSION -> new ReportService.GenerateReport(null, programmeId(picked.id()), null, period, language);
            case COUNTRY -> new ReportService.GenerateReport(null, null, picked.id(), period, language);
        };
    }

    private static long programmeId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new org.bluehelm.shared.NotFoundException("report subject", id);
        }
    }

    @PostMapping("/reports/schedules/{kind}/{id}")
    String schedule(
            @PathVariable String kind,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String frequency,
            @RequestParam(required = false) @Nullable String language,
            @RequestParam(required = false) @Nullable Integer keepLast,
            @RequestParam(required = false) @Nullable Integer version,
            Model model,
            RedirectAttributes redirect) {
        Picked picked = new Picked(ReportApiController.kind(kind), id);
        try {
            ReportSchedule s = reports.setSchedule(picked.kind(), id, frequency, language, keepLast, version);
            redirect.addFlashAttribute("scheduleSaved", true);
            return "redirect:/reports?subject=" + s.subjectKind().name() + ":" + s.subjectId();
        } catch (InvalidInputException e) {
            model.addAttribute("scheduleProblems", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
            prepare(model, picked);
            return "report/list";
        } catch (org.bluehelm.shared.ConflictException e) {
            model.addAttribute("scheduleConflict", true);
            prepare(model, picked);
            return "report/list";
        }
    }

    @GetMapping("/reports/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return ReportApiController.ReportDownload.of(reports, id, true);
    }

    @GetMapping("/reports/{id}.html")
    ResponseEntity<byte[]> html(@PathVariable long id) {
        return ReportApiController.ReportDownload.of(reports, id, false);
    }

    /** The form's values: the subject picked ({@code KIND:id}), period and language. */
    record Form(
            @Nullable String subject,
            @Nullable String period,
            @Nullable String language) {}

    private List<StoredReport> listed(@Nullable Picked picked) {
        return picked == null ? reports.list(null, null) : reports.list(picked.kind(), picked.id());
    }

    private void prepare(Model model, @Nullable Picked picked) {
        List<ReportSubjects.Choice> choices = reports.choices();
        model.addAttribute("choices", choices);
        model.addAttribute(
                "selectedLabel",
                picked == null
                        ? null
                        : choices.stream()
                                .filter(c -> c.value().equals(picked.value()))
                                .map(ReportSubjects.Choice::label)
                                .findFirst()
                                .orElse(picked.value()));
        model.addAttribute("reports", listed(picked));
        model.addAttribute("links", ListLinks.fromCurrentRequest(null));
        model.addAttribute("selected", picked);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Form(picked == null ? null : picked.value(), null, null));
        }
        if (picked != null) {
            try {
                reports.schedule(picked.kind(), picked.id()).ifPresent(s -> model.addAttribute("schedule", s));
            } catch (RuntimeException e) {
                // a subject outside the scope: no schedule shown
                model.addAttribute("selected", null);
            }
        }
        model.addAttribute(
                "breadcrumbs",
                List.of(new Crumb(messages.getMessage("report.title", null, LocaleContextHolder.getLocale()), null)));
    }
}
