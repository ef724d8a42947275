package org.bluehelm.institution;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.bluehelm.shared.ExpectedVersion;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
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
@RequestMapping("/api/v1/oversightBodies")
@Tag(
        name = "Oversight bodies",
        description = "Bodies that oversee the security sector and the institutions they oversee")
class OversightBodyApiController {

    private final OversightBodyService bodies;

    OversightBodyApiController(OversightBodyService bodies) {
        this.bodies = bodies;
    }

    @GetMapping
    PageResponse<OversightBodySummary> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable OversightBodyType type,
            @RequestParam(required = false) @Nullable Long mission,
            @RequestParam(required = false) @Nullable Long institution,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return bodies.list(
                new OversightBodyFilter(q, country, type, mission, institution),
                PageQuery.of(page, size, sort, OversightBodyService.SORTS, "name"));
    }

    @GetMapping("/{id}")
    ResponseEntity<OversightBodyView> get(@PathVariable long id) {
        OversightBodyView body = bodies.get(id);
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(body.version())).body(body);
    }

    @PostMapping
    ResponseEntity<OversightBodyView> create(@RequestBody OversightBodyRequest request) {
        OversightBodyView body = bodies.create(request.command());
        return ResponseEntity.created(URI.create("/api/v1/oversightBodies/" + body.id()))
                .eTag(ExpectedVersion.etag(body.version()))
                .body(body);
    }

    @PutMapping("/{id}")
    ResponseEntity<OversightBodyView> update(
            @PathVariable long id,
            @RequestBody OversightBodyRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        OversightBodyView body = bodies.update(id, ExpectedVersion.of(request.version(), ifMatch), request.command());
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(body.version())).body(body);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        bodies.delete(id, ExpectedVersion.of(version, ifMatch));
        return ResponseEntity.noContent().build();
    }

    record OversightBodyRequest(
            @Nullable String name,
            @Nullable OversightBodyType type,
            @Nullable String countryCode,
            @Nullable Long missionId,
            @Nullable String mandate,
            @Nullable Boolean independent,
            @Nullable LocalDate establishedOn,
            @Nullable List<Long> institutionIds,
            @Nullable Integer version) {
        OversightBodyCommand command() {
            return new OversightBodyCommand(
                    name, type, countryCode, missionId, mandate, independent, establishedOn, institutionIds);
        }
    }
}
