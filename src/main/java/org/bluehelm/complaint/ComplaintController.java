package org.bluehelm.complaint;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bluehelm.shared.AccessScope;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff pages: the list of cases with filters, one case with its workflow, people, notes and
 * messages, staff-created and imported cases, and the case officers of an oversight body. Who sees
 * what is decided by the services ({@link CaseAccess}).
 */
@Controller
class ComplaintController {

    private final ComplaintService complaints;
    private final CaseService cases;
    private final MessageSource messages;
    private final ListExport export;

    ComplaintController(ComplaintService complaints, CaseService cases, MessageSource messages, ListExport export) {
        this.complaints = complaints;
        this.cases = cases;
        this.messages = messages;
        this.export = export;
    }

    @GetMapping("/complaints")
    String list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable ComplaintState state,
            @RequestParam(required = false) @Nullable ComplaintCategory category,
            @RequestParam(required = false) @Nullable Long body,
            @RequestParam(required = false) boolean overdue,
            Model model) {
        AccessScope scope = AccessScope.current();
        CaseFilter filter = new CaseFilter(state, category, body, overdue);
        model.addAttribute(
                "complaints",
                complaints.list(
                        scope, filter, PageQuery.of(page, 50, "-receivedAt", ComplaintService.SORTS, "-receivedAt")));
        model.addAttribute("filter", filter);
        model.addAttribute("links", ListLinks.fromCurrentRequest(null));
        model.addAttribute("states", ComplaintState.values());
        model.addAttribute("categories", ComplaintCategory.values());
        model.addAttribute("overdueMine", complaints.overdueHandledBy(scope.username()));
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("complaint.list.title"), null)));
        return "complaint/complaints";
    }

    /**
     * The list with its filters as CSV or XLSX: every page of the cases the user may see, without
     * any identity (no complainant, victim, witness or implicated person, no free text).
     */
    @GetMapping("/complaints/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable ComplaintState state,
            @RequestParam(required = false) @Nullable ComplaintCategory category,
            @RequestParam(required = false) @Nullable Long body,
            @RequestParam(required = false) boolean overdue,
            @RequestParam(defaultValue = "csv") String format) {
        AccessScope scope = AccessScope.current();
        CaseFilter filter = new CaseFilter(state, category, body, overdue);
        List<ComplaintSummary> rows = ListExport.allPages((p, size) -> complaints.list(
                scope, filter, PageQuery.of(p, size, "-receivedAt", ComplaintService.SORTS, "-receivedAt")));
        return export.download(
                "complaints",
                format,
                List.<ListExport.Column<ComplaintSummary>>of(
                        ListExport.column(
                                "complaint.receivedAt", c -> c.receivedAt().toLocalDate()),
                        ListExport.label("complaint.field.category", "complaint.category.", ComplaintSummary::category),
                        ListExport.column("complaint.field.occurredOn", ComplaintSummary::occurredOn),
                        ListExport.column("complaint.where", ComplaintSummary::orgUnitName),
                        ListExport.column("complaint.field.country", ComplaintSummary::countryCode),
                        ListExport.label("complaint.state", "complaint.state.", ComplaintSummary::state),
                        ListExport.column("complaint.body", ComplaintSummary::oversightBodyName),
                        ListExport.column("complaint.stageDue", ComplaintSummary::stageDue),
                        ListExport.column("complaint.overdue", ComplaintSummary::overdue)),
                rows);
    }

    @GetMapping("/complaints/{id}")
    String detail(@PathVariable long id, Model model) {
        ComplaintView complaint = complaints.get(id, AccessScope.current());
        model.addAttribute("complaint", complaint);
        model.addAttribute(
                "bodies",
                cases.assignmentChoices(
                        complaint.summary().countryCode(), complaint.summary().institutionId()));
        model.addAttribute(
                "institutions", cases.institutionChoices(complaint.summary().countryCode(), AccessScope.current()));
        model.addAttribute("personRoles", PersonRole.values());
        model.addAttribute("referrals", Referral.values());
        model.addAttribute("referralResults", Referral.Result.values());
        model.addAttribute("outcomes", CaseOutcome.values());
        model.addAttribute(
                "breadcrumbs",
                List.of(new Crumb(label("complaint.list.title"), "/complaints"), new Crumb("#" + id, null)));
        return "complaint/complaint";
    }

    @PostMapping("/complaints/{id}/transitions")
    String move(@PathVariable long id, CaseCommands.MoveCase step, Model model, RedirectAttributes redirect) {
        return FormFlow.of(messages, model)
                .errorsAs("moveErrors")
                .conflictAs("complaint.error.conflict")
                .submit(
                        () -> {
                            cases.move(id, step, AccessScope.current());
                            redirect.addFlashAttribute("flash", "complaint.moved");
                            return "redirect:/complaints/" + id;
                        },
                        () -> detail(id, model));
    }

    @PostMapping("/complaints/{id}/referral-result")
    String referralResult(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable String referralResult,
            Model model,
            RedirectAttributes redirect) {
        return FormFlow.of(messages, model)
                .errorsAs("moveErrors")
                .conflictAs("complaint.error.conflict")
                .submit(
                        () -> {
                            cases.recordReferralResult(id, version, referralResult, AccessScope.current());
                            redirect.addFlashAttribute("flash", "complaint.saved");
                            return "redirect:/complaints/" + id;
                        },
                        () -> detail(id, model));
    }

    @PostMapping("/complaints/{id}/people")
    String addPerson(@PathVariable long id, CaseCommands.AddPerson person, Model model, RedirectAttributes redirect) {
        return FormFlow.of(messages, model)
                .errorsAs("personErrors")
                .submit(
                        () -> {
                            PersonResult result = cases.addPerson(id, person, AccessScope.current());
                            if (result.personId() == null) {
                                model.addAttribute("matches", result.matches());
                                model.addAttribute("person", person);
                                return detail(id, model);
                            }
                            redirect.addFlashAttribute("flash", "complaint.person.added");
                            return "redirect:/complaints/" + id + "#people";
                        },
                        () -> {
                            model.addAttribute("person", person);
                            return detail(id, model);
                        });
    }

    @PostMapping("/complaints/{id}/people/{personId}/reveal")
    String revealPerson(@PathVariable long id, @PathVariable long personId, Model model) {
        model.addAttribute("personIdentity", cases.revealPerson(id, personId, AccessScope.current()));
        return detail(id, model);
    }

    @PostMapping("/complaints/{id}/notes")
    String addNote(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String note,
            Model model,
            RedirectAttributes redirect) {
        return FormFlow.of(messages, model)
                .errorsAs("noteErrors")
                .submit(
                        () -> {
                            cases.addNote(id, note, AccessScope.current());
                            redirect.addFlashAttribute("flash", "complaint.note.added");
                            return "redirect:/complaints/" + id + "#notes";
                        },
                        () -> detail(id, model));
    }

    @GetMapping("/complaints/new")
    String newCase(Model model) {
        model.addAttribute("form", new CaseCommands.CreateCase(null, null, null, null, null, null));
        return caseForm(model);
    }

    @PostMapping("/complaints/new")
    String create(CaseCommands.CreateCase form, Model model, RedirectAttributes redirect) {
        return FormFlow.of(messages, model)
                .submit(
                        () -> {
                            long id = cases.create(form, AccessScope.current());
                            redirect.addFlashAttribute("flash", "complaint.created");
                            return "redirect:/complaints/" + id;
                        },
                        () -> {
                            model.addAttribute("form", form);
                            return caseForm(model);
                        });
    }

    private String caseForm(Model model) {
        model.addAttribute("categories", ComplaintCategory.values());
        model.addAttribute("institutions", cases.institutionChoices(null, AccessScope.current()));
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("complaint.list.title"), "/complaints"),
                        new Crumb(label("complaint.new.title"), null)));
        return "complaint/new-case";
    }

    @GetMapping("/complaints/import")
    String importPage(Model model) {
        model.addAttribute("columns", String.join(", ", CaseService.IMPORT_COLUMNS));
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("complaint.list.title"), "/complaints"),
                        new Crumb(label("complaint.import.title"), null)));
        return "complaint/import";
    }

    @PostMapping("/complaints/import")
    String importCases(
            @RequestParam("file") MultipartFile file, @RequestParam(required = false) boolean dryRun, Model model)
            throws IOException {
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            int count = cases.importCsv(reader, dryRun, AccessScope.current());
            model.addAttribute("imported", count);
            model.addAttribute("dryRun", dryRun);
        } catch (InvalidInputException e) {
            model.addAttribute("problems", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
        }
        return importPage(model);
    }

    @GetMapping("/complaints/bodies/{bodyId}/members")
    String members(@PathVariable long bodyId, Model model) {
        model.addAttribute("members", cases.members(bodyId, AccessScope.current()));
        model.addAttribute("bodyId", bodyId);
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("complaint.list.title"), "/complaints"),
                        new Crumb(label("complaint.members.title"), null)));
        return "complaint/members";
    }

    @PostMapping("/complaints/bodies/{bodyId}/members")
    String addMember(
            @PathVariable long bodyId,
            @RequestParam(required = false) @Nullable String username,
            Model model,
            RedirectAttributes redirect) {
        return FormFlow.of(messages, model)
                .submit(
                        () -> {
                            cases.addMember(bodyId, username, AccessScope.current());
                            redirect.addFlashAttribute("flash", "complaint.members.added");
                            return "redirect:/complaints/bodies/" + bodyId + "/members";
                        },
                        () -> members(bodyId, model));
    }

    @PostMapping("/complaints/bodies/{bodyId}/members/remove")
    String removeMember(@PathVariable long bodyId, @RequestParam String username, RedirectAttributes redirect) {
        cases.removeMember(bodyId, username, AccessScope.current());
        redirect.addFlashAttribute("flash", "complaint.members.removed");
        return "redirect:/complaints/bodies/" + bodyId + "/members";
    }

    @PostMapping("/complaints/{id}/reply")
    String reply(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String body,
            Model model,
            RedirectAttributes redirect) {
        return FormFlow.of(messages, model)
                .submit(
                        () -> {
                            complaints.reply(id, body, AccessScope.current());
                            redirect.addFlashAttribute("flash", "complaint.reply.sent");
                            return "redirect:/complaints/" + id;
                        },
                        () -> detail(id, model));
    }

    @PostMapping("/complaints/{id}/reveal")
    String reveal(@PathVariable long id, Model model) {
        model.addAttribute("identity", complaints.reveal(id, AccessScope.current()));
        return detail(id, model);
    }

    @GetMapping("/complaints/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        ComplaintService.Attachment file = complaints.attachment(id, attachmentId, AccessScope.current());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"complaint-" + id + "-" + attachmentId + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.content());
    }

    private String label(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }
}
