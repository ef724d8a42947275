package org.bluehelm.ssrindex;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.institution.InstitutionFilter;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.institution.InstitutionSummary;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.Period;
import org.bluehelm.web.Crumb;
import org.bluehelm.web.DecimalInput;
import org.bluehelm.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The index in the browser: choose an organisation unit or an institution and a period, see the
 * dimensions' scores with their coverage (table and bar chart), the trend over the periods before
 * (table and line chart) and each indicator's part; the method page; and the weights form.
 */
@Controller
class SsrIndexController {

    /** Periods in the trend: the one asked for and those before it. */
    static final int TREND_PERIODS = 6;

    private static final String MANAGERS = "hasAnyRole('ADMIN', 'MISSION_MANAGER')";

    private final SsrIndexService index;
    private final GeographyService geography;
    private final InstitutionService institutions;
    private final MessageSource messages;

    SsrIndexController(
            SsrIndexService index,
            GeographyService geography,
            InstitutionService institutions,
            MessageSource messages) {
        this.index = index;
        this.geography = geography;
        this.institutions = institutions;
        this.messages = messages;
    }

    @GetMapping("/ssr-index")
    String page(
            @RequestParam(required = false) @Nullable Long orgUnit,
            @RequestParam(required = false) @Nullable Long institution,
            @RequestParam(required = false) @Nullable String period,
            Model model) {
        model.addAttribute("unitChoices", unitChoices(orgUnit));
        model.addAttribute("institutionChoices", institutionChoices());
        model.addAttribute("dimensions", IndexMethod.DIMENSIONS);
        model.addAttribute("canSetWeights", index.canSetWeights());
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("ssrindex.title"), null)));
        boolean asked = orgUnit != null || institution != null || (period != null && !period.isBlank());
        if (!asked) {
            return "ssrindex/index";
        }
        try {
            SsrIndex result = index.index(orgUnit, institution, period);
            model.addAttribute("index", result);
            model.addAttribute("trend", trend(orgUnit, institution, result.period()));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
        } catch (NotFoundException e) {
            model.addAttribute("notFound", true);
        } catch (ForbiddenException e) {
            model.addAttribute("forbidden", true);
        }
        return "ssrindex/index";
    }

    @GetMapping("/ssr-index/method")
    String method(Model model) {
        model.addAttribute("dimensions", IndexMethod.DIMENSIONS);
        model.addAttribute(
                "breadcrumbs",
                List.of(new Crumb(label("ssrindex.title"), "/ssr-index"), new Crumb(label("ssrindex.method"), null)));
        return "ssrindex/method";
    }

    @GetMapping("/ssr-index/weights")
    @PreAuthorize(MANAGERS)
    String weights(@RequestParam(required = false) @Nullable Dimension dimension, Model model) {
        return weightsPage(dimension, null, model);
    }

    @PostMapping("/ssr-index/weights")
    @PreAuthorize(MANAGERS)
    String saveWeights(
            @ModelAttribute("form") WeightsForm form,
            @RequestParam(required = false) @Nullable Dimension dimension,
            Model model,
            RedirectAttributes redirect) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldProblem> unreadable = new ArrayList<>();
        List<SetWeights.@Nullable Weight> weights = new ArrayList<>();
        for (int i = 0; i < form.getWeights().size(); i++) {
            WeightsForm.Row row = form.getWeights().get(i);
            BigDecimal weight = null;
            try {
                weight = DecimalInput.parse(row.getWeight(), locale);
            } catch (NumberFormatException e) {
                unreadable.add(new FieldProblem(
                        "weights[" + i + "].weight",
                        "must be a positive number",
                        "ssrindex.weight.positive",
                        List.of()));
            }
            weights.add(new SetWeights.Weight(row.getIndicatorId(), weight, row.getVersion()));
        }
        try {
            if (!unreadable.isEmpty()) {
                throw new InvalidInputException(unreadable);
            }
            index.setWeights(new SetWeights(weights));
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:" + weightsUrl(dimension);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
        } catch (ConflictException e) {
            model.addAttribute("weightsConflict", true);
            model.addAttribute("reloadUrl", weightsUrl(dimension));
        }
        return weightsPage(dimension, form, model);
    }

    /** A row of the weights form: the stored weight, and its input (index in the form, text) when it may be changed. */
    record WeightRow(IndicatorWeight weight, @Nullable Integer index, String text) {}

    private String weightsPage(@Nullable Dimension dimension, @Nullable WeightsForm posted, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, Integer> postedIndex = new HashMap<>();
        Map<Long, String> postedText = new HashMap<>();
        if (posted != null) {
            for (int i = 0; i < posted.getWeights().size(); i++) {
                WeightsForm.Row row = posted.getWeights().get(i);
                if (row.getIndicatorId() != null) {
                    postedIndex.put(row.getIndicatorId(), i);
                    postedText.put(row.getIndicatorId(), row.getWeight() == null ? "" : row.getWeight());
                }
            }
        }
        int next = postedIndex.size();
        List<WeightRow> rows = new ArrayList<>();
        for (IndicatorWeight w : index.weights(dimension).weights()) {
            if (!index.canChange(w)) {
                rows.add(new WeightRow(w, null, DecimalInput.format(w.weight(), locale)));
                continue;
            }
            Integer i = postedIndex.get(w.indicatorId());
            if (i == null) {
                i = next++;
            }
            rows.add(new WeightRow(
                    w, i, postedText.getOrDefault(w.indicatorId(), DecimalInput.format(w.weight(), locale))));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("dimensions", IndexMethod.DIMENSIONS);
        model.addAttribute("dimension", dimension);
        model.addAttribute(
                "breadcrumbs",
                List.of(new Crumb(label("ssrindex.title"), "/ssr-index"), new Crumb(label("ssrindex.weights"), null)));
        return "ssrindex/weights";
    }

    private static String weightsUrl(@Nullable Dimension dimension) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/ssr-index/weights");
        if (dimension != null) {
            b.queryParam("dimension", dimension.name());
        }
        return b.build().toUriString();
    }

    /** The index over the period asked for and the {@value #TREND_PERIODS} - 1 periods of its type before it. */
    private @Nullable SsrIndexSeries trend(
            @Nullable Long orgUnit, @Nullable Long institution, SsrIndex.PeriodItem asked) {
        Period last = Period.parse(asked.id());
        Period first = last;
        try {
            for (int i = 1; i < TREND_PERIODS; i++) {
                first = SsrIndexService.containing(first.startDate().minusDays(1), last.type());
            }
        } catch (IllegalArgumentException e) {
            // before the first year a period can have: the trend starts where it can
        }
        return index.series(orgUnit, institution, last.type(), first.id(), last.id());
    }

    /** Units of the top three levels in the user's countries, in hierarchy order, and the one asked for. */
    private List<OrgUnitView> unitChoices(@Nullable Long asked) {
        AccessScope scope = AccessScope.current();
        List<OrgUnitView> units = new ArrayList<>(geography.topLevels(3).stream()
                .filter(u -> scope.canRead(null, u.countryCode()))
                .toList());
        if (asked != null && units.stream().noneMatch(u -> u.id() == asked)) {
            geography.findOrgUnit(asked).ifPresent(units::add);
        }
        units.sort(Comparator.comparing(OrgUnitView::path));
        return units;
    }

    /** Institutions in scope that have an organisation unit, by name. */
    private List<InstitutionSummary> institutionChoices() {
        List<InstitutionSummary> found = new ArrayList<>();
        for (int page = 0; page < 10; page++) {
            PageResponse<InstitutionSummary> result = institutions.list(
                    new InstitutionFilter(null, null, null, null, null),
                    PageQuery.of(page, PageQuery.MAX_SIZE, "name", Map.of("name", "i.name"), "name"));
            result.items().stream().filter(i -> i.orgUnitId() != null).forEach(found::add);
            if (page + 1 >= result.totalPages()) {
                break;
            }
        }
        return found;
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
