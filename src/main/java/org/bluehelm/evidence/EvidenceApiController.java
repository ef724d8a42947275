package org.bluehelm.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The estimators over HTTP: {@code POST /api/v1/evidence/panel|event-study|synth} with a panel CSV
 * (multipart {@code file}, or {@code csv} in a JSON body) or a {@code panelSource}, and the command
 * line's parameters; answers the command line's JSON, plus the citations of a panel source.
 */
@RestController
@RequestMapping("/api/v1/evidence")
class EvidenceApiController {

    private final EvidenceService evidence;

    EvidenceApiController(EvidenceService evidence) {
        this.evidence = evidence;
    }

    /** A page of the panel sources whose id or label contains {@code q}, with their columns and citations. */
    @GetMapping("/sources")
    PageResponse<Map<String, Object>> sources(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        // a short configured list, sorted and paged in memory; by default in the order offered
        List<PanelSource> all = evidence.sources();
        Map<String, Comparator<PanelSource>> sorts = Map.of(
                "offered", Comparator.comparingInt(all::indexOf),
                "id", Comparator.comparing(PanelSource::id),
                "label", Comparator.comparing(PanelSource::label).thenComparing(PanelSource::id));
        PageQuery query = PageQuery.of(page, size, sort, PageResponse.sortKeys(sorts), "offered");
        String search = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        List<PanelSource> matching = all.stream()
                .filter(s -> search == null
                        || s.id().toLowerCase(Locale.ROOT).contains(search)
                        || s.label().toLowerCase(Locale.ROOT).contains(search))
                .toList();
        return PageResponse.slice(matching, query, sorts).map(s -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", s.id());
            row.put("label", s.label());
            row.put("unitColumn", s.unitColumn());
            row.put("timeColumn", s.timeColumn());
            row.put("columns", s.columns());
            return row;
        });
    }

    @PostMapping(path = "/{estimator}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> runJson(@PathVariable String estimator, @RequestBody EstimatorRequest request) {
        return evidence.run(estimator, request, null);
    }

    @PostMapping(
            path = "/{estimator}",
            consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    Map<String, Object> runForm(
            @PathVariable String estimator,
            @ModelAttribute EstimatorRequest request,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file) {
        String uploaded = null;
        if (file != null && !file.isEmpty()) {
            EvidenceService.checkSize(file.getSize());
            try {
                uploaded = EvidenceService.text(file.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return evidence.run(estimator, request, uploaded);
    }
}
