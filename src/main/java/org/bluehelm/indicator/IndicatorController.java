package org.bluehelm.indicator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.mission.MissionFilter;
import org.bluehelm.mission.MissionService;
import org.bluehelm.mission.MissionSummary;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.Pillar;
import org.bluehelm.web.Crumb;
import org.bluehelm.web.FieldChange;
import org.bluehelm.web.FormErrors;
import org.bluehelm.web.ListExport;
import org.bluehelm.web.ListLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Indicators in the browser: list, detail with the chart of its totals against baselines and
 * targets, create, edit (categories, baselines and targets included), delete.
 */
@Controller
class IndicatorController {

    /** At most this many organisation units on one chart. */
    static final int CHART_UNITS = 5;

    /** Organisation units offered for baselines and targets. */
    static final int UNIT_CHOICES = 1000;

    private static final Map<String, String> MISSION_SORT = Map.of("acronym", "m.acronym");
    private static final String EDITORS = "hasAnyRole('ADMIN', 'MISSION_MANAGER', 'DATA_STEWARD')";

    private final IndicatorService indicators;
    private final DisaggregationService disaggregations;
    private final GeographyService geography;
    private final MissionService missions;
    private final ObjectProvider<RecordedTotals> recordedTotals;
    private final MessageSource messages;
    private final ListExport export;

    IndicatorController(
            IndicatorService indicators,
            DisaggregationService disaggregations,
            GeographyService geography,
            MissionService missions,
            ObjectProvider<RecordedTotals> recordedTotals,
            MessageSource messages,
            ListExport export) {
        this.export = export;
        this.indicators = indicators;
        this.disaggregations = disaggregations;
        this.geography = geography;
        this.missions = missions;
        this.recordedTotals = recordedTotals;
        this.messages = messages;
    }

    @GetMapping("/indicators")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Dimension dimension,
            @RequestParam(required = false) @Nullable Pillar pillar,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Long mission,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        PageResponse<IndicatorSummary> result = indicators.list(
                new IndicatorFilter(q, dimension, pillar, mission, blankToNull(country)),
                PageQuery.of(page, 25, sort, IndicatorService.SORTS, "code"));
        List<MissionSummary> missionChoices = missionsInScope();
        Map<Long, String> acronyms = new HashMap<>();
        missionChoices.forEach(m -> acronyms.put(m.id(), m.acronym()));
        result.items().stream()
                .map(IndicatorSummary::missionId)
                .filter(Objects::nonNull)
                .filter(id -> !acronyms.containsKey(id))
                .forEach(id -> missions.findAcronym(id).ifPresent(a -> acronyms.put(id, a)));
        model.addAttribute("result", result);
        model.addAttribute("links", ListLinks.fromCurrentRequest(sort == null ? "code" : sort));
        model.addAttribute("dimensions", Dimension.values());
        model.addAttribute("pillars", Pillar.values());
        model.addAttribute("missions", missionChoices);
        model.addAttribute("acronyms", acronyms);
        model.addAttribute("canCreate", indicators.canEditIndicators());
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("nav.indicators"), null)));
        return "indicator/list";
    }

    @GetMapping("/indicators/{id}")
    String detail(
            @PathVariable long id,
            @RequestParam(name = "unit", required = false) @Nullable List<Long> requestedUnits,
            Model model) {
        IndicatorView indicator = indicators.get(id);
        Map<Long, OrgUnitView> units = new HashMap<>();
        indicator.baselinesAndTargets().forEach(b -> units.computeIfAbsent(b.orgUnitId(), geography::orgUnit));

        RecordedTotals source = recordedTotals.getIfAvailable();
        List<Long> withTotals = source == null ? List.of() : source.orgUnitsWithTotals(id);
        Set<Long> candidates = new LinkedHashSet<>(withTotals);
        indicator.baselinesAndTargets().forEach(b -> candidates.add(b.orgUnitId()));
        candidates.forEach(u -> units.computeIfAbsent(u, geography::orgUnit));
        List<Long> wanted = requestedUnits == null || requestedUnits.isEmpty()
                ? (withTotals.isEmpty() ? List.copyOf(candidates) : withTotals)
                : requestedUnits.stream()
                        .filter(candidates::contains)
                        .distinct()
                        .toList();
        List<OrgUnitView> shown =
                wanted.stream().limit(CHART_UNITS).map(units::get).toList();
        IndicatorChart chart = IndicatorChart.of(
                indicator,
                source == null
                        ? List.of()
                        : source.totals(id, shown.stream().map(OrgUnitView::id).toList()),
                shown,
                (kind, unit) -> unit == null
                        ? label("indicator.chart." + kind.name().toLowerCase(Locale.ROOT))
                        : label("indicator.chart." + kind.name().toLowerCase(Locale.ROOT) + "Of", unit.name()));

        model.addAttribute("indicator", indicator);
        model.addAttribute(
                "missionAcronym",
                indicator.missionId() == null
                        ? null
                        : missions.findAcronym(indicator.missionId()).orElse(null));
        model.addAttribute("numerator", component(indicator.numeratorId()));
        model.addAttribute("denominator", component(indicator.denominatorId()));
        model.addAttribute("units", units);
        model.addAttribute("chart", chart);
        model.addAttribute(
                "chartCandidates", candidates.stream().map(units::get).toList());
        model.addAttribute("chartUnits", shown.stream().map(OrgUnitView::id).toList());
        model.addAttribute("chartTrimmed", wanted.size() > CHART_UNITS);
        model.addAttribute("chartLimit", CHART_UNITS);
        model.addAttribute("enterDataUrl", enterDataUrl(indicator));
        model.addAttribute("canEdit", indicators.canChange(indicator));
        model.addAttribute("publicRelease", indicators.publicRelease(id));
        model.addAttribute(
                "breadcrumbs",
                List.of(new Crumb(label("nav.indicators"), "/indicators"), new Crumb(indicator.name(), null)));
        return "indicator/detail";
    }

    /** The list with its filters as CSV or XLSX: every page, in the user's scope. */
    @GetMapping("/indicators/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Dimension dimension,
            @RequestParam(required = false) @Nullable Pillar pillar,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Long mission,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "csv") String format) {
        IndicatorFilter filter = new IndicatorFilter(q, dimension, pillar, mission, blankToNull(country));
        List<IndicatorSummary> rows = ListExport.allPages(
                (p, size) -> indicators.list(filter, PageQuery.of(p, size, sort, IndicatorService.SORTS, "code")));
        Map<Long, String> acronyms = new HashMap<>();
        rows.stream()
                .map(IndicatorSummary::missionId)
                .filter(Objects::nonNull)
                .distinct()
                .forEach(id -> missions.findAcronym(id).ifPresent(a -> acronyms.put(id, a)));
        return export.download(
                "indicators",
                format,
                List.<ListExport.Column<IndicatorSummary>>of(
                        ListExport.column("indicator.code", IndicatorSummary::code),
                        ListExport.column("indicator.name", IndicatorSummary::name),
                        ListExport.label("indicator.dimension", "indicator.dimension.", IndicatorSummary::dimension),
                        ListExport.label("indicator.pillar", "pillar.", IndicatorSummary::pillar),
                        ListExport.column("indicator.unit", IndicatorSummary::unit),
                        ListExport.column("indicator.library", IndicatorSummary::library),
                        ListExport.column(
                                "indicator.scope", i -> i.missionId() == null ? null : acronyms.get(i.missionId())),
                        ListExport.column("indicator.country", IndicatorSummary::countryCode)),
                rows);
    }

    @GetMapping("/indicators/new")
    @PreAuthorize(EDITORS)
    String newForm(Model model) {
        return form(new IndicatorForm().withBlankRows(), null, model);
    }

    @PostMapping("/indicators")
    @PreAuthorize(EDITORS)
    String create(@ModelAttribute("form") IndicatorForm form, Model model, RedirectAttributes redirect) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldProblem> unreadable = new ArrayList<>();
        IndicatorCommand command = form.command(locale, unreadable);
        try {
            if (!unreadable.isEmpty()) {
                indicators.check(null, command);
                throw new InvalidInputException(unreadable);
            }
            IndicatorView created = indicators.create(command);
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/indicators/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e, unreadable));
            return form(form.withBlankRows(), null, model);
        }
    }

    @GetMapping("/indicators/{id}/edit")
    @PreAuthorize(EDITORS)
    String editForm(@PathVariable long id, Model model) {
        return form(IndicatorForm.of(indicators.get(id), LocaleContextHolder.getLocale()), id, model);
    }

    @PostMapping("/indicators/{id}")
    @PreAuthorize(EDITORS)
    String update(
            @PathVariable long id,
            @ModelAttribute("form") IndicatorForm form,
            Model model,
            RedirectAttributes redirect) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldProblem> unreadable = new ArrayList<>();
        IndicatorCommand command = form.command(locale, unreadable);
        try {
            if (!unreadable.isEmpty()) {
                indicators.check(id, command);
                throw new InvalidInputException(unreadable);
            }
            indicators.update(id, form.getVersion() == null ? -1 : form.getVersion(), command);
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/indicators/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e, unreadable));
        } catch (ConflictException e) {
            model.addAttribute("conflict", changes(form, indicators.get(id)));
            model.addAttribute("reloadUrl", "/indicators/" + id + "/edit");
        }
        return form(form.withBlankRows(), id, model);
    }

    @PostMapping("/indicators/{id}/public-release")
    @PreAuthorize(EDITORS)
    String publicRelease(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(defaultValue = "false") boolean publicRelease,
            RedirectAttributes redirect) {
        try {
            indicators.setPublicRelease(id, version, publicRelease);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", label("indicator.publicRelease.stale"));
            return "redirect:/indicators/" + id;
        }
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/indicators/" + id;
    }

    @PostMapping("/indicators/{id}/delete")
    @PreAuthorize(EDITORS)
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            indicators.delete(id, version);
        } catch (ConflictException e) {
            redirect.addFlashAttribute(
                    "flashError",
                    label("stale-version".equals(e.code()) ? "indicator.delete.stale" : "indicator.delete.inUse"));
            return "redirect:/indicators/" + id;
        } catch (DataIntegrityViolationException e) {
            redirect.addFlashAttribute("flashError", label("indicator.delete.hasValues"));
            return "redirect:/indicators/" + id;
        }
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/indicators";
    }

    private String form(IndicatorForm form, @Nullable Long id, Model model) {
        List<IndicatorSummary> components = indicators
                .list(
                        new IndicatorFilter(null, null, null, form.getMissionId(), blankToNull(form.getCountryCode())),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "code", IndicatorService.SORTS, "code"))
                .items()
                .stream()
                .filter(i -> i.aggregation() != Aggregation.RATIO && !Objects.equals(i.id(), id))
                .toList();
        model.addAttribute("form", form);
        model.addAttribute("indicatorId", id);
        model.addAttribute("valueTypes", ValueType.values());
        model.addAttribute("aggregations", Aggregation.values());
        model.addAttribute("directions", Direction.values());
        model.addAttribute("dimensions", Dimension.values());
        model.addAttribute("pillars", Pillar.values());
        model.addAttribute("kinds", BenchmarkKind.values());
        model.addAttribute("missions", missionsInScope());
        model.addAttribute(
                "missionAcronym",
                form.getMissionId() == null
                        ? null
                        : missions.findAcronym(form.getMissionId()).orElse(null));
        model.addAttribute(
                "categoryChoices",
                disaggregations
                        .list(null, PageQuery.of(0, PageQuery.MAX_SIZE, "code", DisaggregationService.SORTS, "code"))
                        .items());
        model.addAttribute("components", components);
        model.addAttribute(
                "orgUnits", indicators.orgUnitsFor(form.getMissionId(), form.getCountryCode(), UNIT_CHOICES));
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.indicators"), "/indicators"),
                        new Crumb(id == null ? label("indicator.new") : Objects.toString(form.getName(), ""), null)));
        return "indicator/form";
    }

    /** The data entry grid for this indicator alone, within its mission or country when it has one. */
    private static String enterDataUrl(IndicatorView indicator) {
        org.springframework.web.util.UriComponentsBuilder url =
                org.springframework.web.util.UriComponentsBuilder.fromPath("/data-entry");
        if (indicator.missionId() != null) {
            url.queryParam("mission", indicator.missionId());
        } else if (indicator.countryCode() != null) {
            url.queryParam("country", indicator.countryCode());
        }
        return url.queryParam("indicator", indicator.id()).build().toUriString();
    }

    private @Nullable IndicatorView component(@Nullable Long id) {
        if (id == null) {
            return null;
        }
        try {
            return indicators.get(id);
        } catch (NotFoundException e) {
            return null;
        }
    }

    private List<MissionSummary> missionsInScope() {
        return missions.list(
                        new MissionFilter(null, null, null, null, true),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "acronym", MISSION_SORT, "acronym"))
                .items();
    }

    /** The service's problems in the user's language, with the numbers the form could not read instead of theirs. */
    private Map<String, String> errors(InvalidInputException e, List<FieldProblem> unreadable) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(e, messages, locale));
        if (!unreadable.isEmpty()) {
            errors.putAll(FormErrors.of(new InvalidInputException(unreadable), messages, locale));
        }
        return errors;
    }

    private List<FieldChange> changes(IndicatorForm yours, IndicatorView stored) {
        Locale locale = LocaleContextHolder.getLocale();
        IndicatorForm theirs = IndicatorForm.of(stored, locale);
        List<FieldChange> changes = new ArrayList<>();
        FieldChange.addIfDifferent(changes, label("indicator.code"), yours.getCode(), theirs.getCode());
        FieldChange.addIfDifferent(changes, label("indicator.name"), yours.getName(), theirs.getName());
        FieldChange.addIfDifferent(
                changes, label("indicator.definition"), yours.getDefinition(), theirs.getDefinition());
        FieldChange.addIfDifferent(changes, label("indicator.unit"), yours.getUnit(), theirs.getUnit());
        FieldChange.addIfDifferent(changes, label("indicator.valueType"), yours.getValueType(), theirs.getValueType());
        FieldChange.addIfDifferent(changes, label("indicator.minValue"), yours.getMinValue(), theirs.getMinValue());
        FieldChange.addIfDifferent(changes, label("indicator.maxValue"), yours.getMaxValue(), theirs.getMaxValue());
        FieldChange.addIfDifferent(
                changes, label("indicator.aggregation"), yours.getAggregation(), theirs.getAggregation());
        FieldChange.addIfDifferent(changes, label("indicator.direction"), yours.getDirection(), theirs.getDirection());
        FieldChange.addIfDifferent(changes, label("indicator.dimension"), yours.getDimension(), theirs.getDimension());
        FieldChange.addIfDifferent(changes, label("indicator.pillar"), yours.getPillar(), theirs.getPillar());
        FieldChange.addIfDifferent(
                changes, label("indicator.categories"), yours.getCategories(), theirs.getCategories());
        FieldChange.addIfDifferent(
                changes,
                label("indicator.benchmarks"),
                yours.command(locale, new ArrayList<>()).baselinesAndTargets().size(),
                theirs.command(locale, new ArrayList<>()).baselinesAndTargets().size());
        return changes;
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
