package org.bluehelm.approval;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.web.ListExport;
import org.bluehelm.web.ListFile;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Approval of programme data: {@code POST /api/v1/approvals/{submit|withdraw|approve|unapprove}}
 * with programmeId, orgUnitId, period and comment; {@code GET /api/v1/approvals} lists the states
 * with their logs; {@code GET /api/v1/approvals/overview} gives a unit and those below it.
 */
@RestController
@RequestMapping("/api/v1/approvals")
@Tag(name = "Approvals", description = "Submitting, approving and locking programme data per unit and period")
class ApprovalApiController {

    private final ApprovalService approvals;

    private final ListExport export;

    ApprovalApiController(ApprovalService approvals, ListExport export) {
        this.export = export;
        this.approvals = approvals;
    }

    @PostMapping("/{action}")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER', 'DATA_STEWARD', 'PARTNER')")
    @Operation(
            summary = "Take a step of approval",
            description = "submit and withdraw: DATA_STEWARD, PARTNER, ADMIN; approve and unapprove:"
                    + " MISSION_MANAGER, ADMIN. A unit is approved after the units below it that hold data.")
    ApprovalView act(@PathVariable String action, @RequestBody ApprovalCommand command) {
        return approvals.act(action(action), command);
    }

    @GetMapping
    @ListFile
    ResponseEntity<?> list(
            @RequestParam(required = false) @Nullable Long programme,
            @RequestParam(required = false) @Nullable Long orgUnit,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return export.jsonOrFile(
                ApprovalController.EXPORT,
                () -> ApprovalController.all(approvals, programme, orgUnit, period, sort),
                () -> approvals.list(
                        programme,
                        orgUnit,
                        period,
                        PageQuery.of(page, size, sort, ApprovalService.SORTS, "-updatedAt")));
    }

    @GetMapping("/overview")
    ApprovalOverview overview(
            @RequestParam long programme,
            @RequestParam String period,
            @RequestParam(required = false) @Nullable Long orgUnit) {
        return approvals.overview(programme, period, orgUnit);
    }

    static ApprovalAction action(String text) {
        try {
            return ApprovalAction.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(
                    "action", "'" + text + "' is not a step: use submit, withdraw, approve or unapprove");
        }
    }
}
