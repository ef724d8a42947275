package org.bluehelm.measurement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.CategoryView;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.mission.MissionFilter;
import org.bluehelm.mission.MissionService;
import org.bluehelm.mission.MissionSummary;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.Period;
import org.bluehelm.web.Crumb;
import org.bluehelm.web.DecimalInput;
import org.bluehelm.web.FieldChange;
import org.bluehelm.web.FormErrors;
import org.bluehelm.web.ListLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Data entry in the browser: choose a set of indicators, an organisation unit and a period, then
 * type the values of the grid (one row per indicator and disaggregation option, plus the total)
 * and save them all at once, all or nothing. An emptied cell removes its stored value.
 */
@Controller
class DataEntryController {

    /** Rows in one grid: two request parameters each, well below the server's limit of 1000. */
    static final int MAX_ROWS = 350;

    private static final String ENTRY_ROLES = "hasAnyRole('ADMIN', 'MISSION_MANAGER', 'DATA_STEWARD', 'PARTNER')";
    private static final List<String> ENTRY_AUTHORITIES =
            List.of("ROLE_ADMIN", "ROLE_MISSION_MANAGER", "ROLE_DATA_STEWARD", "ROLE_PARTNER");
    private static final Map<String, String> MISSION_SORT = Map.of("acronym", "m.acronym");
    private static final Pattern BATCH_FIELD = Pattern.compile("values\\[(\\d+)]\\.(\\w+)");

    private final MeasurementService measurements;
    private final IndicatorService indicators;
    private final MissionService missions;
    private final MessageSource messages;

    DataEntryController(
            MeasurementService measurements,
            IndicatorService indicators,
            MissionService missions,
            MessageSource messages) {
        this.measurements = measurements;
        this.indicators = indicators;
        this.missions = missions;
        this.messages = messages;
    }

    /** One row of the grid: an indicator's total or one option of one of its categories, with its stored value. */
    record GridRow(
            IndicatorView indicator,
            CategoryView.@Nullable OptionView option,
            @Nullable CategoryView category,
            @Nullable DataValueView stored) {

        String key() {
            return indicator.id() + ":" + (option == null ? 0 : option.id());
        }

        DataEntryForm.Ref ref() {
            return new DataEntryForm.Ref(
                    indicator.id(),
                    option == null ? 0 : option.id(),
                    stored == null ? null : stored.id(),
                    stored == null ? null : stored.version(),
                    stored == null || stored.value() == null
                            ? ""
                            : stored.value().toPlainString());
        }
    }

    /**
     * The grid the page shows: where it is opened and its rows; the indicators left out because they
     * do not apply to the unit, and those whose small counts the user may not see (their values are
     * neither shown nor entered here).
     */
    record Grid(
            DataEntrySet set,
            OrgUnitView unit,
            Period period,
            List<GridRow> rows,
            List<IndicatorView> notApplicable,
            List<IndicatorView> suppressed) {}

    @GetMapping("/data-entry")
    String page(@ModelAttribute("form") DataEntryForm form, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Grid grid = prepare(form, errors, model);
        if (grid != null) {
            Locale locale = LocaleContextHolder.getLocale();
            form.setCells(grid.rows().stream()
                    .map(r -> new DataEntryForm.Cell(
                            r.ref().toString(),
                            DecimalInput.format(
                                    r.stored() == null ? null : r.stored().value(), locale)))
                    .toList());
        }
        return render(grid, errors, model);
    }

    /**
     * The units and periods whose values count twice (a total beside a breakdown, recorded before
     * writes refused it), each linked to its grid, where the steward clears one side.
     */
    @GetMapping("/data-entry/double-counted")
    String doubleCounted(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        PageResponse<DoubleCountedCell> result = measurements.doubleCounted(
                PageQuery.of(page, 50, sort, MeasurementService.DOUBLE_COUNTED_SORTS, "-period"));
        model.addAttribute("result", result);
        model.addAttribute("links", ListLinks.fromCurrentRequest(sort == null ? "-period" : sort));
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.dataEntry"), "/data-entry"),
                        new Crumb(label("measurement.doubleCounted.title"), null)));
        return "measurement/double-counted";
    }

    @PostMapping("/data-entry")
    @PreAuthorize(ENTRY_ROLES)
    String save(@ModelAttribute("form") DataEntryForm form, Model model, RedirectAttributes redirect) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        Grid grid = prepare(form, errors, model);
        if (grid == null) {
            return render(null, errors, model);
        }
        Map<String, GridRow> rows = new LinkedHashMap<>();
        grid.rows().forEach(r -> rows.put(r.key(), r));
        Map<String, DataEntryForm.Cell> typed = new HashMap<>();
        Map<String, String> cellErrors = new HashMap<>();
        List<DataValueCommand> commands = new ArrayList<>();
        List<String> commandRows = new ArrayList<>();
        List<ClearedValue> cleared = new ArrayList<>();
        boolean gridChanged = false;
        for (DataEntryForm.Cell cell : form.getCells()) {
            DataEntryForm.Ref ref = DataEntryForm.Ref.parse(cell.getRef());
            GridRow row = ref == null ? null : rows.get(ref.key());
            if (ref == null || row == null) {
                gridChanged = true;
                continue;
            }
            typed.put(ref.key(), cell);
            BigDecimal value;
            try {
                value = DecimalInput.parse(cell.getValue(), locale);
            } catch (NumberFormatException e) {
                cellErrors.put(ref.key(), label("validation.number", cell.getValue()));
                continue;
            }
            if (value == null) {
                if (ref.id() != null && ref.version() != null) {
                    cleared.add(new ClearedValue(ref.id(), ref.version()));
                }
                continue;
            }
            if (ref.id() != null && sameNumber(ref.original(), value)) {
                continue;
            }
            commands.add(new DataValueCommand(
                    row.indicator().id(),
                    grid.unit().id(),
                    grid.period().id(),
                    row.category() == null ? null : row.category().code(),
                    row.option() == null ? null : row.option().code(),
                    value,
                    row.stored() != null && Objects.equals(row.stored().id(), ref.id())
                            ? row.stored().comment()
                            : null,
                    ref.version()));
            commandRows.add(ref.key());
        }

        if (gridChanged) {
            errors.put("grid", label("measurement.grid.changed"));
        } else if (!cellErrors.isEmpty()) {
            try {
                measurements.checkBatch(commands);
            } catch (InvalidInputException e) {
                problems(e, commandRows, cellErrors, errors);
            }
        } else if (commands.isEmpty() && cleared.isEmpty()) {
            redirect.addFlashAttribute("flash", "measurement.nothingChanged");
            return "redirect:" + url(grid);
        } else {
            try {
                EntryResult result = measurements.recordEntries(commands, cleared);
                redirect.addFlashAttribute("flash", "flash.saved");
                redirect.addFlashAttribute(
                        "flashDetail",
                        label("measurement.saved", result.created(), result.updated(), result.removed()));
                return "redirect:" + url(grid);
            } catch (InvalidInputException e) {
                problems(e, commandRows, cellErrors, errors);
            } catch (ConflictException e) {
                model.addAttribute("conflict", conflicts(grid, typed));
                model.addAttribute("reloadUrl", url(grid));
            }
        }

        List<DataEntryForm.Cell> cells = new ArrayList<>();
        for (int i = 0; i < grid.rows().size(); i++) {
            GridRow row = grid.rows().get(i);
            DataEntryForm.Cell cell = typed.get(row.key());
            cells.add(
                    cell != null
                            ? cell
                            : new DataEntryForm.Cell(
                                    row.ref().toString(),
                                    DecimalInput.format(
                                            row.stored() == null
                                                    ? null
                                                    : row.stored().value(),
                                            locale)));
            String problem = cellErrors.get(row.key());
            if (problem != null) {
                errors.put("cells[" + i + "].value", problem);
            }
        }
        form.setCells(cells);
        return render(grid, errors, model);
    }

    /**
     * Puts on the page what it needs in any case (missions, the set and its units) and, when a
     * set, a unit and a valid period are chosen, returns the grid; otherwise records what is wrong
     * with the choice in {@code errors} and returns null.
     */
    private @Nullable Grid prepare(DataEntryForm form, Map<String, String> errors, Model model) {
        model.addAttribute("missions", missionsInScope());
        IndicatorSelection set =
                IndicatorSelection.of(indicators, form.getMission(), form.getCountry(), form.getIndicator());
        model.addAttribute("set", set);
        if (set == null) {
            return null;
        }
        model.addAttribute("orgUnits", set.orgUnits());
        model.addAttribute("setParameters", set.parameters());
        if (form.getOrgUnit() == null
                || form.getPeriod() == null
                || form.getPeriod().isBlank()) {
            return null;
        }
        Period period;
        try {
            period = Period.parse(form.getPeriod().strip().toUpperCase(Locale.ROOT));
        } catch (InvalidInputException e) {
            errors.putAll(FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
            return null;
        }
        form.setPeriod(period.id());
        OrgUnitView unit = set.orgUnits().stream()
                .filter(u -> u.id() == form.getOrgUnit())
                .findFirst()
                .orElse(null);
        if (unit == null) {
            errors.put("orgUnit", label("measurement.orgUnit.outside"));
            return null;
        }
        Map<String, DataValueView> stored = stored(unit.id(), period.id());
        List<GridRow> rows = new ArrayList<>();
        List<IndicatorView> notApplicable = new ArrayList<>();
        List<IndicatorView> suppressed = new ArrayList<>();
        Map<Long, Integer> thresholds = indicators.smallCellThresholdsForCurrentUser();
        for (IndicatorView indicator : set.indicators()) {
            if (indicators.checkOrgUnit(indicator, unit) != null) {
                notApplicable.add(indicator);
                continue;
            }
            if (thresholds.containsKey(indicator.id())) {
                suppressed.add(indicator);
                continue;
            }
            rows.add(new GridRow(indicator, null, null, stored.get(indicator.id() + ":0")));
            for (CategoryView category : indicator.categories()) {
                for (CategoryView.OptionView option : category.options()) {
                    rows.add(new GridRow(indicator, option, category, stored.get(indicator.id() + ":" + option.id())));
                }
            }
        }
        if (rows.size() > MAX_ROWS) {
            errors.put("indicator", label("measurement.grid.tooLarge", rows.size(), MAX_ROWS));
            return null;
        }
        return new Grid(set, unit, period, rows, notApplicable, suppressed);
    }

    private String render(@Nullable Grid grid, Map<String, String> errors, Model model) {
        model.addAttribute("grid", grid);
        Map<Long, String> rangeHints = new HashMap<>();
        if (grid != null) {
            grid.rows().forEach(r -> rangeHints.computeIfAbsent(r.indicator().id(), id -> rangeHint(r.indicator())));
        }
        model.addAttribute("rangeHints", rangeHints);
        model.addAttribute("gridUrl", grid == null ? null : url(grid));
        model.addAttribute("errors", errors);
        model.addAttribute("canEnter", canEnter());
        model.addAttribute(
                "firstInvalid",
                errors.keySet().stream()
                        .filter(k -> k.startsWith("cells["))
                        .findFirst()
                        .orElse(null));
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("nav.dataEntry"), null)));
        return "measurement/entry";
    }

    /** The valid range of an indicator's values, as a hint beside its name (" · 0 to 500"), or nothing. */
    private String rangeHint(IndicatorView indicator) {
        if (indicator.minValue() == null && indicator.maxValue() == null) {
            return "";
        }
        java.text.NumberFormat format = java.text.NumberFormat.getInstance(LocaleContextHolder.getLocale());
        format.setMaximumFractionDigits(6);
        return " · "
                + label(
                        "indicator.range.value",
                        indicator.minValue() == null ? "—" : format.format(indicator.minValue()),
                        indicator.maxValue() == null ? "—" : format.format(indicator.maxValue()));
    }

    /** The stored values of the unit and period (in the user's scope) by indicator and option. */
    private Map<String, DataValueView> stored(long unitId, String periodId) {
        Map<String, DataValueView> stored = new HashMap<>();
        DataValueFilter filter = new DataValueFilter(null, unitId, null, periodId, null, null, null);
        for (int page = 0; ; page++) {
            PageResponse<DataValueView> found = measurements.list(
                    filter, PageQuery.of(page, PageQuery.MAX_SIZE, "id", MeasurementService.SORTS, "id"));
            found.items()
                    .forEach(v -> stored.put(v.indicatorId() + ":" + (v.optionId() == null ? 0 : v.optionId()), v));
            if ((long) (page + 1) * PageQuery.MAX_SIZE >= found.total()) {
                return stored;
            }
        }
    }

    /** The service's problems put beside their cells (or beside the unit or period, or above the grid). */
    private void problems(
            InvalidInputException e,
            List<String> commandRows,
            Map<String, String> cellErrors,
            Map<String, String> errors) {
        FormErrors.of(e, messages, LocaleContextHolder.getLocale()).forEach((field, message) -> {
            Matcher m = BATCH_FIELD.matcher(field);
            if (m.matches() && Integer.parseInt(m.group(1)) < commandRows.size()) {
                String row = commandRows.get(Integer.parseInt(m.group(1)));
                switch (m.group(2)) {
                    case "period" -> errors.merge("period", message, (a, b) -> a);
                    default -> cellErrors.merge(row, message, (a, b) -> a + "; " + b);
                }
            } else {
                errors.merge("grid", message, (a, b) -> a + "; " + b);
            }
        });
    }

    /** The cells whose stored value changed since the page was read: what the user typed and what is stored now. */
    private List<FieldChange> conflicts(Grid grid, Map<String, DataEntryForm.Cell> typed) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldChange> changes = new ArrayList<>();
        for (GridRow row : grid.rows()) {
            DataEntryForm.Cell cell = typed.get(row.key());
            DataEntryForm.Ref read = cell == null ? null : DataEntryForm.Ref.parse(cell.getRef());
            if (read == null) {
                continue;
            }
            Integer now = row.stored() == null ? null : row.stored().version();
            Long id = row.stored() == null ? null : row.stored().id();
            if (!Objects.equals(now, read.version()) || !Objects.equals(id, read.id())) {
                changes.add(new FieldChange(
                        rowLabel(row),
                        Objects.toString(cell.getValue(), ""),
                        DecimalInput.format(
                                row.stored() == null ? null : row.stored().value(), locale)));
            }
        }
        return changes;
    }

    private String rowLabel(GridRow row) {
        return row.option() == null
                ? row.indicator().name() + " — " + label("measurement.total")
                : row.indicator().name() + " — " + row.option().name();
    }

    private static boolean sameNumber(String original, BigDecimal value) {
        try {
            return !original.isEmpty() && new BigDecimal(original).compareTo(value) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The page of the grid again: its set, unit and period. */
    private static String url(Grid grid) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/data-entry");
        grid.set().parameters().forEach((name, values) -> url.queryParam(name, values.toArray()));
        return url.queryParam("orgUnit", grid.unit().id())
                .queryParam("period", grid.period().id())
                .build()
                .toUriString();
    }

    private List<MissionSummary> missionsInScope() {
        return missions.list(
                        new MissionFilter(null, null, null, null, true),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "acronym", MISSION_SORT, "acronym"))
                .items();
    }

    private static boolean canEnter() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> ENTRY_AUTHORITIES.contains(a.getAuthority()));
    }

    private String label(String key, @Nullable Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
