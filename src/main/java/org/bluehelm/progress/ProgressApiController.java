package org.bluehelm.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Progress",
        description = "Progress against baseline and target, trends, reporting completeness and timeliness")
class ProgressApiController {

    private final ProgressService progress;

    ProgressApiController(ProgressService progress) {
        this.progress = progress;
    }

    @GetMapping("/progress")
    @Operation(
            summary = "Progress of an indicator at an organisation unit",
            description = "Baseline and target of the unit, latest aggregated value, percent achieved, percent"
                    + " expected by asOf (default today), status and trend over the last periods.")
    IndicatorProgress progress(
            @RequestParam(required = false) @Nullable Long indicator,
            @RequestParam(required = false) @Nullable Long orgUnit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        new Validation()
                .required("indicator", indicator)
                .required("orgUnit", orgUnit)
                .throwIfInvalid();
        return progress.progress(Objects.requireNonNull(indicator), Objects.requireNonNull(orgUnit), day(asOf));
    }

    @GetMapping("/indicators/{id}/progress")
    @Operation(summary = "Progress of an indicator at every organisation unit that has a target for it")
    List<IndicatorProgress> indicator(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        return progress.progressByUnit(id, day(asOf));
    }

    @GetMapping("/programmes/{id}/progress")
    @Operation(
            summary = "Progress of every indicator of a programme's results chain at its locations",
            description = "At the programme's locations, or at the top units of its country when it lists none.")
    ProgrammeProgress programme(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        return progress.programme(id, day(asOf));
    }

    @GetMapping("/programmes/{id}/reporting")
    @Operation(
            summary = "Reporting completeness and timeliness of a programme per organisation unit and period",
            description = "Periods from the one of 'from' to the one containing 'to' (e.g. from=2024Q1&to=2024Q4);"
                    + " by default the last four quarters whose due date has passed.")
    ReportingView reporting(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return progress.reporting(id, from, to);
    }

    private LocalDate day(@Nullable LocalDate asOf) {
        return asOf == null ? progress.today() : asOf;
    }
}
