package org.bluehelm.dataexchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.bluehelm.measurement.BulkValueService.ExportFilter;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.web.ListExport;
import org.bluehelm.web.ListFile;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * DHIS2-style data value sets: {@code POST} imports a file (the body: JSON, CSV or XLSX, by
 * {@code Content-Type} or {@code format}) and answers its import summary (409 when it wrote nothing
 * because of conflicts); {@code GET} exports the values in scope in the same formats.
 */
@RestController
@RequestMapping("/api/v1/dataValueSets")
@Tag(name = "Data value sets", description = "Imports and exports of data values in DHIS2's formats")
class DataValueSetApiController {

    private final ImportService imports;
    private final ExportService exports;

    private final ListExport export;

    DataValueSetApiController(ImportService imports, ExportService exports, ListExport export) {
        this.export = export;
        this.imports = imports;
        this.exports = exports;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER', 'DATA_STEWARD', 'PARTNER')")
    @Operation(
            summary = "Import data values",
            description = "Query parameters as DHIS2 names them: dryRun, importStrategy (or strategy:"
                    + " CREATE_AND_UPDATE, CREATE, UPDATE, DELETE), idScheme, dataElementIdScheme, orgUnitIdScheme (CODE or"
                    + " ID), atomicMode (ALL or NONE); format (csv, dhis2-csv, json, dhis2-json, xlsx) overrides the"
                    + " Content-Type; async=true answers 202 with the job to poll.")
    ResponseEntity<?> importValues(
            HttpServletRequest request,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            @RequestParam(required = false) @Nullable String format,
            @RequestParam(required = false, defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) @Nullable String strategy,
            @RequestParam(required = false) @Nullable String importStrategy,
            @RequestParam(required = false) @Nullable String idScheme,
            @RequestParam(required = false) @Nullable String dataElementIdScheme,
            @RequestParam(required = false) @Nullable String orgUnitIdScheme,
            @RequestParam(required = false) @Nullable String atomicMode,
            @RequestParam(required = false, defaultValue = "false") boolean async,
            @RequestParam(required = false) @Nullable String fileName)
            throws IOException {
        ImportOptions options = options(
                format(format, contentType),
                dryRun,
                strategy != null ? strategy : importStrategy,
                idScheme,
                dataElementIdScheme,
                orgUnitIdScheme,
                atomicMode,
                fileName);
        if (async || options.format() == ImportFormat.XLSX) {
            Path file = Files.createTempFile(
                    "bluehelm-import-", "." + options.format().extension());
            try (InputStream in = request.getInputStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            if (async) {
                long job = imports.start(file, options);
                return ResponseEntity.accepted()
                        .location(URI.create("/api/v1/dataValueSets/jobs/" + job))
                        .body(imports.job(job));
            }
            try {
                return answer(imports.importFile(file, options, rows -> {}));
            } finally {
                Files.deleteIfExists(file);
            }
        }
        try (InputStream in = request.getInputStream()) {
            return answer(imports.importStream(in, options, rows -> {}));
        }
    }

    @GetMapping("/jobs")
    @ListFile
    @Operation(summary = "The caller's imports, newest first; as CSV or XLSX the same file as the imports screen")
    ResponseEntity<?> jobs() {
        List<ImportJobView> jobs = imports.recentJobs(ImportController.MAX_JOBS);
        return export.jsonOrFile(ImportController.JOBS, () -> jobs, () -> jobs);
    }

    @GetMapping("/jobs/{id}")
    @Operation(summary = "An import's progress and, once done, its summary")
    ImportJobView job(@PathVariable long id) {
        return imports.job(id);
    }

    @GetMapping
    @Operation(
            summary = "Export data values",
            description = "Filters: indicator (repeatable, ids), orgUnit, within (a unit and those below it),"
                    + " period, from and to (dates the periods lie within); format json (default), csv or xlsx,"
                    + " or by the Accept header; idScheme CODE (default) or ID.")
    void export(
            @RequestParam(required = false) @Nullable List<Long> indicator,
            @RequestParam(required = false) @Nullable Long orgUnit,
            @RequestParam(required = false) @Nullable Long within,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String format,
            @RequestParam(required = false) @Nullable String idScheme,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            HttpServletResponse response)
            throws IOException {
        ImportFormat chosen = exportFormat(format, accept);
        IdScheme scheme = IdScheme.parse("idScheme", idScheme, IdScheme.CODE);
        ExportFilter filter =
                new ExportFilter(indicator == null ? List.of() : indicator, orgUnit, within, period, from, to);
        // the response starts only once the filters are checked: a bad one is answered as a problem
        exports.export(filter, chosen, scheme, () -> {
            response.setContentType(chosen.mediaType() + (chosen == ImportFormat.XLSX ? "" : ";charset=UTF-8"));
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    "attachment; filename=\"dataValueSets." + chosen.extension() + "\"");
            return response.getOutputStream();
        });
    }

    private static ResponseEntity<ImportSummary> answer(ImportSummary summary) {
        HttpStatus status = summary.status() == ImportSummary.Status.ERROR && !summary.dryRun()
                ? HttpStatus.CONFLICT
                : HttpStatus.OK;
        return ResponseEntity.status(status).body(summary);
    }

    static ImportFormat format(@Nullable String format, @Nullable String contentType) {
        if (format != null && !format.isBlank()) {
            return ImportFormat.named("format", format);
        }
        ImportFormat byType = ImportFormat.ofMediaType(contentType);
        if (byType == null) {
            throw InvalidInputException.of(
                    "format",
                    "cannot be told from the Content-Type: send the file as application/json, text/csv or"
                            + " application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, or name its format"
                            + " (csv, dhis2-csv, json, dhis2-json or xlsx)");
        }
        return byType;
    }

    static ImportFormat exportFormat(@Nullable String format, @Nullable String accept) {
        if (format != null && !format.isBlank()) {
            return ImportFormat.named("format", format);
        }
        if (accept != null) {
            String lower = accept.toLowerCase(Locale.ROOT);
            if (lower.contains("text/csv")) {
                return ImportFormat.CSV;
            }
            if (lower.contains("spreadsheetml")) {
                return ImportFormat.XLSX;
            }
        }
        return ImportFormat.JSON;
    }

    static ImportOptions options(
            ImportFormat format,
            boolean dryRun,
            @Nullable String strategy,
            @Nullable String idScheme,
            @Nullable String dataElementIdScheme,
            @Nullable String orgUnitIdScheme,
            @Nullable String atomicMode,
            @Nullable String fileName) {
        IdScheme scheme = IdScheme.parse("idScheme", idScheme, IdScheme.CODE);
        return new ImportOptions(
                format,
                IdScheme.parse("dataElementIdScheme", dataElementIdScheme, scheme),
                IdScheme.parse("orgUnitIdScheme", orgUnitIdScheme, scheme),
                ImportStrategy.parse("importStrategy", strategy),
                AtomicMode.parse("atomicMode", atomicMode),
                dryRun,
                fileName);
    }
}
