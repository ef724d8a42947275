package org.bluehelm.report;

import java.util.List;
import org.bluehelm.programme.ProgrammeService;
import org.bluehelm.programme.ProgrammeSummary;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.web.Crumb;
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
 * one now, and a programme's schedule.
 */
@Controller
class ReportController {

    private static final int MAX_PROGRAMMES = 200;

    private final ReportService reports;
    private final ProgrammeService programmes;
    private final MessageSource messages;

    /** The kept reports as a file: the columns of the list, with period and language. */
    static final ListExport.Table<StoredReport> EXPORT = ListExport.Table.of(
            "reports",
            ListExport.column("report.col.title", StoredReport::title),
            ListExport.column("report.period", StoredReport::period),
            ListExport.column("report.language", StoredReport::language),
            ListExport.column("report.col.createdAt", StoredReport::createdAt),
            ListExport.column("report.col.createdBy", StoredReport::createdBy),
            ListExport.column("report.kind.scheduled", StoredReport::scheduled));

    private final ListExport export;

    ReportController(ReportService reports, ProgrammeService programmes, MessageSource messages, ListExport export) {
        this.export = export;
        this.reports = reports;
        this.programmes = programmes;
        this.messages = messages;
    }

    /** The reports the list shows (in the user's scope) as CSV or XLSX. */
    @GetMapping("/reports/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable Long programme,
            @RequestParam(defaultValue = "csv") String format) {
        return export.download(EXPORT, format, reports.list(programme));
    }

    @GetMapping("/reports")
    String list(@RequestParam(required = false) @Nullable Long programme, Model model) {
        prepare(model, programme);
        return "report/list";
    }

    @PostMapping("/reports")
    String generate(
            @RequestParam(required = false) @Nullable Long programmeId,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String language,
            Model model,
            RedirectAttributes redirect) {
        try {
            StoredReport report = reports.generate(new ReportService.GenerateReport(programmeId, period, language));
            redirect.addFlashAttribute("generated", report.id());
            return "redirect:/reports?programme=" + report.programmeId();
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("form", new ReportService.GenerateReport(programmeId, period, language));
            prepare(model, programmeId);
            return "report/list";
        }
    }

    @PostMapping("/reports/schedules/{programme}")
    String schedule(
            @PathVariable long programme,
            @RequestParam(required = false) @Nullable String frequency,
            @RequestParam(required = false) @Nullable String language,
            @RequestParam(required = false) @Nullable Integer keepLast,
            @RequestParam(required = false) @Nullable Integer version,
            Model model,
            RedirectAttributes redirect) {
        try {
            reports.setSchedule(programme, frequency, language, keepLast, version);
            redirect.addFlashAttribute("scheduleSaved", true);
            return "redirect:/reports?programme=" + programme;
        } catch (InvalidInputException e) {
            model.addAttribute("scheduleProblems", e.problems());
            prepare(model, programme);
            return "report/list";
        } catch (org.bluehelm.shared.ConflictException e) {
            model.addAttribute("scheduleConflict", true);
            prepare(model, programme);
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

    private void prepare(Model model, @Nullable Long programme) {
        List<ProgrammeSummary> choices = programmes.summariesForDashboard(MAX_PROGRAMMES);
        model.addAttribute("programmes", choices);
        model.addAttribute("reports", reports.list(programme));
        model.addAttribute("links", ListLinks.fromCurrentRequest(null));
        model.addAttribute("selected", programme);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ReportService.GenerateReport(programme, null, null));
        }
        if (programme != null) {
            try {
                reports.schedule(programme).ifPresent(s -> model.addAttribute("schedule", s));
            } catch (RuntimeException e) {
                // a programme outside the scope: no schedule shown
            }
        }
        model.addAttribute(
                "breadcrumbs",
                List.of(new Crumb(messages.getMessage("report.title", null, LocaleContextHolder.getLocale()), null)));
    }
}
