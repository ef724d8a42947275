package org.bluehelm.coordination;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.bluehelm.shared.ExpectedVersion;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.Pillar;
import org.bluehelm.web.ListExport;
import org.bluehelm.web.ListFile;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
@RequestMapping("/api/v1/coordination")
@Tag(
        name = "Coordination",
        description = "Who does what where (3W/4W): activities, overlaps, gaps, matrices, HXL and IATI exchange")
class CoordinationApiController {

    private final CoordinationService coordination;
    private final ActivityExchange exchange;
    private final OwnershipIndicatorPublisher ownership;
    private final CoordinationMap map;

    private final ListExport export;

    CoordinationApiController(
            CoordinationService coordination,
            ActivityExchange exchange,
            OwnershipIndicatorPublisher ownership,
            CoordinationMap map,
            ListExport export) {
        this.export = export;
        this.map = map;
        this.coordination = coordination;
        this.exchange = exchange;
        this.ownership = ownership;
    }

    @GetMapping(value = "/map", produces = "application/json")
    java.util.Map<String, Object> map() {
        return map.geoJson();
    }

    @GetMapping("/ownership")
    OwnershipView ownership() {
        return coordination.ownership();
    }

    @PostMapping("/ownership/republish")
    @PreAuthorize("hasRole('ADMIN')")
    OwnershipIndicatorPublisher.Published republish() {
        return ownership.republish();
    }

    @GetMapping("/activities")
    @ListFile
    ResponseEntity<?> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Pillar pillar,
            @RequestParam(required = false) @Nullable SupportKind kind,
            @RequestParam(required = false) @Nullable ActivityStatus status,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Long actor,
            @RequestParam(required = false) @Nullable Long institution,
            @RequestParam(required = false) @Nullable Long programme,
            @RequestParam(defaultValue = "false") boolean overlapping,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        ActivityFilter filter =
                new ActivityFilter(q, pillar, kind, status, country, actor, institution, programme, overlapping);
        return export.jsonOrFile(
                CoordinationController.EXPORT,
                () -> ListExport.allPages((p, s) ->
                        coordination.list(filter, PageQuery.of(p, s, sort, CoordinationService.SORTS, "-id"))),
                () -> coordination.list(filter, PageQuery.of(page, size, sort, CoordinationService.SORTS, "-id")));
    }

    @GetMapping("/activities/{id}")
    ResponseEntity<ActivityView> get(@PathVariable long id) {
        ActivityView activity = coordination.get(id);
        return ResponseEntity.ok()
                .eTag(ExpectedVersion.etag(activity.version()))
                .body(activity);
    }

    @PostMapping("/activities")
    ResponseEntity<ActivityView> create(@RequestBody ActivityRequest request) {
        ActivityView activity = coordination.create(request.command());
        return ResponseEntity.created(URI.create("/api/v1/coordination/activities/" + activity.id()))
                .eTag(ExpectedVersion.etag(activity.version()))
                .body(activity);
    }

    @PutMapping("/activities/{id}")
    ResponseEntity<ActivityView> update(
            @PathVariable long id,
            @RequestBody ActivityRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        ActivityView activity =
                coordination.update(id, ExpectedVersion.of(request.version(), ifMatch), request.command());
        return ResponseEntity.ok()
                .eTag(ExpectedVersion.etag(activity.version()))
                .body(activity);
    }

    @DeleteMapping("/activities/{id}")
    ResponseEntity<Void> delete(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        coordination.delete(id, ExpectedVersion.of(version, ifMatch));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/overlaps")
    PageResponse<ActivityView> overlaps(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Pillar pillar,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return coordination.list(
                new ActivityFilter(q, pillar, null, null, country, null, null, null, true),
                PageQuery.of(page, size, sort, CoordinationService.SORTS, "-id"));
    }

    @GetMapping("/matrix")
    MatrixView matrix(@RequestParam(required = false) @Nullable String country) {
        return coordination.matrix(country);
    }

    @GetMapping("/needs")
    PageResponse<NeedView> needs(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return coordination.needs(
                q, country, false, PageQuery.of(page, size, sort, CoordinationService.NEED_SORT_KEYS, "country"));
    }

    @PostMapping("/needs")
    ResponseEntity<NeedView> recordNeed(@RequestBody NeedCommand request) {
        NeedView need = coordination.recordNeed(request);
        return ResponseEntity.created(URI.create("/api/v1/coordination/needs")).body(need);
    }

    @DeleteMapping("/needs/{id}")
    ResponseEntity<Void> deleteNeed(@PathVariable long id) {
        coordination.deleteNeed(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/gaps")
    PageResponse<NeedView> gaps(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return coordination.needs(
                q, country, true, PageQuery.of(page, size, sort, CoordinationService.NEED_SORT_KEYS, "country"));
    }

    @GetMapping(value = "/activities.hxl.csv", produces = "text/csv")
    ResponseEntity<byte[]> hxl() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bluehelm-3w.hxl.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(exchange.hxl(coordination.all()).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(value = "/activities.iati.xml", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<byte[]> iati() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bluehelm-activities.iati.xml\"")
                .contentType(MediaType.APPLICATION_XML)
                .body(exchange.iati(coordination.all()));
    }

    @PostMapping(
            value = "/activities/iati",
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    ResponseEntity<List<ActivityView>> importIati(@RequestBody byte[] xml) {
        return ResponseEntity.status(201).body(exchange.importIati(xml));
    }

    record ActivityRequest(
            @Nullable String title,
            @Nullable Long programmeId,
            @Nullable Long actorId,
            @Nullable ActorRole actorRole,
            @Nullable Pillar pillar,
            @Nullable SupportKind supportKind,
            @Nullable Long institutionId,
            @Nullable Long orgUnitId,
            @Nullable String countryCode,
            @Nullable Long missionId,
            @Nullable LocalDate startDate,
            @Nullable LocalDate endDate,
            @Nullable ActivityStatus status,
            @Nullable BigDecimal budgetAmount,
            @Nullable String budgetCurrency,
            @Nullable String iatiIdentifier,
            @Nullable String description,
            @Nullable Integer version) {
        ActivityCommand command() {
            return new ActivityCommand(
                    title,
                    programmeId,
                    actorId,
                    actorRole,
                    pillar,
                    supportKind,
                    institutionId,
                    orgUnitId,
                    countryCode,
                    missionId,
                    startDate,
                    endDate,
                    status,
                    budgetAmount,
                    budgetCurrency,
                    iatiIdentifier,
                    description);
        }
    }
}
