package org.bluehelm.geography;

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
@RequestMapping("/api/v1")
@Tag(name = "Geography", description = "Countries and organisation units")
class GeographyApiController {

    private final GeographyService geography;

    GeographyApiController(GeographyService geography) {
        this.geography = geography;
    }

    @GetMapping("/countries")
    PageResponse<CountryView> countries(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return geography.countries(q, PageQuery.of(page, size, sort, GeographyService.COUNTRY_SORTS, "iso3"));
    }

    @GetMapping("/countries/{iso3}")
    CountryView country(@PathVariable String iso3) {
        return geography.country(iso3.toUpperCase(java.util.Locale.ROOT));
    }

    @GetMapping("/orgUnits")
    PageResponse<OrgUnitView> orgUnits(
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Long parent,
            @RequestParam(required = false) @Nullable Long within,
            @RequestParam(required = false) @Nullable Integer level,
            @RequestParam(required = false) @Nullable OrgUnitKind kind,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return geography.orgUnits(
                new OrgUnitFilter(country, parent, within, level, kind, q),
                PageQuery.of(page, size, sort, GeographyService.ORG_UNIT_SORTS, "path"));
    }

    @GetMapping("/orgUnits/{id}")
    ResponseEntity<OrgUnitView> orgUnit(@PathVariable long id) {
        OrgUnitView unit = geography.orgUnit(id);
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(unit.version())).body(unit);
    }

    @PostMapping("/orgUnits")
    ResponseEntity<OrgUnitView> create(@RequestBody OrgUnitRequest request) {
        OrgUnitView unit = geography.createOrgUnit(request.command());
        return ResponseEntity.created(URI.create("/api/v1/orgUnits/" + unit.id()))
                .eTag(ExpectedVersion.etag(unit.version()))
                .body(unit);
    }

    @PutMapping("/orgUnits/{id}")
    ResponseEntity<OrgUnitView> update(
            @PathVariable long id,
            @RequestBody OrgUnitRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        OrgUnitView unit =
                geography.updateOrgUnit(id, ExpectedVersion.of(request.version(), ifMatch), request.command());
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(unit.version())).body(unit);
    }

    @DeleteMapping("/orgUnits/{id}")
    ResponseEntity<Void> delete(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        geography.deleteOrgUnit(id, ExpectedVersion.of(version, ifMatch));
        return ResponseEntity.noContent().build();
    }

    record OrgUnitRequest(
            @Nullable String code,
            @Nullable String name,
            @Nullable OrgUnitKind kind,
            @Nullable Long parentId,
            @Nullable String countryCode,
            @Nullable Integer version) {
        OrgUnitCommand command() {
            return new OrgUnitCommand(code, name, kind, parentId, countryCode);
        }
    }
}
