package org.bluehelm.coordination;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bluehelm.actor.ActorFilter;
import org.bluehelm.actor.ActorService;
import org.bluehelm.coordination.MeetingRecords.ActionItemCommand;
import org.bluehelm.coordination.MeetingRecords.ActionItemView;
import org.bluehelm.coordination.MeetingRecords.ActionStatus;
import org.bluehelm.coordination.MeetingRecords.DocumentKind;
import org.bluehelm.coordination.MeetingRecords.MeetingSummary;
import org.bluehelm.coordination.MeetingRecords.MeetingView;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordination meetings, action items ("my action items") and shared documents in the browser. */
@Controller
class MeetingController {

    private static final String EDITORS = "hasAnyRole('ADMIN', 'MISSION_MANAGER')";

    private final MeetingService meetings;
    private final ActorService actors;
    private final MessageSource messages;

    /** The meetings as a file: the columns of the list. */
    static final ListExport.Table<MeetingSummary> MEETINGS = ListExport.Table.of(
            "meetings",
            ListExport.column("coordination.meeting.heldOn", MeetingSummary::heldOn),
            ListExport.column("coordination.meeting", MeetingSummary::title),
            ListExport.column("coordination.country", MeetingSummary::countryCode),
            ListExport.column("coordination.meeting.participants", MeetingSummary::participants),
            ListExport.column("coordination.meeting.openItems", MeetingSummary::openItems));

    /** The user's action items as a file: the columns of the list. */
    static final ListExport.Table<ActionItemView> ACTION_ITEMS = ListExport.Table.of(
            "action-items",
            ListExport.column("coordination.actionItem", ActionItemView::text),
            ListExport.column("coordination.meeting", ActionItemView::meetingTitle),
            ListExport.column("coordination.actionItem.due", ActionItemView::dueDate),
            ListExport.label("coordination.status", "coordination.actionItem.status.", ActionItemView::status),
            ListExport.column("coordination.actionItem.overdue", ActionItemView::overdue));

    private final ListExport export;

    MeetingController(MeetingService meetings, ActorService actors, MessageSource messages, ListExport export) {
        this.export = export;
        this.meetings = meetings;
        this.actors = actors;
        this.messages = messages;
    }

    @GetMapping("/coordination/meetings")
    String list(Model model) {
        model.addAttribute("meetings", meetings.meetings());
        model.addAttribute("links", ListLinks.fromCurrentRequest(null));
        model.addAttribute(
                "actors",
                actors.list(
                                new ActorFilter(null, null, null, null, null),
                                PageQuery.of(0, PageQuery.MAX_SIZE, "name", Map.of("name", "a.name"), "name"))
                        .items());
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of());
        }
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.coordination"), "/coordination"),
                        new Crumb(label("coordination.meetings.title"), null)));
        return "coordination/meetings";
    }

    /** The meetings (the same as the list, every page of them) as CSV or XLSX. */
    @GetMapping("/coordination/meetings/export")
    ResponseEntity<byte[]> exportMeetings(@RequestParam(defaultValue = "csv") String format) {
        return export.download(
                MEETINGS,
                format,
                ListExport.allPages((p, s) ->
                        meetings.meetings(null, PageQuery.of(p, s, null, MeetingService.MEETING_SORTS, "-heldOn"))));
    }

    @PostMapping("/coordination/meetings")
    @PreAuthorize(EDITORS)
    String create(
            @ModelAttribute("meetingForm") MeetingForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return FormFlow.of(messages, model)
                .binding(binding, "coordination.validation.format")
                .submit(
                        () -> {
                            MeetingView meeting = meetings.recordMeeting(form.command());
                            redirect.addFlashAttribute("flash", "flash.saved");
                            return "redirect:/coordination/meetings/" + meeting.id();
                        },
                        () -> {
                            model.addAttribute("values", MeetingForm.values(form, binding));
                            return list(model);
                        });
    }

    @GetMapping("/coordination/meetings/{id}")
    String detail(@PathVariable long id, Model model) {
        MeetingView meeting = meetings.meeting(id);
        model.addAttribute("meeting", meeting);
        model.addAttribute("statuses", ActionStatus.values());
        model.addAttribute(
                "actors",
                actors.list(
                                new ActorFilter(null, null, null, null, null),
                                PageQuery.of(0, PageQuery.MAX_SIZE, "name", Map.of("name", "a.name"), "name"))
                        .items());
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.coordination"), "/coordination"),
                        new Crumb(label("coordination.meetings.title"), "/coordination/meetings"),
                        new Crumb(meeting.title(), null)));
        return "coordination/meeting";
    }

    @PostMapping("/coordination/meetings/{id}/action-items")
    @PreAuthorize(EDITORS)
    String addItem(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable String ownerUsername,
            @RequestParam(required = false) @Nullable Long ownerActorId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueDate,
            Model model,
            RedirectAttributes redirect) {
        try {
            meetings.addActionItem(id, new ActionItemCommand(text, ownerUsername, ownerActorId, dueDate));
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/coordination/meetings/" + id + "#action-items";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
            return detail(id, model);
        }
    }

    @PostMapping("/coordination/action-items/{id}/status")
    @PreAuthorize(EDITORS)
    String setStatus(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable ActionStatus status,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable String back,
            RedirectAttributes redirect) {
        try {
            meetings.setStatus(id, version, status);
            redirect.addFlashAttribute("flash", "flash.saved");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "coordination.actionItem.stale");
        }
        return "redirect:" + ("mine".equals(back) ? "/coordination/action-items/mine" : "/coordination/meetings");
    }

    @GetMapping("/coordination/action-items/mine")
    String mine(Model model) {
        model.addAttribute("items", meetings.myActionItems());
        model.addAttribute("links", ListLinks.fromCurrentRequest(null));
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.coordination"), "/coordination"),
                        new Crumb(label("coordination.actionItems.mine"), null)));
        return "coordination/my-items";
    }

    /** The user's action items (the same as the list, every page of them) as CSV or XLSX. */
    @GetMapping("/coordination/action-items/mine/export")
    ResponseEntity<byte[]> exportMine(@RequestParam(defaultValue = "csv") String format) {
        return export.download(
                ACTION_ITEMS,
                format,
                ListExport.allPages((p, s) -> meetings.myActionItems(
                        null, PageQuery.of(p, s, null, MeetingService.ACTION_ITEM_SORTS, "open"))));
    }

    @GetMapping("/coordination/documents")
    String documents(Model model) {
        model.addAttribute("documents", meetings.documents());
        model.addAttribute("kinds", DocumentKind.values());
        model.addAttribute("maxMb", MeetingService.MAX_DOCUMENT_BYTES / 1024 / 1024);
        model.addAttribute(
                "types",
                String.join(
                        ", ",
                        MeetingService.DOCUMENT_TYPES.keySet().stream().sorted().toList()));
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.coordination"), "/coordination"),
                        new Crumb(label("coordination.documents.title"), null)));
        return "coordination/documents";
    }

    @PostMapping("/coordination/documents")
    @PreAuthorize(EDITORS)
    String createDocument(
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable DocumentKind kind,
            @RequestParam(required = false) @Nullable String countryCode,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        try {
            meetings.createDocument(title, kind, countryCode, null, MeetingApiController.upload(file), note);
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/coordination/documents";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
            return documents(model);
        }
    }

    @PostMapping("/coordination/documents/{id}/versions")
    @PreAuthorize(EDITORS)
    String addVersion(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        try {
            meetings.addVersion(id, MeetingApiController.upload(file), note);
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/coordination/documents";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
            return documents(model);
        }
    }

    @GetMapping("/coordination/documents/{id}/versions/{number}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable int number) {
        return MeetingApiController.file(meetings.download(id, number));
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
