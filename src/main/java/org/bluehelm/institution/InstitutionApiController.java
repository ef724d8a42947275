package org.bluehelm.institution;

import io.swagger.v3.oas.annotations.tags.Tag;
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
@RequestMapping("/api/v1/institutions")
@Tag(name = "Institutions", description = "Security institutions by pillar, their hierarchy and strength by year")
class InstitutionApiController {

    private final InstitutionService institutions;

    InstitutionApiController(InstitutionService institutions) {
        this.institutions = institutions;
    }

    @GetMapping
    PageResponse<InstitutionSummary> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Pillar pillar,
            @RequestParam(required = false) @Nullable Long mission,
            @RequestParam(required = false) @Nullable Long parent,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return institutions.list(
                new InstitutionFilter(q, country, pillar, mission, parent),
                PageQuery.of(page, size, sort, InstitutionService.SORTS, "name"));
    }

    @GetMapping("/{id}")
    ResponseEntity<InstitutionView> get(@PathVariable long id) {
        InstitutionView institution = institutions.get(id);
        return ResponseEntity.ok()
                .eTag(ExpectedVersion.etag(institution.version()))
                .body(institution);
    }

    @PostMapping
    ResponseEntity<InstitutionView> create(@RequestBody InstitutionRequest request) {
        InstitutionView institution = institutions.create(request.command());
        return ResponseEntity.created(URI.create("/api/v1/institutions/" + institution.id()))
                .eTag(ExpectedVersion.etag(institution.version()))
                .body(institution);
    }

    @PutMapping("/{id}")
    ResponseEntity<InstitutionView> update(
            @PathVariable long id,
            @RequestBody InstitutionRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        InstitutionView institution =
                institutions.update(id, ExpectedVersion.of(request.version(), ifMatch), request.command());
        return ResponseEntity.ok()
                .eTag(ExpectedVersion.etag(institution.version()))
                .body(institution);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        institutions.delete(id, ExpectedVersion.of(version, ifMatch));
        return ResponseEntity.noContent().build();
    }

    record InstitutionRequest(
            @Nullable String name,
            @Nullable String acronym,
            @Nullable Pillar pillar,
            @Nullable String countryCode,
            @Nullable Long missionId,
            @Nullable Long parentId,
            @Nullable Long orgUnitId,
            @Nullable String description,
            @Nullable List<InstitutionCommand.Strength> strength,
            @Nullable Integer version) {
        InstitutionCommand command() {
            return new InstitutionCommand(
                    name, acronym, pillar, countryCode, missionId, parentId, orgUnitId, description, strength);
        }
    }
}
