package org.bluehelm.context;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bluehelm.mission.MissionFilter;
import org.bluehelm.mission.MissionService;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.web.Crumb;
import org.bluehelm.web.FormFlow;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

/** Context in the browser: assessments (history, detail, new) and the strategy revision log. */
@Controller
class ContextController {

    private final ContextService context;
    private final RiskService risks;
    private final MissionService missions;
    private final MessageSource messages;
    private final Clock clock;

    ContextController(
            ContextService context, RiskService risks, MissionService missions, MessageSource messages, Clock clock) {
        this.context = context;
        this.risks = risks;
        this.missions = missions;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/context")
    String overview(@RequestParam(required = false) @Nullable String country, Model model) {
        model.addAttribute("assessments", context.assessments(country, null));
        model.addAttribute("revisions", context.revisions(country, null));
        model.addAttribute("factors", ContextFactor.values());
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("nav.context"), null)));
        return "context/overview";
    }

    @GetMapping("/context/assessments/{id}")
    String assessment(@PathVariable long id, Model model) {
        ContextAssessmentView assessment = context.assessment(id);
        model.addAttribute("assessment", assessment);
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.context"), "/context"),
                        new Crumb(assessment.countryCode() + " · " + assessment.assessedOn(), null)));
        return "context/assessment";
    }

    @GetMapping("/context/assessments/new")
    @PreAuthorize(RiskController.EDITORS)
    String newAssessment(Model model) {
        return assessmentForm(AssessmentForm.blank(LocalDate.now(clock)), model);
    }

    @PostMapping("/context/assessments")
    @PreAuthorize(RiskController.EDITORS)
    String assess(
            @ModelAttribute("form") AssessmentForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return submitted(binding, model)
                .submit(
                        () -> {
                            ContextAssessmentView created = context.assess(form.command());
                            redirect.addFlashAttribute("flash", "flash.saved");
                            return "redirect:/context/assessments/" + created.id();
                        },
                        () -> assessmentForm(form, model));
    }

    @GetMapping("/context/revisions/new")
    @PreAuthorize(RiskController.EDITORS)
    String newRevision(@RequestParam(required = false) @Nullable Long risk, Model model) {
        RevisionForm form = new RevisionForm();
        form.setRevisedOn(LocalDate.now(clock));
        if (risk != null) {
            RiskView r = risks.get(risk);
            form.setRiskId(r.id());
            form.setCountryCode(r.countryCode());
            form.setMissionId(r.missionId());
            form.setReason(r.reviewReason());
        }
        return revisionForm(form, model);
    }

    @PostMapping("/context/revisions")
    @PreAuthorize(RiskController.EDITORS)
    String revise(
            @ModelAttribute("form") RevisionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return submitted(binding, model)
                .submit(
                        () -> {
                            context.revise(form.command());
                            redirect.addFlashAttribute("flash", "flash.saved");
                            return form.getRiskId() == null
                                    ? "redirect:/context"
                                    : "redirect:/risks/" + form.getRiskId();
                        },
                        () -> revisionForm(form, model));
    }

    /** A submitted form: each value that does not fit its field (a date that does not exist) is named. */
    private FormFlow submitted(BindingResult binding, Model model) {
        return FormFlow.of(messages, model).binding(binding, "context.validation.format");
    }

    private String assessmentForm(AssessmentForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("kinds", AssessmentKind.values());
        model.addAttribute("missions", missionChoices());
        model.addAttribute(
                "breadcrumbs",
                List.of(new Crumb(label("nav.context"), "/context"), new Crumb(label("context.assessment.new"), null)));
        return "context/assessment-form";
    }

    private String revisionForm(RevisionForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("missions", missionChoices());
        model.addAttribute("risks", risks.list(null, null, null, false));
        model.addAttribute("assessments", context.assessments(null, null));
        model.addAttribute(
                "breadcrumbs",
                List.of(new Crumb(label("nav.context"), "/context"), new Crumb(label("context.revision.new"), null)));
        return "context/revision-form";
    }

    private List<org.bluehelm.mission.MissionSummary> missionChoices() {
        return missions.list(
                        new MissionFilter(null, null, null, null, true),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "acronym", Map.of("acronym", "m.acronym"), "acronym"))
                .items();
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
