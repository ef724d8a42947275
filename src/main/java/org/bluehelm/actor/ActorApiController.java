package org.bluehelm.actor;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
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
@RequestMapping("/api/v1/actors")
@Tag(name = "Actors", description = "International and national actors of security sector reform")
class ActorApiController {

    private final ActorService actors;

    ActorApiController(ActorService actors) {
        this.actors = actors;
    }

    @GetMapping
    PageResponse<ActorSummary> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable ActorCategory category,
            @RequestParam(required = false) @Nullable ActorType type,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Long mission,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return actors.list(
                new ActorFilter(q, category, type, country, mission),
                PageQuery.of(page, size, sort, ActorService.SORTS, "name"));
    }

    @GetMapping("/{id}")
    ResponseEntity<ActorView> get(@PathVariable long id) {
        ActorView actor = actors.get(id);
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(actor.version())).body(actor);
    }

    @PostMapping
    ResponseEntity<ActorView> create(@RequestBody ActorRequest request) {
        ActorView actor = actors.create(request.command());
        return ResponseEntity.created(URI.create("/api/v1/actors/" + actor.id()))
                .eTag(ExpectedVersion.etag(actor.version()))
                .body(actor);
    }

    @PutMapping("/{id}")
    ResponseEntity<ActorView> update(
            @PathVariable long id,
            @RequestBody ActorRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        ActorView actor = actors.update(id, ExpectedVersion.of(request.version(), ifMatch), request.command());
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(actor.version())).body(actor);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        actors.delete(id, ExpectedVersion.of(version, ifMatch));
        return ResponseEntity.noContent().build();
    }

    record ActorRequest(
            @Nullable String name,
            @Nullable String acronym,
            @Nullable ActorCategory category,
            @Nullable ActorType type,
            @Nullable String countryCode,
            @Nullable Long missionId,
            @Nullable String website,
            @Nullable String description,
            @Nullable Integer version) {
        ActorCommand command() {
            return new ActorCommand(name, acronym, category, type, countryCode, missionId, website, description);
        }
    }
}
