package org.bluehelm.alert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bluehelm.shared.ExpectedVersion;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alerts in the user's scope ({@code GET /api/v1/alerts}), acknowledging one, and the check for
 * missing values on demand.
 */
@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "Alerts", description = "Alerts raised by the rules, in your scope")
class AlertApiController {

    private final AlertService alerts;

    AlertApiController(AlertService alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    PageResponse<AlertView> list(
            @RequestParam(required = false) @Nullable AlertState state,
            @RequestParam(required = false) @Nullable Long indicator,
            @RequestParam(required = false) @Nullable Long orgUnit,
            @RequestParam(required = false) @Nullable Long rule,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return alerts.list(
                new AlertFilter(state, indicator, orgUnit, rule),
                PageQuery.of(page, size, sort, AlertService.SORTS, "-raisedAt"));
    }

    @GetMapping("/{id}")
    ResponseEntity<AlertView> get(@PathVariable long id) {
        AlertView alert = alerts.get(id);
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(alert.version())).body(alert);
    }

    @PostMapping("/{id}/acknowledge")
    @Operation(
            summary = "Acknowledge an alert",
            description = "Anyone but a VIEWER, in scope. The version read (query version, or If-Match) is required"
                    + " and must be current.")
    ResponseEntity<AlertView> acknowledge(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        AlertView alert = alerts.acknowledge(id, ExpectedVersion.of(version, ifMatch));
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(alert.version())).body(alert);
    }

    @PostMapping("/check-missing")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Check the MISSING rules now", description = "ADMIN. The same check runs every day.")
    AlertService.MissingCheckResult checkMissing() {
        return alerts.checkMissing();
    }
}
