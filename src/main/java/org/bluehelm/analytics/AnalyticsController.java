package org.bluehelm.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.IndicatorFilter;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorSummary;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PeriodType;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pivot screen: choose indicators (and a formula), an organisation unit and the level below it,
 * a period type and range; shows one table per indicator with units as rows and periods as
 * columns, and offers the same tables as CSV and XLSX.
 */
@Controller
class AnalyticsController {

    private final AnalyticsService analytics;
    private final IndicatorService indicators;
    private final GeographyService geography;

    AnalyticsController(AnalyticsService analytics, IndicatorService indicators, GeographyService geography) {
        this.analytics = analytics;
        this.indicators = indicators;
        this.geography = geography;
    }

    /** One table of the pivot: an indicator or formula, its units as rows and periods as columns. */
    record PivotTable(String title, List<String> periods, List<PivotRow> rows) {}

    /** A unit's values by period; {@code suppressed} marks the small cells hidden from the user ("<5"). */
    record PivotRow(String code, String name, int level, List<@Nullable BigDecimal> values, List<Boolean> suppressed) {

        PivotRow(String code, String name, int level, List<@Nullable BigDecimal> values) {
            this(code, name, level, values, java.util.Collections.nCopies(values.size(), false));
        }
    }

    @GetMapping("/analytics")
    String pivot(
            @RequestParam(name = "indicator", required = false) @Nullable List<Long> indicatorIds,
            @RequestParam(required = false) @Nullable String formula,
            @RequestParam(required = false) @Nullable Long orgUnit,
            @RequestParam(required = false) @Nullable Integer orgUnitLevel,
            @RequestParam(required = false) @Nullable PeriodType periodType,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Model model) {
        model.addAttribute("indicatorChoices", indicatorChoices());
        model.addAttribute("unitChoices", unitChoices());
        model.addAttribute("periodTypes", PeriodType.values());
        model.addAttribute("selected", indicatorIds == null ? List.of() : indicatorIds);
        boolean asked = (indicatorIds != null && !indicatorIds.isEmpty()) || (formula != null && !formula.isBlank());
        if (asked) {
            try {
                AnalyticsResult result =
                        analytics.aggregate(query(indicatorIds, formula, orgUnit, orgUnitLevel, periodType, from, to));
                model.addAttribute("tables", tables(result));
            } catch (InvalidInputException e) {
                model.addAttribute("problems", e.problems());
            } catch (NotFoundException e) {
                model.addAttribute("notFound", true);
            }
        }
        return "analytics/pivot";
    }

    @GetMapping("/analytics.csv")
    ResponseEntity<byte[]> csv(
            @RequestParam(name = "indicator", required = false) @Nullable List<Long> indicatorIds,
            @RequestParam(required = false) @Nullable String formula,
            @RequestParam(required = false) @Nullable Long orgUnit,
            @RequestParam(required = false) @Nullable Integer orgUnitLevel,
            @RequestParam(required = false) @Nullable PeriodType periodType,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return download(TableDownload.Format.CSV, indicatorIds, formula, orgUnit, orgUnitLevel, periodType, from, to);
    }

    @GetMapping("/analytics.xlsx")
    ResponseEntity<byte[]> xlsx(
            @RequestParam(name = "indicator", required = false) @Nullable List<Long> indicatorIds,
            @RequestParam(required = false) @Nullable String formula,
            @RequestParam(required = false) @Nullable Long orgUnit,
            @RequestParam(required = false) @Nullable Integer orgUnitLevel,
            @RequestParam(required = false) @Nullable PeriodType periodType,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return download(TableDownload.Format.XLSX, indicatorIds, formula, orgUnit, orgUnitLevel, periodType, from, to);
    }

    /** Every table of the pivot one below the other, each line led by its table's title. */
    private ResponseEntity<byte[]> download(
            TableDownload.Format format,
            @Nullable List<Long> indicatorIds,
            @Nullable String formula,
            @Nullable Long orgUnit,
            @Nullable Integer orgUnitLevel,
            @Nullable PeriodType periodType,
            @Nullable String from,
            @Nullable String to) {
        AnalyticsResult result =
                analytics.aggregate(query(indicatorIds, formula, orgUnit, orgUnitLevel, periodType, from, to));
        List<PivotTable> tables = tables(result);
        List<AnalyticsTable.Line> lines = new ArrayList<>();
        for (PivotTable table : tables) {
            for (PivotRow row : table.rows()) {
                lines.add(new AnalyticsTable.Line(List.of(table.title(), row.code(), row.name()), row.values()));
            }
        }
        AnalyticsTable download = new AnalyticsTable(
                List.of("item", "orgUnitCode", "orgUnitName"),
                tables.isEmpty() ? List.of() : tables.get(0).periods(),
                lines);
        return TableDownload.response(download, format, "analytics");
    }

    private static AnalyticsQuery query(
            @Nullable List<Long> indicatorIds,
            @Nullable String formula,
            @Nullable Long orgUnit,
            @Nullable Integer orgUnitLevel,
            @Nullable PeriodType periodType,
            @Nullable String from,
            @Nullable String to) {
        return new AnalyticsQuery(
                indicatorIds == null ? List.of() : indicatorIds,
                formula == null || formula.isBlank() ? List.of() : List.of(formula),
                orgUnit == null ? List.of() : List.of(orgUnit),
                orgUnitLevel,
                false,
                periodType,
                from,
                to,
                false);
    }

    /** The result as tables: one per indicator and formula, every unit and period of the query. */
    static List<PivotTable> tables(AnalyticsResult result) {
        Map<String, BigDecimal> values = new HashMap<>();
        java.util.Set<String> suppressed = new java.util.HashSet<>();
        for (AnalyticsResult.Row row : result.rows()) {
            String item = row.indicator() != null ? "i" + row.indicator() : "f" + row.formula();
            values.put(item + "|" + row.orgUnit() + "|" + row.period(), row.value());
            if (row.suppressed()) {
                suppressed.add(item + "|" + row.orgUnit() + "|" + row.period());
            }
        }
        List<String> periods =
                result.periods().stream().map(AnalyticsResult.PeriodItem::id).toList();
        List<PivotTable> tables = new ArrayList<>();
        for (AnalyticsResult.IndicatorItem indicator : result.indicators()) {
            tables.add(table(
                    indicator.name() + " (" + indicator.code() + ")",
                    "i" + indicator.id(),
                    result,
                    periods,
                    values,
                    suppressed));
        }
        for (AnalyticsResult.FormulaItem formula : result.formulas()) {
            tables.add(table(formula.formula(), "f" + formula.index(), result, periods, values, suppressed));
        }
        return tables;
    }

    private static PivotTable table(
            String title,
            String item,
            AnalyticsResult result,
            List<String> periods,
            Map<String, BigDecimal> values,
            java.util.Set<String> suppressed) {
        List<PivotRow> rows = new ArrayList<>();
        for (AnalyticsResult.OrgUnitItem unit : result.orgUnits()) {
            List<@Nullable BigDecimal> cells = new ArrayList<>();
            List<Boolean> hidden = new ArrayList<>();
            for (String period : periods) {
                cells.add(values.get(item + "|" + unit.id() + "|" + period));
                hidden.add(suppressed.contains(item + "|" + unit.id() + "|" + period));
            }
            rows.add(new PivotRow(unit.code(), unit.name(), unit.level(), cells, hidden));
        }
        return new PivotTable(title, periods, rows);
    }

    private List<IndicatorSummary> indicatorChoices() {
        return indicators
                .list(
                        new IndicatorFilter(null, null, null, null, null),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "name", Map.of("name", "i.name"), "name"))
                .items();
    }

    /** Units of the top three levels, in hierarchy order, for the unit choice. */
    private List<OrgUnitView> unitChoices() {
        return geography.topLevels(3);
    }
}
