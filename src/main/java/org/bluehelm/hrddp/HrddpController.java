package org.bluehelm.hrddp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bluehelm.institution.InstitutionFilter;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.institution.InstitutionSummary;
import org.bluehelm.mission.MissionFilter;
import org.bluehelm.mission.MissionService;
import org.bluehelm.mission.MissionSummary;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
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

/** HRDDP in the browser: supports (list, detail, create, edit, delete), assessments, monitoring and flags. */
@Controller
class HrddpController {

    private static final String EDITORS = "hasAnyRole('ADMIN', 'MISSION_MANAGER')";

    private final HrddpService hrddp;
    private final InstitutionService institutions;
    private final MissionService missions;
    private final MessageSource messages;
    private final ListExport export;

    HrddpController(
            HrddpService hrddp,
            InstitutionService institutions,
            MissionService missions,
            MessageSource messages,
            ListExport export) {
        this.hrddp = hrddp;
        this.institutions = institutions;
        this.missions = missions;
        this.messages = messages;
        this.export = export;
    }

    @GetMapping("/hrddp")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable SupportStatus status,
            @RequestParam(required = false) @Nullable SupportType type,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(defaultValue = "false") boolean flagged,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        PageResponse<SupportSummary> result = hrddp.list(
                new SupportFilter(q, status, type, country, null, null, flagged, mine, overdue),
                PageQuery.of(page, 25, sort, HrddpService.SORTS, "-id"));
        model.addAttribute("result", result);
        model.addAttribute("links", ListLinks.fromCurrentRequest(sort == null ? "-id" : sort));
        model.addAttribute("statuses", SupportStatus.values());
        model.addAttribute("types", SupportType.values());
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("nav.hrddp"), null)));
        return "hrddp/list";
    }

    @GetMapping("/hrddp/{id}")
    String detail(@PathVariable long id, Model model) {
        SupportView support = hrddp.get(id);
        model.addAttribute("support", support);
        model.addAttribute("assessments", hrddp.assessments(id));
        model.addAttribute("monitoring", hrddp.monitoring(id));
        model.addAttribute("flags", hrddp.flags(id));
        model.addAttribute(
                "missionAcronym",
                support.missionId() == null
                        ? null
                        : missions.findAcronym(support.missionId()).orElse(null));
        if (!model.containsAttribute("monitoringForm")) {
            model.addAttribute("monitoringForm", new MonitoringForm());
        }
        model.addAttribute(
                "breadcrumbs",
                List.of(new Crumb(label("nav.hrddp"), "/hrddp"), new Crumb(support.recipientName(), null)));
        return "hrddp/detail";
    }

    /** The list with its filters as CSV or XLSX: every page, in the user's scope. */
    @GetMapping("/hrddp/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable SupportStatus status,
            @RequestParam(required = false) @Nullable SupportType type,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(defaultValue = "false") boolean flagged,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "csv") String format) {
        SupportFilter filter = new SupportFilter(q, status, type, country, null, null, flagged, mine, overdue);
        List<SupportSummary> rows = ListExport.allPages(
                (p, size) -> hrddp.list(filter, PageQuery.of(p, size, sort, HrddpService.SORTS, "-id")));
        return export.download(
                "hrddp-supports",
                format,
                List.of(
                        ListExport.column("hrddp.recipient", SupportSummary::recipientName),
                        ListExport.label("hrddp.type", "hrddp.type.", SupportSummary::type),
                        ListExport.column("hrddp.periodFrom", SupportSummary::periodFrom),
                        ListExport.column("hrddp.periodTo", SupportSummary::periodTo),
                        ListExport.column("hrddp.country", SupportSummary::countryCode),
                        ListExport.label("hrddp.status", "hrddp.status.", SupportSummary::status),
                        ListExport.label("hrddp.decision", "hrddp.decision.", SupportSummary::decision),
                        ListExport.column("hrddp.reviewDate", SupportSummary::reviewDate),
                        ListExport.column("hrddp.flags", SupportSummary::openFlags)),
                rows);
    }

    @GetMapping("/hrddp/new")
    @PreAuthorize(EDITORS)
    String newForm(Model model) {
        return form(new SupportForm(), null, model);
    }

    @PostMapping("/hrddp")
    @PreAuthorize(EDITORS)
    String create(
            @ModelAttribute("form") SupportForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return submitted(binding, model)
                .submit(
                        () -> {
                            SupportView created = hrddp.create(form.command());
                            redirect.addFlashAttribute("flash", "flash.saved");
                            return "redirect:/hrddp/" + created.id();
                        },
                        () -> form(form, null, model));
    }

    @GetMapping("/hrddp/{id}/edit")
    @PreAuthorize(EDITORS)
    String editForm(@PathVariable long id, Model model) {
        return form(SupportForm.of(hrddp.get(id)), id, model);
    }

    @PostMapping("/hrddp/{id}")
    @PreAuthorize(EDITORS)
    String update(
            @PathVariable long id,
            @ModelAttribute("form") SupportForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return submitted(binding, model)
                .onConflict(() -> {
                    model.addAttribute("conflict", changes(form, hrddp.get(id)));
                    model.addAttribute("reloadUrl", "/hrddp/" + id + "/edit");
                })
                .submit(
                        () -> {
                            hrddp.update(id, form.getVersion() == null ? -1 : form.getVersion(), form.command());
                            redirect.addFlashAttribute("flash", "flash.saved");
                            return "redirect:/hrddp/" + id;
                        },
                        () -> form(form, id, model));
    }

    @PostMapping("/hrddp/{id}/delete")
    @PreAuthorize(EDITORS)
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            hrddp.delete(id, version);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "hrddp.delete.stale");
            return "redirect:/hrddp/" + id;
        }
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/hrddp";
    }

    @GetMapping("/hrddp/{id}/assess")
    @PreAuthorize(EDITORS)
    String assessForm(@PathVariable long id, Model model) {
        SupportView support = hrddp.get(id);
        return assessmentForm(AssessmentForm.of(support.currentAssessment()), support, model);
    }

    @PostMapping("/hrddp/{id}/assessments")
    @PreAuthorize(EDITORS)
    String assess(
            @PathVariable long id,
            @ModelAttribute("form") AssessmentForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        SupportView support = hrddp.get(id);
        return submitted(binding, model)
                .submit(
                        () -> {
                            hrddp.assess(id, form.command());
                            redirect.addFlashAttribute("flash", "hrddp.assessment.saved");
                            return "redirect:/hrddp/" + id;
                        },
                        () -> assessmentForm(form.padded(), support, model));
    }

    @PostMapping("/hrddp/{id}/monitoring")
    @PreAuthorize(EDITORS)
    String monitor(
            @PathVariable long id,
            @ModelAttribute("monitoringForm") MonitoringForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return submitted(binding, model)
                .submit(
                        () -> {
                            hrddp.monitor(id, form.command());
                            redirect.addFlashAttribute("flash", "hrddp.monitoring.saved");
                            return "redirect:/hrddp/" + id + "#monitoring";
                        },
                        () -> detail(id, model));
    }

    @PostMapping("/hrddp/{id}/flags/{flagId}/acknowledge")
    @PreAuthorize(EDITORS)
    String acknowledge(
            @PathVariable long id,
            @PathVariable long flagId,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        try {
            hrddp.acknowledge(id, flagId, version, note);
            redirect.addFlashAttribute("flash", "hrddp.flag.acknowledged");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", "hrddp.flag.noteRequired");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "hrddp.flag.stale");
        }
        return "redirect:/hrddp/" + id;
    }

    private String form(SupportForm form, @Nullable Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("supportId", id);
        model.addAttribute("types", SupportType.values());
        model.addAttribute("statuses", SupportStatus.values());
        model.addAttribute("recipients", recipientChoices());
        model.addAttribute("missions", missionChoices());
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.hrddp"), "/hrddp"),
                        new Crumb(id == null ? label("hrddp.new") : label("hrddp.edit"), null)));
        return "hrddp/form";
    }

    private String assessmentForm(AssessmentForm form, SupportView support, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("support", support);
        model.addAttribute("levels", ViolationsLevel.values());
        model.addAttribute("risks", OverallRisk.values());
        model.addAttribute("decisions", Decision.values());
        model.addAttribute("mitigationStatuses", MitigationStatus.values());
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.hrddp"), "/hrddp"),
                        new Crumb(support.recipientName(), "/hrddp/" + support.id()),
                        new Crumb(label("hrddp.assess"), null)));
        return "hrddp/assess";
    }

    private List<FieldChange> changes(SupportForm yours, SupportView stored) {
        SupportForm theirs = SupportForm.of(stored);
        List<FieldChange> changes = new ArrayList<>();
        FieldChange.addIfDifferent(
                changes,
                label("hrddp.recipient"),
                String.valueOf(yours.getRecipientInstitutionId()),
                String.valueOf(theirs.getRecipientInstitutionId()));
        FieldChange.addIfDifferent(
                changes,
                label("hrddp.type"),
                enumLabel("hrddp.type.", yours.getType()),
                enumLabel("hrddp.type.", theirs.getType()));
        FieldChange.addIfDifferent(
                changes,
                label("hrddp.periodFrom"),
                String.valueOf(yours.getPeriodFrom()),
                String.valueOf(theirs.getPeriodFrom()));
        FieldChange.addIfDifferent(
                changes,
                label("hrddp.periodTo"),
                String.valueOf(yours.getPeriodTo()),
                String.valueOf(theirs.getPeriodTo()));
        FieldChange.addIfDifferent(
                changes,
                label("hrddp.status"),
                enumLabel("hrddp.status.", yours.getStatus()),
                enumLabel("hrddp.status.", theirs.getStatus()));
        FieldChange.addIfDifferent(
                changes, label("hrddp.description"), yours.getDescription(), theirs.getDescription());
        FieldChange.addIfDifferent(
                changes, label("hrddp.responsible"), yours.getResponsible(), theirs.getResponsible());
        return changes;
    }

    /** A submitted form: values the browser sent that do not fit their field refuse it. */
    private FormFlow submitted(BindingResult binding, Model model) {
        return FormFlow.of(messages, model).binding(binding, "hrddp.validation.format");
    }

    /** The institutions in the user's scope, by name: any of them, or one of their units, may receive support. */
    private List<InstitutionSummary> recipientChoices() {
        return institutions
                .list(
                        new InstitutionFilter(null, null, null, null, null),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "name", Map.of("name", "i.name"), "name"))
                .items();
    }

    private List<MissionSummary> missionChoices() {
        return missions.list(
                        new MissionFilter(null, null, null, null, true),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "acronym", Map.of("acronym", "m.acronym"), "acronym"))
                .items();
    }

    private @Nullable String enumLabel(String prefix, @Nullable Enum<?> value) {
        return value == null ? null : label(prefix + value.name());
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
