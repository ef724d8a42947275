package org.bluehelm.complaint;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitFilter;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public pages, open without signing in and usable without JavaScript: the report form, the
 * receipt shown once, and following a report with its receipt. Nothing about the client (address,
 * browser) is kept; the rate limits key it by an in-memory hash only.
 */
@Controller
class PublicReportController {

    private final ComplaintService complaints;
    private final GeographyService geography;
    private final ClientLimits limits;
    private final MessageSource messages;

    PublicReportController(
            ComplaintService complaints, GeographyService geography, ClientLimits limits, MessageSource messages) {
        this.complaints = complaints;
        this.geography = geography;
        this.limits = limits;
        this.messages = messages;
    }

    @GetMapping("/report")
    String form(@RequestParam(required = false) @Nullable String countryCode, Model model) {
        ReportForm form = ReportForm.empty();
        if (countryCode != null) {
            form = new ReportForm(null, null, countryCode, null, null, null, "yes", null, null);
        }
        return show(form, Map.of(), model);
    }

    @PostMapping("/report")
    String submit(
            @ModelAttribute ReportForm form,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            @RequestParam(required = false) @Nullable String pick,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws IOException {
        if (pick != null) { // "show places of this country": the form again, nothing saved
            return show(form, Map.of(), model);
        }
        if (!limits.tryReport(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "complaint/limited";
        }
        List<RegisterComplaint.Attachment> attachments = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    attachments.add(new RegisterComplaint.Attachment(f.getBytes()));
                }
            }
        }
        Long orgUnitId = null;
        try {
            orgUnitId = form.orgUnitId() == null || form.orgUnitId().isBlank() ? null : Long.valueOf(form.orgUnitId());
        } catch (NumberFormatException e) {
            orgUnitId = -1L;
        }
        try {
            String receipt = complaints.register(new RegisterComplaint(
                    form.description(),
                    form.occurredOn(),
                    form.countryCode() == null || form.countryCode().isBlank() ? null : form.countryCode(),
                    orgUnitId,
                    form.institution(),
                    form.category(),
                    form.isAnonymous(),
                    form.name(),
                    form.contact(),
                    attachments));
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("receipt", Receipts.format(receipt));
            return "complaint/receipt";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(form, FormErrors.of(e, messages, LocaleContextHolder.getLocale()), model);
        }
    }

    @GetMapping("/report/follow")
    String followForm() {
        return "complaint/follow";
    }

    @PostMapping("/report/follow")
    String follow(
            @RequestParam(required = false) @Nullable String receipt,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!limits.tryFollow(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "complaint/limited";
        }
        return thread(receipt, response, model);
    }

    @PostMapping("/report/follow/message")
    String write(
            @RequestParam(required = false) @Nullable String receipt,
            @RequestParam(required = false) @Nullable String body,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!limits.tryFollow(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "complaint/limited";
        }
        try {
            if (complaints.writeAsReporter(receipt, body)) {
                model.addAttribute("sent", true);
            }
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
        }
        return thread(receipt, response, model);
    }

    private String thread(@Nullable String receipt, HttpServletResponse response, Model model) {
        response.setHeader("Cache-Control", "no-store");
        var found = complaints.follow(receipt);
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("notFound", true);
            return "complaint/follow";
        }
        model.addAttribute("report", found.get());
        model.addAttribute("receipt", receipt);
        return "complaint/follow";
    }

    private String show(ReportForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", ComplaintCategory.values());
        model.addAttribute(
                "countries",
                geography.countries(null, new PageQuery(0, 400, "name_en asc")).items());
        String country = form.countryCode();
        if (country != null && !country.isBlank() && geography.countryExists(country)) {
            model.addAttribute(
                    "places",
                    geography
                            .orgUnits(
                                    new OrgUnitFilter(country, null, null, null, null, null),
                                    new PageQuery(0, 500, "path asc"))
                            .items());
        }
        return "complaint/report";
    }
}
