package org.bluehelm.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.bluehelm.shared.PeriodType;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "Aggregated indicator values by organisation unit, period and option")
class AnalyticsApiController {

    private final AnalyticsService analytics;

    AnalyticsApiController(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    /**
     * Aggregates, e.g. {@code ?indicator=12,13&orgUnit=1&orgUnitLevel=3&periodType=QUARTERLY&from=2024Q1&to=2024Q4}.
     * Lists (indicator, orgUnit, formula) may be repeated parameters or comma-separated.
     */
    @GetMapping
    @Operation(
            summary = "Aggregate indicators and formulas by organisation unit and period",
            description = "orgUnit: the units themselves; with children=true their children; with orgUnitLevel=N"
                    + " every unit at level N within them. Periods of periodType (default: the type of from)"
                    + " from the one containing 'from' to the one containing 'to'. formula: e.g."
                    + " #{trained_female} / #{trained_total} * 100. byOption=true splits by disaggregation option.")
    AnalyticsResult aggregate(
            @RequestParam(name = "indicator", required = false) @Nullable List<Long> indicators,
            @RequestParam(name = "formula", required = false) @Nullable List<String> formulas,
            @RequestParam(name = "orgUnit", required = false) @Nullable List<Long> orgUnits,
            @RequestParam(required = false) @Nullable Integer orgUnitLevel,
            @RequestParam(required = false, defaultValue = "false") boolean children,
            @RequestParam(required = false) @Nullable PeriodType periodType,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false, defaultValue = "false") boolean byOption) {
        return analytics.aggregate(new AnalyticsQuery(
                indicators == null ? List.of() : indicators,
                formulas == null ? List.of() : formulas,
                orgUnits == null ? List.of() : orgUnits,
                orgUnitLevel,
                children,
                periodType,
                from,
                to,
                byOption));
    }

    /** Recomputes every rollup from the data values (administrators only). */
    @PostMapping("/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    RebuildResult rebuild() {
        return analytics.rebuild();
    }
}
