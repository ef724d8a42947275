package org.bluehelm.alert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import org.bluehelm.shared.ExpectedVersion;
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

/** Alert rules: list, read, create, change and delete ({@code /api/v1/alert-rules}). */
@RestController
@RequestMapping("/api/v1/alert-rules")
@Tag(name = "Alert rules", description = "Thresholds, deterioration and missing data watched per indicator")
class AlertRuleApiController {

    private final AlertRuleService rules;

    AlertRuleApiController(AlertRuleService rules) {
        this.rules = rules;
    }

    @GetMapping
    PageResponse<AlertRuleView> list(
            @RequestParam(required = false) @Nullable Long indicator,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return rules.list(indicator, PageQuery.of(page, size, sort, AlertRuleService.SORTS, "id"));
    }

    @GetMapping("/{id}")
    ResponseEntity<AlertRuleView> get(@PathVariable long id) {
        AlertRuleView rule = rules.get(id);
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(rule.version())).body(rule);
    }

    @PostMapping
    @Operation(
            summary = "Create a rule",
            description = "ADMIN, MISSION_MANAGER or DATA_STEWARD, for an indicator in scope. THRESHOLD needs"
                    + " operator (ABOVE, BELOW) and threshold; DETERIORATION percent; MISSING dueDays and periodType.")
    ResponseEntity<AlertRuleView> create(@RequestBody AlertRuleRequest request) {
        AlertRuleView rule = rules.create(request.command());
        return ResponseEntity.created(URI.create("/api/v1/alert-rules/" + rule.id()))
                .eTag(ExpectedVersion.etag(rule.version()))
                .body(rule);
    }

    @PutMapping("/{id}")
    ResponseEntity<AlertRuleView> update(
            @PathVariable long id,
            @RequestBody AlertRuleRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        AlertRuleView rule = rules.update(id, ExpectedVersion.of(request.version(), ifMatch), request.command());
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(rule.version())).body(rule);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        rules.delete(id, ExpectedVersion.of(version, ifMatch));
        return ResponseEntity.noContent().build();
    }

    record AlertRuleRequest(
            @Nullable Long indicatorId,
            @Nullable AlertKind kind,
            @Nullable ThresholdOperator operator,
            @Nullable BigDecimal threshold,
            @Nullable BigDecimal percent,
            @Nullable Integer dueDays,
            @Nullable PeriodType periodType,
            @Nullable Long orgUnitId,
            @Nullable Boolean active,
            @Nullable Integer version) {
        AlertRuleCommand command() {
            return new AlertRuleCommand(
                    indicatorId, kind, operator, threshold, percent, dueDays, periodType, orgUnitId, active);
        }
    }
}
