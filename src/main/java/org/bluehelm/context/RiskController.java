package org.bluehelm.context;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.IndicatorFilter;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.mission.MissionFilter;
import org.bluehelm.mission.MissionService;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.web.Crumb;
import org.bluehelm.web.FieldChange;
import org.bluehelm.web.FormFlow;
import org.bluehelm.web.ListExport;
import org.bluehelm.web.ListLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The risk register in the browser: list (mine, awaiting review), detail, create, edit, delete. */
@Controller
class RiskController {

    static final String EDITORS = "hasAnyRole('ADMIN', 'MISSION_MANAGER')";

    /** A problem the service reports with a trigger of its command: index and input. */
    private static final Pattern TRIGGER_FIELD = Pattern.compile("triggers\\[(\\d+)](.*)");

    /** The register as a file: the columns of the list, with likelihood, impact and mitigation. */
    static final ListExport.Table<RiskView> EXPORT = ListExport.Table.of(
            "risks",
            ListExport.column("field.title", RiskView::title),
            ListExport.column("field.countryCode", RiskView::countryCode),
            ListExport.column("risk.level", RiskView::level),
            ListExport.column("field.likelihood", RiskView::likelihood),
            ListExport.column("field.impact", RiskView::impact),
            ListExport.label("field.status", "risk.status.", RiskView::status),
            ListExport.column("field.owner", RiskView::owner),
            ListExport.column("field.reviewDate", RiskView::reviewDate),
            ListExport.column("risk.review.requested", RiskView::reviewRequestedAt),
            ListExport.column("field.mitigation", RiskView::mitigation));

    private final RiskService risks;
    private final IndicatorService indicators;
    private final GeographyService geography;
    private final MissionService missions;
    private final MessageSource messages;
    private final ListExport export;

    RiskController(
            RiskService risks,
            IndicatorService indicators,
            GeographyService geography,
            MissionService missions,
            MessageSource messages,
            ListExport export) {
        this.export = export;
        this.risks = risks;
        this.indicators = indicators;
        this.geography = geography;
        this.missions = missions;
        this.messages = messages;
    }

    @GetMapping("/risks")
    String list(
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "false") boolean review,
            Model model) {
        String me = AccessScope.current().username();
        model.addAttribute("risks", risks.list(country, null, mine ? me : null, review));
        model.addAttribute("myReviews", risks.list(null, null, me, true).size());
        model.addAttribute("links", ListLinks.fromCurrentRequest(null));
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("nav.risks"), null)));
        return "context/risks";
    }

    /** The risks the filters select (the same as the list) as CSV or XLSX. */
    @GetMapping("/risks/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "false") boolean review,
            @RequestParam(defaultValue = "csv") String format) {
        String me = AccessScope.current().username();
        return export.download(EXPORT, format, risks.list(country, null, mine ? me : null, review));
    }

    @GetMapping("/risks/{id}")
    String detail(@PathVariable long id, Model model) {
        RiskView risk = risks.get(id);
        model.addAttribute("risk", risk);
        model.addAttribute(
                "missionAcronym",
                risk.missionId() == null
                        ? null
                        : missions.findAcronym(risk.missionId()).orElse(null));
        model.addAttribute(
                "breadcrumbs", List.of(new Crumb(label("nav.risks"), "/risks"), new Crumb(risk.title(), null)));
        return "context/risk";
    }

    @GetMapping("/risks/new")
    @PreAuthorize(EDITORS)
    String newForm(Model model) {
        RiskForm form = new RiskForm();
        form.setOwner(AccessScope.current().username());
        return form(form, null, model);
    }

    @PostMapping("/risks")
    @PreAuthorize(EDITORS)
    String create(
            @ModelAttribute("form") RiskForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return submitted(binding, model)
                .submit(
                        () -> {
                            RiskView created = saved(form, risks::create);
                            redirect.addFlashAttribute("flash", "flash.saved");
                            return "redirect:/risks/" + created.id();
                        },
                        () -> form(form, null, model));
    }

    @GetMapping("/risks/{id}/edit")
    @PreAuthorize(EDITORS)
    String editForm(@PathVariable long id, Model model) {
        return form(of(risks.get(id)), id, model);
    }

    @PostMapping("/risks/{id}")
    @PreAuthorize(EDITORS)
    String update(
            @PathVariable long id,
            @ModelAttribute("form") RiskForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return submitted(binding, model)
                .onConflict(() -> {
                    RiskView stored = risks.get(id);
                    List<FieldChange> changes = new ArrayList<>();
                    FieldChange.addIfDifferent(changes, label("field.title"), form.getTitle(), stored.title());
                    FieldChange.addIfDifferent(
                            changes, label("field.likelihood"), form.getLikelihood(), stored.likelihood());
                    FieldChange.addIfDifferent(changes, label("field.impact"), form.getImpact(), stored.impact());
                    FieldChange.addIfDifferent(changes, label("field.status"), form.getStatus(), stored.status());
                    FieldChange.addIfDifferent(
                            changes, label("field.mitigation"), form.getMitigation(), stored.mitigation());
                    model.addAttribute("conflict", changes);
                    model.addAttribute("reloadUrl", "/risks/" + id + "/edit");
                })
                .submit(
                        () -> {
                            saved(form, c -> risks.update(id, form.getVersion() == null ? -1 : form.getVersion(), c));
                            redirect.addFlashAttribute("flash", "flash.saved");
                            return "redirect:/risks/" + id;
                        },
                        () -> form(form, id, model));
    }

    @PostMapping("/risks/{id}/delete")
    @PreAuthorize(EDITORS)
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            risks.delete(id, version);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "risk.delete.stale");
            return "redirect:/risks/" + id;
        }
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/risks";
    }

    /**
     * Saves the form's risk with {@code save}. Triggers name their unit by code, looked up here; a
     * refused form reports every problem at once (an unknown code together with what the service
     * finds), each at the form row and input it came from (blank rows are left out of the command).
     */
    private <T> T saved(RiskForm form, Function<RiskCommand, T> save) {
        List<RiskCommand.Trigger> triggers = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        Set<Integer> unknownRows = new LinkedHashSet<>();
        for (int i = 0; i < form.getTriggers().size(); i++) {
            RiskForm.TriggerRow row = form.getTriggers().get(i);
            if (row.blank()) {
                continue;
            }
            Long unit = null;
            if (row.getOrgUnitCode() != null && !row.getOrgUnitCode().isBlank()) {
                unit = geography
                        .findOrgUnitByCodeAnyCase(row.getOrgUnitCode().strip())
                        .map(OrgUnitView::id)
                        .orElse(null);
                if (unit == null) {
                    unknownRows.add(i);
                }
            }
            triggers.add(new RiskCommand.Trigger(row.getIndicatorId(), unit, row.getComparison(), row.getThreshold()));
            rows.add(i);
        }
        RiskCommand command = new RiskCommand(
                form.getCountryCode(),
                form.getMissionId(),
                form.getTitle(),
                form.getDescription(),
                form.getLikelihood(),
                form.getImpact(),
                form.getOwner(),
                form.getMitigation(),
                form.getReviewDate(),
                form.getStatus(),
                triggers);
        List<FieldProblem> problems = new ArrayList<>();
        for (int row : unknownRows) {
            problems.add(new FieldProblem(
                    "triggers[" + row + "].orgUnitCode",
                    "is not a known organisation unit code",
                    "context.validation.orgUnitCode",
                    List.of()));
        }
        try {
            if (problems.isEmpty()) {
                return save.apply(command);
            }
            risks.check(command);
        } catch (InvalidInputException e) {
            for (FieldProblem p : e.problems()) {
                Matcher m = TRIGGER_FIELD.matcher(p.field());
                if (!m.matches()) {
                    problems.add(p);
                    continue;
                }
                int row = rows.get(Integer.parseInt(m.group(1)));
                boolean unit = m.group(2).equals(".orgUnitId");
                if (unit && unknownRows.contains(row)) {
                    continue; // said above: the code names no unit
                }
                String input = unit ? ".orgUnitCode" : m.group(2);
                problems.add(new FieldProblem("triggers[" + row + "]" + input, p.message(), p.code(), p.args()));
            }
        }
        throw new InvalidInputException(problems);
    }

    private RiskForm of(RiskView r) {
        RiskForm form = new RiskForm();
        form.setCountryCode(r.countryCode());
        form.setMissionId(r.missionId());
        form.setTitle(r.title());
        form.setDescription(r.description());
        form.setLikelihood(r.likelihood());
        form.setImpact(r.impact());
        form.setOwner(r.owner());
        form.setMitigation(r.mitigation());
        form.setReviewDate(r.reviewDate());
        form.setStatus(r.status());
        for (RiskView.TriggerView t : r.triggers()) {
            RiskForm.TriggerRow row = new RiskForm.TriggerRow();
            row.setIndicatorId(t.indicatorId());
            row.setOrgUnitCode(
                    geography.findOrgUnit(t.orgUnitId()).map(OrgUnitView::code).orElse(null));
            row.setComparison(t.comparison());
            row.setThreshold(t.threshold());
            form.getTriggers().add(row);
        }
        form.setVersion(r.version());
        return form;
    }

    private String form(RiskForm form, @Nullable Long id, Model model) {
        model.addAttribute("form", form.padded());
        model.addAttribute("riskId", id);
        model.addAttribute("statuses", RiskStatus.values());
        model.addAttribute("comparisons", Comparison.values());
        model.addAttribute(
                "indicators",
                indicators
                        .list(
                                new IndicatorFilter(null, null, null, null, null),
                                PageQuery.of(0, PageQuery.MAX_SIZE, "code", Map.of("code", "i.code"), "code"))
                        .items());
        model.addAttribute(
                "missions",
                missions.list(
                                new MissionFilter(null, null, null, null, true),
                                PageQuery.of(
                                        0, PageQuery.MAX_SIZE, "acronym", Map.of("acronym", "m.acronym"), "acronym"))
                        .items());
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.risks"), "/risks"),
                        new Crumb(label(id == null ? "risk.new" : "risk.edit"), null)));
        return "context/risk-form";
    }

    /** A submitted form: values the browser sent that do not fit their field refuse it. */
    private FormFlow submitted(BindingResult binding, Model model) {
        return FormFlow.of(messages, model).binding(binding, "context.validation.format");
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
