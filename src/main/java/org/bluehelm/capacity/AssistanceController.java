package org.bluehelm.capacity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bluehelm.institution.InstitutionFilter;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.institution.InstitutionSummary;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.web.Crumb;
import org.bluehelm.web.FormErrors;
import org.bluehelm.web.FormFlow;
import org.bluehelm.web.ListExport;
import org.bluehelm.web.ListLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
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

/** Mentoring engagements and technical-assistance deliverables in the browser. */
@Controller
class AssistanceController {

    private static final String EDITORS = "hasAnyRole('ADMIN', 'MISSION_MANAGER')";

    private final AssistanceService assistance;
    private final InstitutionService institutions;
    private final MessageSource messages;

    /** The mentoring engagements as a file: the columns of the list, with the dates. */
    static final ListExport.Table<MentoringView> MENTORING = ListExport.Table.of(
            "mentoring",
            ListExport.column("capacity.mentoring.mentor", MentoringView::mentor),
            ListExport.column("capacity.mentoring.counterpart", MentoringView::counterpart),
            ListExport.column("capacity.person.institution", MentoringView::institutionName),
            ListExport.label("capacity.mentoring.focus", "capacity.competency.", MentoringView::focus),
            ListExport.column("capacity.event.startsOn", MentoringView::startsOn),
            ListExport.column("capacity.event.endsOn", MentoringView::endsOn),
            ListExport.column("capacity.mentoring.sessions", m -> m.sessions().size()),
            ListExport.column("capacity.mentoring.latest", MentoringView::latestRating),
            ListExport.column("capacity.mentoring.progress", MentoringView::progress));

    /** The technical assistance deliverables as a file: the columns of the list. */
    static final ListExport.Table<DeliverableView> DELIVERABLES = ListExport.Table.of(
            "technical-assistance",
            ListExport.column("capacity.course.title", DeliverableView::title),
            ListExport.label("capacity.assistance.kind", "capacity.kind.", DeliverableView::kind),
            ListExport.column("capacity.person.institution", DeliverableView::institutionName),
            ListExport.label("capacity.assistance.status", "capacity.deliverable.", DeliverableView::status),
            ListExport.column("capacity.assistance.milestones", DeliverableView::milestonesDone),
            ListExport.column(
                    "capacity.assistance.milestones.title", d -> d.milestones().size()),
            ListExport.column("capacity.assistance.late", DeliverableView::milestonesOverdue));

    private final ListExport export;

    AssistanceController(
            AssistanceService assistance, InstitutionService institutions, MessageSource messages, ListExport export) {
        this.export = export;
        this.assistance = assistance;
        this.institutions = institutions;
        this.messages = messages;
    }

    @GetMapping("/capacity/mentoring")
    String mentoring(Model model) {
        model.addAttribute("engagements", assistance.mentoring(null));
        model.addAttribute("links", ListLinks.fromCurrentRequest(null));
        model.addAttribute("competencies", Competency.values());
        model.addAttribute("institutions", institutionChoices());
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.capacity"), "/capacity"),
                        new Crumb(label("capacity.mentoring.title"), null)));
        return "capacity/mentoring";
    }

    /** The mentoring engagements in the user's scope (the same as the list) as CSV or XLSX. */
    @GetMapping("/capacity/mentoring/export")
    ResponseEntity<byte[]> exportMentoring(@RequestParam(defaultValue = "csv") String format) {
        return export.download(
                MENTORING,
                format,
                ListExport.allPages((p, s) -> assistance.mentoring(
                        null, null, PageQuery.of(p, s, null, AssistanceService.MENTORING_SORTS, "-startsOn"))));
    }

    @PostMapping("/capacity/mentoring")
    @PreAuthorize(EDITORS)
    String createMentoring(
            @ModelAttribute("mentoringForm") MentoringForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return FormFlow.of(messages, model)
                .binding(binding, "capacity.validation.format")
                .submit(
                        () -> {
                            MentoringView m = assistance.createMentoring(form.command());
                            redirect.addFlashAttribute("flash", "flash.saved");
                            return "redirect:/capacity/mentoring/" + m.id();
                        },
                        () -> mentoring(model));
    }

    @GetMapping("/capacity/mentoring/{id}")
    String mentoringEngagement(@PathVariable long id, Model model) {
        MentoringView m = assistance.mentoringEngagement(id);
        model.addAttribute("m", m);
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.capacity"), "/capacity"),
                        new Crumb(label("capacity.mentoring.title"), "/capacity/mentoring"),
                        new Crumb(m.mentor() + " · " + m.counterpart(), null)));
        return "capacity/mentoring-detail";
    }

    @PostMapping("/capacity/mentoring/{id}/sessions")
    @PreAuthorize(EDITORS)
    String addSession(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate heldOn,
            @RequestParam(required = false) @Nullable Integer rating,
            @RequestParam(required = false) @Nullable String note,
            Model model,
            RedirectAttributes redirect) {
        try {
            assistance.addSession(id, new SessionCommand(heldOn, rating, note));
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/capacity/mentoring/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
            return mentoringEngagement(id, model);
        }
    }

    @GetMapping("/capacity/assistance")
    String deliverables(Model model) {
        model.addAttribute("deliverables", assistance.deliverables(null));
        model.addAttribute("links", ListLinks.fromCurrentRequest(null));
        model.addAttribute("kinds", DeliverableKind.values());
        model.addAttribute("statuses", DeliverableStatus.values());
        model.addAttribute("institutions", institutionChoices());
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.capacity"), "/capacity"),
                        new Crumb(label("capacity.assistance.title"), null)));
        return "capacity/assistance";
    }

    /** The deliverables in the user's scope (the same as the list, every page of them) as CSV or XLSX. */
    @GetMapping("/capacity/assistance/export")
    ResponseEntity<byte[]> exportDeliverables(@RequestParam(defaultValue = "csv") String format) {
        return export.download(
                DELIVERABLES,
                format,
                ListExport.allPages((p, s) -> assistance.deliverables(
                        null, null, PageQuery.of(p, s, null, AssistanceService.DELIVERABLE_SORTS, "-id"))));
    }

    @PostMapping("/capacity/assistance")
    @PreAuthorize(EDITORS)
    String createDeliverable(
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable DeliverableKind kind,
            @RequestParam(required = false) @Nullable Long institutionId,
            Model model,
            RedirectAttributes redirect) {
        try {
            DeliverableView d = assistance.createDeliverable(new DeliverableCommand(title, kind, institutionId, null));
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/capacity/assistance/" + d.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
            return deliverables(model);
        }
    }

    @GetMapping("/capacity/assistance/{id}")
    String deliverable(@PathVariable long id, Model model) {
        DeliverableView d = assistance.deliverable(id);
        model.addAttribute("d", d);
        model.addAttribute("statuses", DeliverableStatus.values());
        model.addAttribute("milestoneStatuses", MilestoneStatus.values());
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.capacity"), "/capacity"),
                        new Crumb(label("capacity.assistance.title"), "/capacity/assistance"),
                        new Crumb(d.title(), null)));
        return "capacity/deliverable";
    }

    @PostMapping("/capacity/assistance/{id}/status")
    @PreAuthorize(EDITORS)
    String changeStatus(
            @PathVariable long id,
            @RequestParam DeliverableStatus status,
            @RequestParam int version,
            RedirectAttributes redirect) {
        DeliverableView d = assistance.deliverable(id);
        try {
            assistance.updateDeliverable(
                    id, version, new DeliverableCommand(d.title(), d.kind(), d.institutionId(), status));
            redirect.addFlashAttribute("flash", "flash.saved");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "capacity.conflict");
        }
        return "redirect:/capacity/assistance/" + id;
    }

    @PostMapping("/capacity/assistance/{id}/milestones")
    @PreAuthorize(EDITORS)
    String addMilestone(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueOn,
            Model model,
            RedirectAttributes redirect) {
        try {
            assistance.addMilestone(id, new MilestoneCommand(title, dueOn, MilestoneStatus.PENDING, null));
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/capacity/assistance/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
            return deliverable(id, model);
        }
    }

    @PostMapping("/capacity/assistance/{id}/milestones/{milestoneId}")
    @PreAuthorize(EDITORS)
    String updateMilestone(
            @PathVariable long id,
            @PathVariable long milestoneId,
            @RequestParam MilestoneStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate doneOn,
            Model model,
            RedirectAttributes redirect) {
        DeliverableView.Milestone m = assistance.deliverable(id).milestones().stream()
                .filter(x -> x.id() == milestoneId)
                .findAny()
                .orElseThrow(() -> new org.bluehelm.shared.NotFoundException("Milestone", milestoneId));
        try {
            assistance.updateMilestone(id, milestoneId, new MilestoneCommand(m.title(), m.dueOn(), status, doneOn));
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/capacity/assistance/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
            return deliverable(id, model);
        }
    }

    private List<InstitutionSummary> institutionChoices() {
        return institutions
                .list(
                        new InstitutionFilter(null, null, null, null, null),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "name", Map.of("name", "i.name"), "name"))
                .items();
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
