package org.bluehelm.measurement;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bluehelm.shared.ExpectedVersion;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.PeriodType;
import org.bluehelm.shared.Validation;
import org.bluehelm.web.ListExport;
import org.bluehelm.web.ListFile;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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

@RestController
@RequestMapping("/api/v1/dataValues")
@Tag(name = "Data values", description = "Values of indicators by organisation unit, period and disaggregation")
class DataValueApiController {

    private final MeasurementService measurements;

    /** Data values as a list file: indicator, unit, period, disaggregation, value and who stored it. */
    static final ListExport.Table<DataValueView> EXPORT = ListExport.Table.of(
            "data-values",
            ListExport.column("measurement.indicator", DataValueView::indicatorCode),
            ListExport.column("measurement.orgUnit", DataValueView::orgUnitId),
            ListExport.column("measurement.period", DataValueView::period),
            ListExport.column("measurement.option", DataValueView::optionCode),
            ListExport.column("measurement.value", DataValueView::value),
            ListExport.column("measurement.comment", DataValueView::comment),
            ListExport.column("measurement.stored", DataValueView::storedBy),
            ListExport.column("measurement.storedAt", DataValueView::storedAt));

    private final ListExport export;

    DataValueApiController(MeasurementService measurements, ListExport export) {
        this.measurements = measurements;
        this.export = export;
    }

    @GetMapping
    @ListFile
    ResponseEntity<?> list(
            @RequestParam(required = false) @Nullable Long indicator,
            @RequestParam(required = false) @Nullable Long orgUnit,
            @RequestParam(required = false) @Nullable Long within,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable PeriodType periodType,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        DataValueFilter filter = new DataValueFilter(indicator, orgUnit, within, period, periodType, from, to);
        return export.jsonOrFile(
                EXPORT,
                () -> ListExport.allPages((p, s) ->
                        measurements.list(filter, PageQuery.of(p, s, sort, MeasurementService.SORTS, "period"))),
                () -> measurements.list(filter, PageQuery.of(page, size, sort, MeasurementService.SORTS, "period")));
    }

    /**
     * The units and periods whose values count twice (a total beside a breakdown), to be put right by
     * removing one side.
     */
    @GetMapping("/doubleCounted")
    PageResponse<DoubleCountedCell> doubleCounted(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return measurements.doubleCounted(
                PageQuery.of(page, size, sort, MeasurementService.DOUBLE_COUNTED_SORTS, "-period"));
    }

    @GetMapping("/{id}")
    ResponseEntity<DataValueView> get(@PathVariable long id) {
        DataValueView value = measurements.get(id);
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(value.version())).body(value);
    }

    /** Records one value: 201 when it is new, 200 when it replaced the stored value (whose version it carried). */
    @PostMapping
    ResponseEntity<DataValueView> record(
            @RequestBody DataValueRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        Integer version = ifMatch == null || ifMatch.isBlank()
                ? request.version()
                : Integer.valueOf(ExpectedVersion.of(request.version(), ifMatch));
        RecordedValue recorded = measurements.recordValue(request.command(version));
        DataValueView value = recorded.value();
        ResponseEntity.BodyBuilder response = recorded.created()
                ? ResponseEntity.created(URI.create("/api/v1/dataValues/" + value.id()))
                : ResponseEntity.status(HttpStatus.OK);
        return response.eTag(ExpectedVersion.etag(value.version())).body(value);
    }

    /** Records many values, all or nothing. */
    @PostMapping("/batch")
    BatchResult batch(@RequestBody BatchRequest request) {
        if (request.values() == null) {
            throw InvalidInputException.of("values", "is required");
        }
        List<DataValueCommand> commands = new ArrayList<>();
        for (DataValueRequest value : request.values()) {
            commands.add(
                    value == null
                            ? new DataValueCommand(null, null, null, null, null, null, null, null)
                            : value.command(value.version()));
        }
        return measurements.recordBatch(commands);
    }

    @PutMapping("/{id}")
    ResponseEntity<DataValueView> update(
            @PathVariable long id,
            @RequestBody ChangeRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        refuseKeyChange(measurements.get(id), request);
        DataValueView value = measurements.update(
                id, ExpectedVersion.of(request.version(), ifMatch), request.value(), request.comment());
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(value.version())).body(value);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        measurements.delete(id, ExpectedVersion.of(version, ifMatch));
        return ResponseEntity.noContent().build();
    }

    record DataValueRequest(
            @Nullable Long indicatorId,
            @Nullable Long orgUnitId,
            @Nullable String period,
            @Nullable String categoryCode,
            @Nullable String optionCode,
            @Nullable BigDecimal value,
            @Nullable String comment,
            @Nullable Integer version) {
        DataValueCommand command(@Nullable Integer expectedVersion) {
            return new DataValueCommand(
                    indicatorId, orgUnitId, period, categoryCode, optionCode, value, comment, expectedVersion);
        }
    }

    record BatchRequest(@Nullable List<DataValueRequest> values) {}

    /**
     * A change of a stored value: its number and comment. The key may be sent back as read (a client
     * often sends the whole value); a different key is refused rather than silently kept.
     */
    record ChangeRequest(
            @Nullable BigDecimal value,
            @Nullable String comment,
            @Nullable Integer version,
            @Nullable Long indicatorId,
            @Nullable Long orgUnitId,
            @Nullable String period,
            @Nullable String categoryCode,
            @Nullable String optionCode) {}

    private static void refuseKeyChange(DataValueView stored, ChangeRequest request) {
        Validation v = new Validation();
        differs(v, "indicatorId", request.indicatorId(), stored.indicatorId());
        differs(v, "orgUnitId", request.orgUnitId(), stored.orgUnitId());
        differs(
                v,
                "period",
                request.period() == null ? null : samePeriod(request.period(), stored.period()),
                stored.period());
        differs(v, "categoryCode", request.categoryCode(), stored.categoryCode());
        differs(v, "optionCode", request.optionCode(), stored.optionCode());
        v.throwIfInvalid();
    }

    /** The stored period when the text names it (in any accepted spelling), else the text. */
    private static String samePeriod(String text, String stored) {
        try {
            return Period.parse(text).id().equals(stored) ? stored : text;
        } catch (InvalidInputException e) {
            return text;
        }
    }

    private static void differs(Validation v, String field, @Nullable Object sent, @Nullable Object stored) {
        if (sent != null && !sent.equals(stored)) {
            v.add(
                    field,
                    "cannot change (it is " + (stored == null ? "empty" : stored) + "): a value keeps its indicator,"
                            + " organisation unit, period and option; delete it and record a new one instead");
        }
    }
}
