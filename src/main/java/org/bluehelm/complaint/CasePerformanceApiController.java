package org.bluehelm.complaint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bluehelm.shared.AccessScope;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/complaints/performance")
@Tag(
        name = "Case performance",
        description = "Caseload, time to close, share substantiated and referrals of oversight bodies")
class CasePerformanceApiController {

    private final CasePerformanceService performance;
    private final AccountabilityIndicatorPublisher publisher;

    CasePerformanceApiController(CasePerformanceService performance, AccountabilityIndicatorPublisher publisher) {
        this.performance = performance;
        this.publisher = publisher;
    }

    /** E.g. {@code ?country=LBR&periodType=QUARTERLY&from=2025Q1&to=2025Q4&by=BODY_AND_INSTITUTION}. */
    @GetMapping
    @Operation(
            summary = "Performance of oversight bodies by body and/or institution and period",
            description = "Cases in your scope. periodType QUARTERLY (default) or YEARLY; from/to period ids (default:"
                    + " the last 4 quarters or 3 years); by BODY (default), INSTITUTION or BODY_AND_INSTITUTION."
                    + " For users other than administrators, mission managers and case officers, counts under 5 (and"
                    + " the figures resting on them) have value null and suppressed true.")
    CasePerformance get(
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Long oversightBody,
            @RequestParam(required = false) @Nullable Long institution,
            @RequestParam(required = false) @Nullable String periodType,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String by) {
        return performance.performance(
                CasePerformanceController.query(country, oversightBody, institution, periodType, from, to, by),
                AccessScope.current());
    }

    /** Recomputes the accountability indicator values from the cases now (administrators). */
    @PostMapping("/republish")
    @PreAuthorize("hasRole('ADMIN')")
    AccountabilityIndicatorPublisher.Published republish() {
        return publisher.republish();
    }
}
