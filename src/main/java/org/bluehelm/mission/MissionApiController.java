package org.bluehelm.mission;

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
@RequestMapping("/api/v1/missions")
@Tag(name = "Missions", description = "Peace operations, their mandates and deployments")
class MissionApiController {

    private final MissionService missions;

    MissionApiController(MissionService missions) {
        this.missions = missions;
    }

    @GetMapping
    PageResponse<MissionSummary> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable MissionStatus status,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Integer activeIn,
            @RequestParam(required = false, defaultValue = "false") boolean mine,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return missions.list(
                new MissionFilter(q, status, country, activeIn, mine),
                PageQuery.of(page, size, sort, MissionService.SORTS, "startDate"));
    }

    @GetMapping("/{id}")
    ResponseEntity<MissionView> get(@PathVariable long id) {
        MissionView mission = missions.get(id);
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(mission.version())).body(mission);
    }

    @GetMapping("/{id}/deployments")
    List<DeploymentView> deployments(@PathVariable long id) {
        return missions.deployments(id);
    }

    @PostMapping
    ResponseEntity<MissionView> create(@RequestBody MissionRequest request) {
        MissionView mission = missions.create(request.command());
        return ResponseEntity.created(URI.create("/api/v1/missions/" + mission.id()))
                .eTag(ExpectedVersion.etag(mission.version()))
                .body(mission);
    }

    @PutMapping("/{id}")
    ResponseEntity<MissionView> update(
            @PathVariable long id,
            @RequestBody MissionRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        MissionView mission = missions.update(id, ExpectedVersion.of(request.version(), ifMatch), request.command());
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(mission.version())).body(mission);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        missions.delete(id, ExpectedVersion.of(version, ifMatch));
        return ResponseEntity.noContent().build();
    }

    record MissionRequest(
            @Nullable String acronym,
            @Nullable String name,
            @Nullable MissionStatus status,
            @Nullable LocalDate startDate,
            @Nullable LocalDate endDate,
            @Nullable List<String> hostCountries,
            @Nullable List<MissionView.ResolutionView> resolutions,
            @Nullable List<MissionView.TaskView> tasks,
            @Nullable Integer version) {
        MissionCommand command() {
            return new MissionCommand(acronym, name, status, startDate, endDate, hostCountries, resolutions, tasks);
        }
    }
}
