package org.bluehelm.ssrindex;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.PeriodType;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SSR composite index: {@code GET /api/v1/ssr-index?orgUnit=&period=} (or {@code institution=}
 * instead of {@code orgUnit=}) for one period, {@code ?from=&to=&periodType=} for a series, and
 * {@code GET/PUT /api/v1/ssr-index/weights}. The method: {@code /ssr-index/method} in the app.
 */
@RestController
@RequestMapping("/api/v1/ssr-index")
@Tag(name = "SSR index", description = "The composite index of security sector reform by dimension")
class SsrIndexApiController {

    private final SsrIndexService index;

    SsrIndexApiController(SsrIndexService index) {
        this.index = index;
    }

    @GetMapping(params = "!from")
    @Operation(
            summary = "The index of an organisation unit or institution in a period",
            description = "Per dimension: score (0 baseline to 100 target, null without data), coverage"
                    + " (covered of applicable indicators) and each indicator's value, baseline, target,"
                    + " normalised place and weight; plus the overall score (mean of the dimension scores).")
    SsrIndex index(
            @RequestParam(required = false) @Nullable Long orgUnit,
            @RequestParam(required = false) @Nullable Long institution,
            @RequestParam(required = false) @Nullable String period) {
        return index.index(orgUnit, institution, period);
    }

    @GetMapping(params = "from")
    @Operation(
            summary = "The index over a range of periods, for charts",
            description = "Periods of periodType (default: the type of from) from the one containing 'from' to"
                    + " the one containing 'to'; per period the overall score and each dimension's score and"
                    + " coverage.")
    SsrIndexSeries series(
            @RequestParam(required = false) @Nullable Long orgUnit,
            @RequestParam(required = false) @Nullable Long institution,
            @RequestParam(required = false) @Nullable PeriodType periodType,
            @RequestParam String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String period) {
        if (period != null) {
            throw InvalidInputException.of("period", "give either period or from and to, not both");
        }
        return index.series(orgUnit, institution, periodType, from, to);
    }

    @GetMapping("/weights")
    @Operation(summary = "The weights of the index's indicators in your scope (1 unless set)")
    WeightList weights(@RequestParam(required = false) @Nullable Dimension dimension) {
        return index.weights(dimension);
    }

    @PutMapping("/weights")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER')")
    @Operation(
            summary = "Set the weights of some indicators",
            description = "Body: {\"weights\":[{\"indicatorId\":12,\"weight\":2,\"version\":0}]}: each weight a"
                    + " positive number, each with the version read (0 for a default weight). Indicators not"
                    + " listed keep their weight. The shared library's weights: administrators only.")
    WeightList setWeights(@RequestBody SetWeights command) {
        return index.setWeights(command);
    }
}
