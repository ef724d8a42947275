package org.bluehelm.capacity;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/capacity")
@Tag(name = "Capacity", description = "Capacity measures of an institution and training set against outcomes")
class MeasuresApiController {

    private final CapacityMeasures measures;
    private final CapacityIndicatorPublisher publisher;

    MeasuresApiController(CapacityMeasures measures, CapacityIndicatorPublisher publisher) {
        this.measures = measures;
        this.publisher = publisher;
    }

    @GetMapping("/institutions/{id}/coverage")
    InstitutionCoverage coverage(@PathVariable long id) {
        return measures.coverage(id);
    }

    /** Training coverage over time against an outcome indicator (complaints per 1,000 personnel unless named). */
    @GetMapping("/institutions/{id}/outcome")
    OutcomeComparison outcome(@PathVariable long id, @RequestParam(required = false) @Nullable String indicator) {
        return measures.outcome(id, indicator);
    }

    /** Recomputes the capacity indicator values from the training records now (administrators). */
    @PostMapping("/indicators/republish")
    @PreAuthorize("hasRole('ADMIN')")
    CapacityIndicatorPublisher.Published republish() {
        return publisher.republish();
    }
}
