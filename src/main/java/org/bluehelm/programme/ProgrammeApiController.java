package org.bluehelm.programme;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
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
@RequestMapping("/api/v1/programmes")
@Tag(name = "Programmes", description = "SSR programmes and their results chain: outcomes, outputs and indicators")
class ProgrammeApiController {

    private final ProgrammeService programmes;

    ProgrammeApiController(ProgrammeService programmes) {
        this.programmes = programmes;
    }

    @GetMapping
    PageResponse<ProgrammeSummary> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Pillar pillar,
            @RequestParam(required = false) @Nullable ProgrammeStatus status,
            @RequestParam(required = false) @Nullable Long mission,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Long actor,
            @RequestParam(required = false) @Nullable Long institution,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return programmes.list(
                new ProgrammeFilter(q, pillar, status, mission, country, actor, institution),
                PageQuery.of(page, size, sort, ProgrammeService.SORTS, "code"));
    }

    @GetMapping("/{id}")
    ResponseEntity<ProgrammeView> get(@PathVariable long id) {
        ProgrammeView programme = programmes.get(id);
        return ResponseEntity.ok()
                .eTag(ExpectedVersion.etag(programme.version()))
                .body(programme);
    }

    @GetMapping("/{id}/indicators")
    List<ProgrammeIndicatorView> indicators(@PathVariable long id) {
        return programmes.indicators(id);
    }

    @PostMapping
    ResponseEntity<ProgrammeView> create(@RequestBody ProgrammeRequest request) {
        ProgrammeView programme = programmes.create(request.command());
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + programme.id()))
                .eTag(ExpectedVersion.etag(programme.version()))
                .body(programme);
    }

    @PutMapping("/{id}")
    ResponseEntity<ProgrammeView> update(
            @PathVariable long id,
            @RequestBody ProgrammeRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        ProgrammeView programme =
                programmes.update(id, ExpectedVersion.of(request.version(), ifMatch), request.command());
        return ResponseEntity.ok()
                .eTag(ExpectedVersion.etag(programme.version()))
                .body(programme);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        programmes.delete(id, ExpectedVersion.of(version, ifMatch));
        return ResponseEntity.noContent().build();
    }

    record ProgrammeRequest(
            @Nullable String code,
            @Nullable String name,
            @Nullable Pillar pillar,
            @Nullable String objectives,
            @Nullable String countryCode,
            @Nullable Long missionId,
            @Nullable Long leadActorId,
            @Nullable List<ProgrammeCommand.Partner> partners,
            @Nullable BigDecimal budgetAmount,
            @Nullable String budgetCurrency,
            @Nullable LocalDate startDate,
            @Nullable LocalDate endDate,
            @Nullable ProgrammeStatus status,
            @Nullable List<Long> locationIds,
            @Nullable List<Long> institutionIds,
            @Nullable List<ProgrammeCommand.Result> results,
            @Nullable Integer version) {
        ProgrammeCommand command() {
            return new ProgrammeCommand(
                    code,
                    name,
                    pillar,
                    objectives,
                    countryCode,
                    missionId,
                    leadActorId,
                    partners,
                    budgetAmount,
                    budgetCurrency,
                    startDate,
                    endDate,
                    status,
                    locationIds,
                    institutionIds,
                    results);
        }
    }
}
