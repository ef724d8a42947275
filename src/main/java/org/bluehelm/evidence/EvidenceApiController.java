package org.bluehelm.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The panel sources, with their columns and citations. */
    @GetMapping("/sources")
    List<Map<String, Object>> sources() {
        return evidence.sources().stream()
                .map(s -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", s.id());
                    row.put("label", s.label());
                    row.put("unitColumn", s.unitColumn());
                    row.put("timeColumn", s.timeColumn());
                    row.put("columns", s.columns());
                    return row;
                })
                .toList();
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
