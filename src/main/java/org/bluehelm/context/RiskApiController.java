package org.bluehelm.context;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.bluehelm.shared.ExpectedVersion;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.web.ListExport;
import org.bluehelm.web.ListFile;
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
@RequestMapping("/api/v1/risks")
@Tag(name = "Risks", description = "The risk register, with triggers tied to indicator values")
class RiskApiController {

    private final RiskService risks;
    private final ListExport export;

    RiskApiController(RiskService risks, ListExport export) {
        this.risks = risks;
        this.export = export;
    }

    @GetMapping
    @ListFile
    ResponseEntity<?> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Long mission,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(defaultValue = "false") boolean reviewRequested,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        RiskFilter filter = new RiskFilter(q, country, mission, owner, reviewRequested);
        return export.jsonOrFile(
                RiskController.EXPORT,
                () -> ListExport.allPages(
                        (p, s) -> risks.list(filter, PageQuery.of(p, s, sort, RiskService.SORTS, "-level"))),
                () -> risks.list(filter, PageQuery.of(page, size, sort, RiskService.SORTS, "-level")));
    }

    @GetMapping("/{id}")
    ResponseEntity<RiskView> get(@PathVariable long id) {
        RiskView risk = risks.get(id);
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(risk.version())).body(risk);
    }

    @PostMapping
    ResponseEntity<RiskView> create(@RequestBody RiskRequest request) {
        RiskView risk = risks.create(request.command());
        return ResponseEntity.created(URI.create("/api/v1/risks/" + risk.id()))
                .eTag(ExpectedVersion.etag(risk.version()))
                .body(risk);
    }

    @PutMapping("/{id}")
    ResponseEntity<RiskView> update(
            @PathVariable long id,
            @RequestBody RiskRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        RiskView risk = risks.update(id, ExpectedVersion.of(request.version(), ifMatch), request.command());
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(risk.version())).body(risk);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        risks.delete(id, ExpectedVersion.of(version, ifMatch));
        return ResponseEntity.noContent().build();
    }

    record RiskRequest(
            @Nullable String countryCode,
            @Nullable Long missionId,
            @Nullable String title,
            @Nullable String description,
            @Nullable Integer likelihood,
            @Nullable Integer impact,
            @Nullable String owner,
            @Nullable String mitigation,
            @Nullable LocalDate reviewDate,
            @Nullable RiskStatus status,
            @Nullable List<RiskCommand.Trigger> triggers,
            @Nullable Integer version) {
        RiskCommand command() {
            return new RiskCommand(
                    countryCode,
                    missionId,
                    title,
                    description,
                    likelihood,
                    impact,
                    owner,
                    mitigation,
                    reviewDate,
                    status,
                    triggers);
        }
    }
}
