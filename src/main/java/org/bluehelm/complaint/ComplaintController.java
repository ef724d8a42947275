package org.bluehelm.complaint;

import java.util.List;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.web.Crumb;
import org.bluehelm.web.FormErrors;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff pages (administrators and mission managers, in scope): the list and one complaint. */
@Controller
class ComplaintController {

    private final ComplaintService complaints;
    private final MessageSource messages;

    ComplaintController(ComplaintService complaints, MessageSource messages) {
        this.complaints = complaints;
        this.messages = messages;
    }

    @GetMapping("/complaints")
    String list(@RequestParam(required = false) @Nullable Integer page, Model model) {
        model.addAttribute(
                "complaints",
                complaints.list(
                        AccessScope.current(),
                        PageQuery.of(page, 50, "-receivedAt", ComplaintService.SORTS, "-receivedAt")));
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("complaint.list.title"), null)));
        return "complaint/complaints";
    }

    @GetMapping("/complaints/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("complaint", complaints.get(id, AccessScope.current()));
        model.addAttribute(
                "breadcrumbs",
                List.of(new Crumb(label("complaint.list.title"), "/complaints"), new Crumb("#" + id, null)));
        return "complaint/complaint";
    }

    @PostMapping("/complaints/{id}/reply")
    String reply(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String body,
            Model model,
            RedirectAttributes redirect) {
        try {
            complaints.reply(id, body, AccessScope.current());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
            return detail(id, model);
        }
        redirect.addFlashAttribute("flash", "complaint.reply.sent");
        return "redirect:/complaints/" + id;
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
