package org.bluehelm.context;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
        name = "Transition readiness",
        description = "Readiness for handover by region, from the SSR index and the context")
class ReadinessApiController {

    private final ReadinessService readiness;

    ReadinessApiController(ReadinessService readiness) {
        this.readiness = readiness;
    }

    /** Readiness of a country (or a mission's host country) in a period, optionally for one pillar. */
    @GetMapping("/api/v1/readiness")
    Readiness readiness(
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Long mission,
            @RequestParam(required = false) @Nullable Long orgUnit,
            @RequestParam(required = false) @Nullable Pillar pillar,
            @RequestParam(required = false) @Nullable String period) {
        return readiness.readiness(country, mission, orgUnit, pillar, period);
    }
}
