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
import org.bluehelm.web.Crumb;
import org.bluehelm.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
    private final MessageSource messages;

    AnalyticsController(
            AnalyticsService analytics,
            IndicatorService indicators,
            GeographyService geography,
            MessageSource messages) {
        this.analytics = analytics;
        this.indicators = indicators;
        this.geography = geography;
        this.messages = messages;
    }

    /** One table of the pivot: an indicator or formula, its units as rows and periods as columns. */
    record PivotTable(String title, List<String> periods, List<PivotRow> rows) {}

    /**
     * A unit's values by period (of one disaggregation option when the table is split by option);
     * {@code suppressed} marks the small cells hidden from the user ("<5").
     */
    record PivotRow(
            String code,
            String name,
            int level,
            @Nullable String option,
            List<@Nullable BigDecimal> values,
            List<Boolean> suppressed) {

        PivotRow(String code, String name, int level, List<@Nullable BigDecimal> values) {
            this(code, name, level, null, values, java.util.Collections.nCopies(values.size(), false));
        }
    }

    @GetMapping("/analytics")
    String pivot(
            @RequestParam(name = "indicator", required = false) @Nullable List<Long> indicatorIds,
            @RequestParam(required = false) @Nullable String formula,
            @RequestParam(required = false) @Nullable Long orgUnit,
            @RequestParam(required = false) @Nullable String orgUnitLevel,
            @RequestParam(required = false) @Nullable PeriodType periodType,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false, defaultValue = "false") boolean byOption,
            Model model) {
        model.addAttribute("indicatorChoices", indicatorChoices());
        model.addAttribute("unitChoices", unitChoices());
        model.addAttribute("periodTypes", PeriodType.values());
        model.addAttribute(
                "breadcrumbs",
                List.of(new Crumb(
                        messages.getMessage("analytics.title", null, "Analytics", LocaleContextHolder.getLocale()),
                        null)));
        model.addAttribute("selected", indicatorIds == null ? List.of() : indicatorIds);
        boolean asked = (indicatorIds != null && !indicatorIds.isEmpty()) || (formula != null && !formula.isBlank());
        if (asked) {
            try {
                AnalyticsResult result = analytics.aggregate(
                        query(indicatorIds, formula, orgUnit, orgUnitLevel, periodType, from, to, byOption));
                model.addAttribute("tables", tables(result));
            } catch (InvalidInputException e) {
                model.addAttribute(
                        "problems", FormErrors.translated(e.problems(), messages, LocaleContextHolder.getLocale()));
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
            @RequestParam(required = false) @Nullable String orgUnitLevel,
            @RequestParam(required = false) @Nullable PeriodType periodType,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false, defaultValue = "false") boolean byOption) {
        return download(
                TableDownload.Format.CSV,
                query(indicatorIds, formula, orgUnit, orgUnitLevel, periodType, from, to, byOption));
    }

    @GetMapping("/analytics.xlsx")
    ResponseEntity<byte[]> xlsx(
            @RequestParam(name = "indicator", required = false) @Nullable List<Long> indicatorIds,
            @RequestParam(required = false) @Nullable String formula,
            @RequestParam(required = false) @Nullable Long orgUnit,
            @RequestParam(required = false) @Nullable String orgUnitLevel,
            @RequestParam(required = false) @Nullable PeriodType periodType,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false, defaultValue = "false") boolean byOption) {
        return download(
                TableDownload.Format.XLSX,
                query(indicatorIds, formula, orgUnit, orgUnitLevel, periodType, from, to, byOption));
    }

    /**
     * Every table of the pivot one below the other, each line led by its table's title and unit
     * (and, split by option, the option's name).
     */
    private ResponseEntity<byte[]> download(TableDownload.Format format, AnalyticsQuery query) {
        AnalyticsResult result = analytics.aggregate(query);
        List<PivotTable> tables = tables(result);
        List<AnalyticsTable.Line> lines = new ArrayList<>();
        for (PivotTable table : tables) {
            for (PivotRow row : table.rows()) {
                List<String> labels = new ArrayList<>(List.of(table.title(), row.code(), row.name()));
                if (query.byOption()) {
                    labels.add(row.option() == null ? "" : row.option());
                }
                lines.add(new AnalyticsTable.Line(labels, row.values()));
            }
        }
        List<String> columns = new ArrayList<>(List.of("item", "orgUnitCode", "orgUnitName"));
        if (query.byOption()) {
            columns.add("option");
        }
        AnalyticsTable download = new AnalyticsTable(
                columns, tables.isEmpty() ? List.of() : tables.get(0).periods(), lines);
        return TableDownload.response(download, format, "analytics");
    }

    /**
     * The query of the screen. The rows choice ({@code orgUnitLevel}) is empty for the unit itself,
     * a level, or {@code children} for the unit's children.
     */
    private static AnalyticsQuery query(
            @Nullable List<Long> indicatorIds,
            @Nullable String formula,
            @Nullable Long orgUnit,
            @Nullable String rows,
            @Nullable PeriodType periodType,
            @Nullable String from,
            @Nullable String to,
            boolean byOption) {
        boolean children = CHILDREN.equals(rows);
        Integer level = null;
        if (!children && rows != null && !rows.isBlank()) {
            try {
                level = Integer.valueOf(rows.strip());
            } catch (NumberFormatException e) {
                throw InvalidInputException.coded(
                        "orgUnitLevel",
                        "must be a level of the hierarchy (1 to 10) or children",
                        "analytics.validation.rows");
            }
        }
        return new AnalyticsQuery(
                indicatorIds == null ? List.of() : indicatorIds,
                formula == null || formula.isBlank() ? List.of() : List.of(formula),
                orgUnit == null ? List.of() : List.of(orgUnit),
                level,
                children,
                periodType,
                from,
                to,
                byOption);
    }

    /** The rows choice that lists the children of the chosen unit. */
    static final String CHILDREN = "children";

    /**
     * The result as tables: one per indicator and formula, every unit and period of the query;
     * split by option, a row per unit and option that has a value.
     */
    static List<PivotTable> tables(AnalyticsResult result) {
        Map<String, BigDecimal> values = new HashMap<>();
        java.util.Set<String> suppressed = new java.util.HashSet<>();
        java.util.Set<String> withOption = new java.util.HashSet<>();
        for (AnalyticsResult.Row row : result.rows()) {
            String item = row.indicator() != null ? "i" + row.indicator() : "f" + row.formula();
            String key = item + "|" + row.orgUnit() + "|" + row.period() + "|" + row.option();
            values.put(key, row.value());
            withOption.add(item + "|" + row.orgUnit() + "|" + row.option());
            if (row.suppressed()) {
                suppressed.add(key);
            }
        }
        List<String> periods =
                result.periods().stream().map(AnalyticsResult.PeriodItem::id).toList();
        List<@Nullable Long> options = new ArrayList<>();
        Map<Long, String> optionNames = new HashMap<>();
        if (result.options().isEmpty()) {
            options.add(null);
        }
        for (AnalyticsResult.OptionItem option : result.options()) {
            options.add(option.id());
            optionNames.put(option.id(), option.name());
        }
        Cells cells = new Cells(periods, values, suppressed, withOption, options, optionNames);
        List<PivotTable> tables = new ArrayList<>();
        for (AnalyticsResult.IndicatorItem indicator : result.indicators()) {
            tables.add(cells.table(indicator.name() + " (" + indicator.code() + ")", "i" + indicator.id(), result));
        }
        for (AnalyticsResult.FormulaItem formula : result.formulas()) {
            tables.add(cells.table(formula.formula(), "f" + formula.index(), result));
        }
        return tables;
    }

    /** The values of a result by item, unit, period and option, laid out as tables. */
    private record Cells(
            List<String> periods,
            Map<String, BigDecimal> values,
            java.util.Set<String> suppressed,
            java.util.Set<String> withOption,
            List<@Nullable Long> options,
            Map<Long, String> optionNames) {

        PivotTable table(String title, String item, AnalyticsResult result) {
            List<PivotRow> rows = new ArrayList<>();
            for (AnalyticsResult.OrgUnitItem unit : result.orgUnits()) {
                for (Long option : options) {
                    if (option != null && !withOption.contains(item + "|" + unit.id() + "|" + option)) {
                        continue;
                    }
                    List<@Nullable BigDecimal> cells = new ArrayList<>();
                    List<Boolean> hidden = new ArrayList<>();
                    for (String period : periods) {
                        String key = item + "|" + unit.id() + "|" + period + "|" + option;
                        cells.add(values.get(key));
                        hidden.add(suppressed.contains(key));
                    }
                    rows.add(new PivotRow(
                            unit.code(),
                            unit.name(),
                            unit.level(),
                            option == null ? null : optionNames.get(option),
                            cells,
                            hidden));
                }
            }
            return new PivotTable(title, periods, rows);
        }
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
