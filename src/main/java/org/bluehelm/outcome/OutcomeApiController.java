package org.bluehelm.outcome;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.web.ListExport;
import org.bluehelm.web.ListFile;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/reference")
@Tag(
        name = "Reference panel",
        description = "Country-year outcome series with their sources, the reference panel of peacekeeping and"
                + " outcomes, uploads of user series, and the case comparison")
class OutcomeApiController {

    private final OutcomeService outcomes;

    private final ListExport export;

    OutcomeApiController(OutcomeService outcomes, ListExport export) {
        this.outcomes = outcomes;
        this.export = export;
    }

    @GetMapping("/series")
    @ListFile
    ResponseEntity<?> series(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return export.jsonOrFile(
                OutcomeController.SERIES,
                () -> ListExport.allPages(
                        (p, s) -> outcomes.series(q, PageQuery.of(p, s, sort, OutcomeService.SERIES_SORTS, "shipped"))),
                () -> outcomes.series(q, PageQuery.of(page, size, sort, OutcomeService.SERIES_SORTS, "shipped")));
    }

    @GetMapping("/series/{code}")
    SeriesView series(@PathVariable String code) {
        return outcomes.seriesOf(code);
    }

    @DeleteMapping("/series/{code}")
    ResponseEntity<Void> delete(@PathVariable String code) {
        outcomes.deleteUpload(code);
        return ResponseEntity.noContent().build();
    }

    /** The panel as JSON: columns with their source and citation, and the rows. */
    @GetMapping(value = "/panel", produces = MediaType.APPLICATION_JSON_VALUE)
    PanelResponse panel(
            @RequestParam(required = false) @Nullable List<String> series,
            @RequestParam(required = false) @Nullable List<String> countries,
            @RequestParam(required = false) @Nullable Integer from,
            @RequestParam(required = false) @Nullable Integer to) {
        PanelTable table = outcomes.panel(series, countries, from, to);
        List<PanelResponse.Source> sources = table.columns().stream()
                .map(c -> new PanelResponse.Source(c.name(), c.label(), c.source(), c.citation()))
                .toList();
        return new PanelResponse(sources, table.rows().size(), table.rows());
    }

    @GetMapping(
            value = {"/panel", "/panel.csv"},
            produces = "text/csv")
    ResponseEntity<String> panelCsv(
            @RequestParam(required = false) @Nullable List<String> series,
            @RequestParam(required = false) @Nullable List<String> countries,
            @RequestParam(required = false) @Nullable Integer from,
            @RequestParam(required = false) @Nullable Integer to) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reference-panel.csv\"")
                .body(outcomes.panelCsv(outcomes.panel(series, countries, from, to)));
    }

    @GetMapping("/comparison")
    Comparison comparison(
            @RequestParam String country,
            @RequestParam List<String> series,
            @RequestParam(required = false) @Nullable List<String> compare,
            @RequestParam(required = false) @Nullable Integer from,
            @RequestParam(required = false) @Nullable Integer to,
            Locale locale) {
        return outcomes.comparison(
                country, series, compare == null ? List.of() : compare, from, to, locale.getLanguage());
    }

    /** Uploads a country-year series (multipart: file, label, citation, unit). */
    @PostMapping(value = "/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<SeriesView> upload(
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String label,
            @RequestParam(required = false) @Nullable String citation,
            @RequestParam(required = false) @Nullable String unit)
            throws IOException {
        String csv = file == null || file.isEmpty() ? null : new String(file.getBytes(), StandardCharsets.UTF_8);
        SeriesView s = outcomes.upload(new UploadSeries(label, citation, unit, csv));
        return ResponseEntity.created(URI.create("/api/v1/reference/series/" + s.code()))
                .body(s);
    }

    record PanelResponse(List<Source> sources, int rowCount, List<java.util.Map<String, @Nullable Object>> rows) {
        record Source(String column, String label, String source, String citation) {}
    }
}
