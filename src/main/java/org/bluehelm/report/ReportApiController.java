package org.bluehelm.report;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.bluehelm.shared.ExpectedVersion;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.web.ListExport;
import org.bluehelm.web.ListFile;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Progress reports (HTML and PDF) and their schedules")
class ReportApiController {

    private final ReportService reports;

    private final ListExport export;

    ReportApiController(ReportService reports, ListExport export) {
        this.reports = reports;
        this.export = export;
    }

    @PostMapping
    ResponseEntity<StoredReport> generate(@RequestBody ReportService.GenerateReport command) {
        StoredReport report = reports.generate(command);
        return ResponseEntity.created(URI.create("/api/v1/reports/" + report.id() + ".pdf"))
                .body(report);
    }

    @GetMapping
    @ListFile
    ResponseEntity<?> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long programme,
            @RequestParam(required = false) @Nullable Long mission,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        ReportSubject.@Nullable Kind kind;
        @Nullable String subject;
        if (mission != null) {
            kind = ReportSubject.Kind.MISSION;
            subject = String.valueOf(mission);
        } else if (country != null && !country.isBlank()) {
            kind = ReportSubject.Kind.COUNTRY;
            subject = country;
        } else if (programme != null) {
            kind = ReportSubject.Kind.PROGRAMME;
            subject = String.valueOf(programme);
        } else {
            kind = null;
            subject = null;
        }
        return export.jsonOrFile(
                ReportController.EXPORT,
                () -> ListExport.allPages((p, s) ->
                        reports.list(q, kind, subject, PageQuery.of(p, s, sort, ReportService.SORTS, "-createdAt"))),
                () -> reports.list(
                        q, kind, subject, PageQuery.of(page, size, sort, ReportService.SORTS, "-createdAt")));
    }

    @GetMapping("/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return download(id, true);
    }

    @GetMapping("/{id}.html")
    ResponseEntity<byte[]> html(@PathVariable long id) {
        return download(id, false);
    }

    @GetMapping("/{id:[0-9]+}")
    StoredReport get(@PathVariable long id) {
        return reports.get(id);
    }

    ResponseEntity<byte[]> download(long id, boolean pdf) {
        return ReportDownload.of(reports, id, pdf);
    }

    /** A schedule as the API takes it. */
    record ScheduleBody(
            @Nullable String frequency,
            @Nullable String language,
            @Nullable Integer keepLast,
            @Nullable Integer version) {}

    @GetMapping("/schedules/{programme:[0-9]+}")
    ResponseEntity<ReportSchedule> schedule(@PathVariable long programme) {
        return schedule("programme", String.valueOf(programme));
    }

    @PutMapping("/schedules/{programme:[0-9]+}")
    ResponseEntity<ReportSchedule> setSchedule(
            @PathVariable long programme,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody ScheduleBody body) {
        return setSchedule("programme", String.valueOf(programme), ifMatch, body);
    }

    @DeleteMapping("/schedules/{programme:[0-9]+}")
    ResponseEntity<Void> deleteSchedule(@PathVariable long programme) {
        return deleteSchedule("programme", String.valueOf(programme));
    }

    /** The schedule of a programme, a mission or a country: {@code /schedules/mission/3}, {@code /schedules/country/LBR}. */
    @GetMapping("/schedules/{kind}/{id}")
    ResponseEntity<ReportSchedule> schedule(@PathVariable String kind, @PathVariable String id) {
        return reports.schedule(kind(kind), id)
                .map(s -> ResponseEntity.ok()
                        .eTag(ExpectedVersion.etag(s.version()))
                        .body(s))
                .orElse(ResponseEntity.notFound().build());
    }

    @PutMapping("/schedules/{kind}/{id}")
    ResponseEntity<ReportSchedule> setSchedule(
            @PathVariable String kind,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody ScheduleBody body) {
        ReportSubject.Kind k = kind(kind);
        // a new schedule needs no version; changing one does (If-Match or the body's version)
        Integer version = reports.schedule(k, id).isEmpty() ? null : ExpectedVersion.of(body.version(), ifMatch);
        ReportSchedule s = reports.setSchedule(k, id, body.frequency(), body.language(), body.keepLast(), version);
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(s.version())).body(s);
    }

    @DeleteMapping("/schedules/{kind}/{id}")
    ResponseEntity<Void> deleteSchedule(@PathVariable String kind, @PathVariable String id) {
        reports.deleteSchedule(kind(kind), id);
        return ResponseEntity.noContent().build();
    }

    /** {@code programme}, {@code mission} or {@code country}; anything else is not found. */
    static ReportSubject.Kind kind(String kind) {
        for (ReportSubject.Kind k : ReportSubject.Kind.values()) {
            if (k.path().equalsIgnoreCase(kind)) {
                return k;
            }
        }
        throw new org.bluehelm.shared.NotFoundException("report subject kind", kind);
    }

    /** Builds the download responses shared with the screen. */
    static final class ReportDownload {
        private ReportDownload() {}

        static ResponseEntity<byte[]> of(ReportService reports, long id, boolean pdf) {
            StoredReport report = reports.get(id);
            byte[] bytes = reports.content(id, pdf);
            String name = "report-" + report.id() + "-" + report.period() + "-" + report.language()
                    + (pdf ? ".pdf" : ".html");
            return ResponseEntity.ok()
                    .contentType(
                            pdf
                                    ? MediaType.APPLICATION_PDF
                                    : new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            (pdf ? ContentDisposition.attachment() : ContentDisposition.inline())
                                    .filename(name)
                                    .build()
                                    .toString())
                    .body(bytes);
        }
    }
}
