package org.bluehelm.indicator;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.bluehelm.shared.ExpectedVersion;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;
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
@RequestMapping("/api/v1/indicators")
@Tag(name = "Indicators", description = "Indicator definitions with disaggregations, baselines and targets")
class IndicatorApiController {

    private final IndicatorService indicators;

    IndicatorApiController(IndicatorService indicators) {
        this.indicators = indicators;
    }

    @GetMapping
    PageResponse<IndicatorSummary> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Dimension dimension,
            @RequestParam(required = false) @Nullable Pillar pillar,
            @RequestParam(required = false) @Nullable Long mission,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return indicators.list(
                new IndicatorFilter(q, dimension, pillar, mission, country),
                PageQuery.of(page, size, sort, IndicatorService.SORTS, "code"));
    }

    @GetMapping("/{id}")
    ResponseEntity<IndicatorView> get(@PathVariable long id) {
        IndicatorView indicator = indicators.get(id);
        return ResponseEntity.ok()
                .eTag(ExpectedVersion.etag(indicator.version()))
                .body(indicator);
    }

    @GetMapping("/byCode/{code}")
    ResponseEntity<IndicatorView> byCode(@PathVariable String code) {
        IndicatorView indicator = indicators.getByCode(code);
        return ResponseEntity.ok()
                .eTag(ExpectedVersion.etag(indicator.version()))
                .body(indicator);
    }

    @PostMapping
    ResponseEntity<IndicatorView> create(@RequestBody IndicatorRequest request) {
        IndicatorView indicator = indicators.create(request.command());
        return ResponseEntity.created(URI.create("/api/v1/indicators/" + indicator.id()))
                .eTag(ExpectedVersion.etag(indicator.version()))
                .body(indicator);
    }

    @PutMapping("/{id}")
    ResponseEntity<IndicatorView> update(
            @PathVariable long id,
            @RequestBody IndicatorRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        IndicatorView indicator =
                indicators.update(id, ExpectedVersion.of(request.version(), ifMatch), request.command());
        return ResponseEntity.ok()
                .eTag(ExpectedVersion.etag(indicator.version()))
                .body(indicator);
    }

    /** Releases the indicator's approved values on the public portal (true) or withdraws them. */
    @PutMapping("/{id}/publicRelease")
    ResponseEntity<PublicRelease> setPublicRelease(
            @PathVariable long id,
            @RequestBody PublicRelease request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        IndicatorView indicator = indicators.setPublicRelease(
                id, ExpectedVersion.of(request.version(), ifMatch), request.publicRelease());
        return ResponseEntity.ok()
                .eTag(ExpectedVersion.etag(indicator.version()))
                .body(new PublicRelease(indicators.publicRelease(id), indicator.version()));
    }

    @GetMapping("/{id}/publicRelease")
    ResponseEntity<PublicRelease> publicRelease(@PathVariable long id) {
        IndicatorView indicator = indicators.get(id);
        return ResponseEntity.ok()
                .eTag(ExpectedVersion.etag(indicator.version()))
                .body(new PublicRelease(indicators.publicRelease(id), indicator.version()));
    }

    /** Whether the indicator is released on the public portal, with the indicator's version. */
    record PublicRelease(boolean publicRelease, @Nullable Integer version) {}

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        indicators.delete(id, ExpectedVersion.of(version, ifMatch));
        return ResponseEntity.noContent().build();
    }

    record IndicatorRequest(
            @Nullable String code,
            @Nullable String name,
            @Nullable String definition,
            @Nullable String unit,
            @Nullable ValueType valueType,
            @Nullable BigDecimal minValue,
            @Nullable BigDecimal maxValue,
            @Nullable Aggregation aggregation,
            @Nullable Long numeratorId,
            @Nullable Long denominatorId,
            @Nullable Direction direction,
            @Nullable Dimension dimension,
            @Nullable Pillar pillar,
            @Nullable Long missionId,
            @Nullable String countryCode,
            @Nullable List<String> categories,
            @Nullable List<IndicatorCommand.BenchmarkCommand> baselinesAndTargets,
            @Nullable Integer version) {
        IndicatorCommand command() {
            return new IndicatorCommand(
                    code,
                    name,
                    definition,
                    unit,
                    valueType,
                    minValue,
                    maxValue,
                    aggregation,
                    numeratorId,
                    denominatorId,
                    direction,
                    dimension,
                    pillar,
                    missionId,
                    countryCode,
                    categories,
                    baselinesAndTargets);
        }
    }
}
