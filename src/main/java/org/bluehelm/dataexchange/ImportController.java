package org.bluehelm.dataexchange;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.bluehelm.indicator.IndicatorFilter;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.measurement.BulkValueService.ExportFilter;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.web.Crumb;
import org.bluehelm.web.FormErrors;
import org.bluehelm.web.ListExport;
import org.bluehelm.web.ListLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports and exports in the browser: the import page (upload with options, the user's recent
 * imports, an export form), and an import's page whose progress htmx refreshes every second
 * until the summary and its conflicts are shown.
 */
@Controller
class ImportController {

    private final ImportService imports;
    private final ExportService exports;
    private final IndicatorService indicators;
    private final MessageSource messages;

    /** The user's imports as a file: the columns of the list, with the options chosen. */
    static final ListExport.Table<ImportJobView> JOBS = ListExport.Table.of(
            "imports",
            ListExport.column("import.started", ImportJobView::startedAt),
            ListExport.column("import.file", ImportJobView::fileName),
            ListExport.column("import.format", ImportJobView::format),
            ListExport.column("import.dryRun", ImportJobView::dryRun),
            ListExport.label("import.strategy", "import.strategy.", ImportJobView::strategy),
            ListExport.label(
                    "import.status",
                    "import.status.",
                    j -> j.summary() == null ? j.state() : j.summary().status()),
            ListExport.column("import.rowsRead", ImportJobView::rowsRead),
            ListExport.column(
                    "import.imported",
                    j -> j.summary() == null ? null : j.summary().importCount().imported()),
            ListExport.column(
                    "import.updated",
                    j -> j.summary() == null ? null : j.summary().importCount().updated()),
            ListExport.column(
                    "import.ignored",
                    j -> j.summary() == null ? null : j.summary().importCount().ignored()),
            ListExport.column(
                    "import.conflicts",
                    j -> j.summary() == null ? null : j.summary().conflictCount()));

    /** Imports one export holds: the user's newest. */
    static final int MAX_JOBS = 10_000;

    private final ListExport export;

    ImportController(
            ImportService imports,
            ExportService exports,
            IndicatorService indicators,
            MessageSource messages,
            ListExport export) {
        this.export = export;
        this.imports = imports;
        this.exports = exports;
        this.indicators = indicators;
        this.messages = messages;
    }

    @GetMapping("/imports")
    String page(Model model) {
        return page(model, null);
    }

    @PostMapping("/imports")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER', 'DATA_STEWARD', 'PARTNER')")
    String upload(
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String format,
            @RequestParam(required = false) @Nullable String idScheme,
            @RequestParam(required = false) @Nullable String strategy,
            @RequestParam(required = false) @Nullable String atomicMode,
            @RequestParam(required = false, defaultValue = "false") boolean dryRun,
            Model model)
            throws IOException {
        try {
            // no file chosen; a chosen file that is empty is imported, and fails as any unreadable file does
            if (file == null || (file.isEmpty() && isBlank(file.getOriginalFilename()))) {
                throw InvalidInputException.of("file", "is required");
            }
            ImportFormat chosen = format == null || format.isBlank()
                    ? ImportFormat.ofFileName(file.getOriginalFilename())
                    : ImportFormat.named("format", format);
            if (chosen == null) {
                throw InvalidInputException.of("format", "cannot be told from the file name; choose it");
            }
            ImportOptions options = DataValueSetApiController.options(
                    chosen, dryRun, strategy, idScheme, null, null, atomicMode, file.getOriginalFilename());
            Path saved = Files.createTempFile("bluehelm-import-", "." + chosen.extension());
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, saved, StandardCopyOption.REPLACE_EXISTING);
            }
            return "redirect:/imports/" + imports.start(saved, options);
        } catch (InvalidInputException e) {
            return page(model, FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
        }
    }

    @GetMapping("/imports/{id}")
    String job(@PathVariable long id, Model model) {
        model.addAttribute("job", imports.job(id));
        model.addAttribute(
                "breadcrumbs",
                List.of(new Crumb(label("import.title"), "/imports"), new Crumb(label("import.job.title", id), null)));
        return "dataexchange/job";
    }

    @GetMapping("/imports/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("job", imports.job(id));
        return "dataexchange/job :: progress";
    }

    @GetMapping("/imports/export")
    void export(
            @RequestParam(required = false) @Nullable List<Long> indicator,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String format,
            @RequestParam(required = false) @Nullable String idScheme,
            HttpServletResponse response)
            throws IOException {
        ImportFormat chosen =
                format == null || format.isBlank() ? ImportFormat.CSV : ImportFormat.named("format", format);
        ExportFilter filter = new ExportFilter(
                indicator == null ? List.of() : indicator,
                null,
                null,
                period == null || period.isBlank() ? null : period,
                null,
                null);
        exports.export(filter, chosen, IdScheme.parse("idScheme", idScheme, IdScheme.CODE), () -> {
            response.setContentType(chosen.mediaType());
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    "attachment; filename=\"dataValueSets." + chosen.extension() + "\"");
            return response.getOutputStream();
        });
    }

    /** The user's imports, every one kept, as CSV or XLSX. */
    @GetMapping("/imports/jobs/export")
    ResponseEntity<byte[]> exportJobs(@RequestParam(defaultValue = "csv") String format) {
        return export.download(JOBS, format, imports.recentJobs(MAX_JOBS));
    }

    private String page(Model model, @Nullable Map<String, String> errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("jobs", imports.recentJobs(10));
        model.addAttribute("jobLinks", new ListLinks("/imports/jobs", null));
        model.addAttribute(
                "indicators",
                indicators
                        .list(
                                new IndicatorFilter(null, null, null, null, null),
                                PageQuery.of(0, PageQuery.MAX_SIZE, "code", Map.of("code", "i.code"), "code"))
                        .items());
        model.addAttribute("strategies", ImportStrategy.values());
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("import.title"), null)));
        return "dataexchange/imports";
    }

    private static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
