package org.bluehelm.alert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.IndicatorFilter;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorSummary;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.PeriodType;
import org.bluehelm.web.Crumb;
import org.bluehelm.web.DecimalInput;
import org.bluehelm.web.FormErrors;
import org.bluehelm.web.ListExport;
import org.bluehelm.web.ListLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * The alerts screen ({@code /alerts}: filter by state and indicator, acknowledge) and the rules
 * screens ({@code /alerts/rules}: list, create, edit, delete).
 */
@Controller
class AlertController {

    private static final String EDITORS = "hasAnyRole('ADMIN', 'MISSION_MANAGER', 'DATA_STEWARD')";

    private final AlertService alerts;
    private final AlertRuleService rules;
    private final IndicatorService indicators;
    private final GeographyService geography;
    private final MessageSource messages;

    private final ListExport export;

    AlertController(
            AlertService alerts,
            AlertRuleService rules,
            IndicatorService indicators,
            GeographyService geography,
            MessageSource messages,
            ListExport export) {
        this.export = export;
        this.alerts = alerts;
        this.rules = rules;
        this.indicators = indicators;
        this.geography = geography;
        this.messages = messages;
    }

    @GetMapping("/alerts")
    String list(
            @RequestParam(required = false) @Nullable AlertState state,
            @RequestParam(required = false) @Nullable Long indicator,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        PageResponse<AlertView> result = alerts.list(
                new AlertFilter(state, indicator, null, null),
                PageQuery.of(page, 25, sort, AlertService.SORTS, "-raisedAt"));
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, String> sentences = new HashMap<>();
        result.items().forEach(a -> sentences.put(a.id(), alerts.sentence(a, locale)));
        model.addAttribute("result", result);
        model.addAttribute("sentences", sentences);
        model.addAttribute("links", ListLinks.fromCurrentRequest(sort == null ? "-raisedAt" : sort));
        model.addAttribute("states", AlertState.values());
        model.addAttribute("indicators", indicatorChoices());
        model.addAttribute("canAcknowledge", Roles.current(Roles.ACKNOWLEDGERS));
        UriComponents current = ServletUriComponentsBuilder.fromCurrentRequest().build();
        model.addAttribute("backUrl", current.getPath() + (current.getQuery() == null ? "" : "?" + current.getQuery()));
        model.addAttribute("canCheck", Roles.current("ADMIN"));
        model.addAttribute("canManageRules", rules.canManageRules());
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("alert.title"), null)));
        return "alert/list";
    }

    @PostMapping("/alerts/{id}/acknowledge")
    String acknowledge(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable String back,
            RedirectAttributes redirect) {
        try {
            alerts.acknowledge(id, version);
            redirect.addFlashAttribute("flash", "alert.flash.acknowledged");
        } catch (ConflictException e) {
            redirect.addFlashAttribute(
                    "alertError",
                    label("stale-version".equals(e.code()) ? "alert.error.stale" : "alert.error.resolved"));
        }
        return "redirect:" + safeBack(back);
    }

    @PostMapping("/alerts/check-missing")
    @PreAuthorize("hasRole('ADMIN')")
    String checkMissing(RedirectAttributes redirect) {
        AlertService.MissingCheckResult result = alerts.checkMissing();
        redirect.addFlashAttribute("checked", label("alert.checked", result.rulesChecked(), result.alertsOpened()));
        return "redirect:/alerts";
    }

    /** The list with its filters as CSV or XLSX: every page, in the user's scope. */
    @GetMapping("/alerts/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable AlertState state,
            @RequestParam(required = false) @Nullable Long indicator,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "csv") String format) {
        AlertFilter filter = new AlertFilter(state, indicator, null, null);
        List<AlertView> rows = ListExport.allPages(
                (p, size) -> alerts.list(filter, PageQuery.of(p, size, sort, AlertService.SORTS, "-raisedAt")));
        Locale locale = LocaleContextHolder.getLocale();
        return export.download(
                "alerts",
                format,
                List.<ListExport.Column<AlertView>>of(
                        ListExport.label("alert.state", "alert.state.", AlertView::state),
                        ListExport.column("alert.indicator", AlertView::indicatorCode),
                        ListExport.column("alert.orgUnit", AlertView::orgUnitCode),
                        ListExport.column("alert.period", AlertView::period),
                        ListExport.column("alert.what", a -> alerts.sentence(a, locale)),
                        ListExport.column("alert.raisedAt", a -> a.raisedAt().toLocalDate()),
                        ListExport.column(
                                "alert.acknowledged",
                                a -> a.acknowledgedAt() == null
                                        ? null
                                        : a.acknowledgedAt().toLocalDate())),
                rows);
    }

    @GetMapping("/alerts/rules")
    String rules(
            @RequestParam(required = false) @Nullable Long indicator,
            @RequestParam(required = false) @Nullable Integer page,
            Model model) {
        PageResponse<AlertRuleView> result =
                rules.list(indicator, PageQuery.of(page, 25, null, AlertRuleService.SORTS, "id"));
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, String> conditions = new HashMap<>();
        result.items().forEach(r -> conditions.put(r.id(), condition(r, locale)));
        model.addAttribute("result", result);
        model.addAttribute("conditions", conditions);
        model.addAttribute("links", ListLinks.fromCurrentRequest("id"));
        model.addAttribute("indicators", indicatorChoices());
        model.addAttribute("canManage", rules.canManageRules());
        model.addAttribute("selectedIndicator", indicator);
        model.addAttribute(
                "breadcrumbs",
                List.of(new Crumb(label("alert.title"), "/alerts"), new Crumb(label("alert.rules.title"), null)));
        return "alert/rules";
    }

    @GetMapping("/alerts/rules/new")
    @PreAuthorize(EDITORS)
    String newRule(@RequestParam(required = false) @Nullable Long indicator, Model model) {
        AlertRuleForm form = new AlertRuleForm();
        form.setIndicatorId(indicator);
        return form(form, null, model);
    }

    @PostMapping("/alerts/rules")
    @PreAuthorize(EDITORS)
    String create(@ModelAttribute("form") AlertRuleForm form, Model model, RedirectAttributes redirect) {
        try {
            rules.create(command(form));
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/alerts/rules";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e));
            return form(form, null, model);
        }
    }

    @GetMapping("/alerts/rules/{id}/edit")
    @PreAuthorize(EDITORS)
    String editRule(@PathVariable long id, Model model) {
        return form(AlertRuleForm.of(rules.get(id), LocaleContextHolder.getLocale()), id, model);
    }

    @PostMapping("/alerts/rules/{id}")
    @PreAuthorize(EDITORS)
    String update(
            @PathVariable long id,
            @ModelAttribute("form") AlertRuleForm form,
            Model model,
            RedirectAttributes redirect) {
        try {
            rules.update(id, form.getVersion() == null ? -1 : form.getVersion(), command(form));
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/alerts/rules";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e));
        } catch (ConflictException e) {
            model.addAttribute("ruleError", label("alert.error.staleRule"));
        }
        return form(form, id, model);
    }

    @PostMapping("/alerts/rules/{id}/delete")
    @PreAuthorize(EDITORS)
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            rules.delete(id, version);
            redirect.addFlashAttribute("flash", "flash.deleted");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("ruleError", label("alert.error.staleRule"));
        }
        return "redirect:/alerts/rules";
    }

    /**
     * The command of the form, with the unit's code resolved. What the form cannot read (a number,
     * an unknown unit code: a problem of orgUnitCode) is reported together with the service's own
     * problems, so that the user fixes everything at once.
     */
    private AlertRuleCommand command(AlertRuleForm form) {
        List<FieldProblem> unreadable = new ArrayList<>();
        Long orgUnitId = null;
        String code = form.getOrgUnitCode();
        if (code != null && !code.isBlank()) {
            orgUnitId = geography
                    .findOrgUnitByCodeAnyCase(code.strip())
                    .map(OrgUnitView::id)
                    .orElse(null);
            if (orgUnitId == null) {
                unreadable.add(new FieldProblem(
                        "orgUnitCode",
                        "'" + code.strip() + "' is not the code of an organisation unit",
                        "alert.validation.orgUnitCode",
                        List.of(code.strip())));
            }
        }
        AlertRuleCommand command = form.command(orgUnitId, LocaleContextHolder.getLocale(), unreadable);
        if (!unreadable.isEmpty()) {
            List<FieldProblem> all = new ArrayList<>();
            try {
                rules.check(command);
            } catch (InvalidInputException e) {
                // a field the form could not read is reported as such, not as missing
                e.problems().stream()
                        .filter(p ->
                                unreadable.stream().noneMatch(u -> u.field().equals(p.field())))
                        .forEach(all::add);
            }
            all.addAll(unreadable);
            throw new InvalidInputException(all);
        }
        return command;
    }

    private String form(AlertRuleForm form, @Nullable Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("ruleId", id);
        model.addAttribute("indicators", indicatorChoices());
        model.addAttribute("kinds", AlertKind.values());
        model.addAttribute("operators", ThresholdOperator.values());
        model.addAttribute("periodTypes", PeriodType.values());
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("alert.title"), "/alerts"),
                        new Crumb(label("alert.rules.title"), "/alerts/rules"),
                        new Crumb(label(id == null ? "alert.rule.new" : "alert.rule.edit"), null)));
        return "alert/rule-form";
    }

    /** The rule's condition in words: "above 100", "worse by more than 10 %", "15 days after each quarter". */
    private String condition(AlertRuleView r, Locale locale) {
        String period = r.periodType() == null ? "" : label("alert.periodType." + r.periodType());
        return switch (r.kind()) {
            case THRESHOLD ->
                label("alert.condition.THRESHOLD." + r.operator(), DecimalInput.format(r.threshold(), locale));
            case DETERIORATION -> label("alert.condition.DETERIORATION", DecimalInput.format(r.percent(), locale));
            case MISSING -> label("alert.condition.MISSING", r.dueDays(), period);
        };
    }

    private List<IndicatorSummary> indicatorChoices() {
        return indicators
                .list(
                        new IndicatorFilter(null, null, null, null, null),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "code", Map.of("code", "i.code"), "code"))
                .items();
    }

    /** The problems by field, in the user's language; the service's orgUnitId is the form's orgUnitCode. */
    private Map<String, String> errors(InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        FormErrors.of(e, messages, LocaleContextHolder.getLocale())
                .forEach((field, text) ->
                        errors.merge("orgUnitId".equals(field) ? "orgUnitCode" : field, text, (a, b) -> a + "; " + b));
        return errors;
    }

    private static String safeBack(@Nullable String back) {
        return back != null && back.startsWith("/alerts") && !back.startsWith("//") ? back : "/alerts";
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
