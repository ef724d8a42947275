package org.bluehelm.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.bluehelm.analytics.TableDownload;
import org.bluehelm.shared.ExpectedVersion;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.PeriodType;
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

/**
 * Saved dashboards: {@code /api/v1/dashboards} CRUD, items under {@code /{id}/items} (each change
 * sends the dashboard's version and answers the dashboard as it now stands), and each item's figures
 * for the caller's scope at {@code /{id}/items/{itemId}/data} (JSON), {@code data.csv} and
 * {@code data.xlsx}.
 */
@RestController
@RequestMapping("/api/v1/dashboards")
@Tag(name = "Dashboards", description = "Saved, shareable dashboards of analytics items, with CSV and XLSX exports")
class DashboardApiController {

    private final DashboardService dashboards;

    DashboardApiController(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping
    @Operation(summary = "The caller's dashboards and those shared with them (audience=mine|shared|all)")
    PageResponse<DashboardSummary> list(
            @RequestParam(required = false) @Nullable String audience,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return dashboards.list(audience(audience), q, PageQuery.of(page, size, sort, DashboardService.SORTS, "name"));
    }

    @GetMapping("/{id}")
    ResponseEntity<DashboardView> get(@PathVariable long id) {
        return answer(dashboards.get(id));
    }

    @PostMapping
    ResponseEntity<DashboardView> create(@RequestBody DashboardRequest request) {
        DashboardView dashboard = dashboards.create(request.command());
        return ResponseEntity.created(URI.create("/api/v1/dashboards/" + dashboard.id()))
                .eTag(ExpectedVersion.etag(dashboard.version()))
                .body(dashboard);
    }

    @PutMapping("/{id}")
    ResponseEntity<DashboardView> update(
            @PathVariable long id,
            @RequestBody DashboardRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return answer(dashboards.update(id, ExpectedVersion.of(request.version(), ifMatch), request.command()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        dashboards.delete(id, ExpectedVersion.of(version, ifMatch));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/items")
    @Operation(summary = "Add an item at the end (send the dashboard's version)")
    ResponseEntity<DashboardView> addItem(
            @PathVariable long id,
            @RequestBody ItemRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        DashboardView dashboard =
                dashboards.addItem(id, ExpectedVersion.of(request.version(), ifMatch), request.command());
        return ResponseEntity.created(URI.create("/api/v1/dashboards/" + id))
                .eTag(ExpectedVersion.etag(dashboard.version()))
                .body(dashboard);
    }

    @PutMapping("/{id}/items/{itemId}")
    ResponseEntity<DashboardView> updateItem(
            @PathVariable long id,
            @PathVariable long itemId,
            @RequestBody ItemRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return answer(
                dashboards.updateItem(id, itemId, ExpectedVersion.of(request.version(), ifMatch), request.command()));
    }

    @DeleteMapping("/{id}/items/{itemId}")
    ResponseEntity<DashboardView> removeItem(
            @PathVariable long id,
            @PathVariable long itemId,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return answer(dashboards.removeItem(id, itemId, ExpectedVersion.of(version, ifMatch)));
    }

    @PostMapping("/{id}/items/{itemId}/move")
    @Operation(summary = "Move an item one place up or down: {\"direction\":\"UP\",\"version\":3}")
    ResponseEntity<DashboardView> moveItem(
            @PathVariable long id,
            @PathVariable long itemId,
            @RequestBody MoveRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return answer(dashboards.moveItem(
                id, itemId, ExpectedVersion.of(request.version(), ifMatch), direction(request.direction())));
    }

    @GetMapping("/{id}/items/{itemId}/data")
    @Operation(summary = "The item's table, computed with the caller's scope")
    ItemData data(@PathVariable long id, @PathVariable long itemId) {
        return dashboards.data(id, itemId);
    }

    @GetMapping("/{id}/items/{itemId}/data.csv")
    ResponseEntity<byte[]> csv(@PathVariable long id, @PathVariable long itemId) {
        return download(id, itemId, TableDownload.Format.CSV);
    }

    @GetMapping("/{id}/items/{itemId}/data.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id, @PathVariable long itemId) {
        return download(id, itemId, TableDownload.Format.XLSX);
    }

    /** An item's table as a file named after the dashboard and item ids. */
    static ResponseEntity<byte[]> download(ItemData data, long id, TableDownload.Format format) {
        return TableDownload.response(
                java.util.Objects.requireNonNull(data.table()),
                format,
                "dashboard-" + id + "-item-" + data.item().id());
    }

    private ResponseEntity<byte[]> download(long id, long itemId, TableDownload.Format format) {
        return download(dashboards.data(id, itemId), id, format);
    }

    private static ResponseEntity<DashboardView> answer(DashboardView dashboard) {
        return ResponseEntity.ok()
                .eTag(ExpectedVersion.etag(dashboard.version()))
                .body(dashboard);
    }

    private static DashboardService.Audience audience(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return DashboardService.Audience.ALL;
        }
        try {
            return DashboardService.Audience.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("audience", "'" + text + "' is not an audience: use mine, shared or all");
        }
    }

    private static DashboardService.Direction direction(@Nullable String text) {
        try {
            return DashboardService.Direction.valueOf(
                    text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("direction", "'" + text + "' is not a direction: use UP or DOWN");
        }
    }

    record DashboardRequest(
            @Nullable String name,
            @Nullable String description,
            @Nullable Boolean shared,
            @Nullable Long missionId,
            @Nullable String countryCode,
            @Nullable Integer version) {
        DashboardCommand command() {
            return new DashboardCommand(name, description, Boolean.TRUE.equals(shared), missionId, countryCode);
        }
    }

    record ItemRequest(
            @Nullable ItemKind kind,
            @Nullable String title,
            @Nullable List<Long> indicators,
            @Nullable Long orgUnit,
            @Nullable Integer orgUnitLevel,
            @Nullable Boolean children,
            @Nullable PeriodType periodType,
            @Nullable String from,
            @Nullable String to,
            @Nullable Boolean byOption,
            @Nullable Integer version) {
        DashboardItemCommand command() {
            return new DashboardItemCommand(
                    kind,
                    title,
                    indicators == null ? List.of() : indicators,
                    orgUnit,
                    orgUnitLevel,
                    Boolean.TRUE.equals(children),
                    periodType,
                    from,
                    to,
                    Boolean.TRUE.equals(byOption));
        }
    }

    record MoveRequest(@Nullable String direction, @Nullable Integer version) {}
}
