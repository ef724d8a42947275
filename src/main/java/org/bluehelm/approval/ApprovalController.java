package org.bluehelm.approval;

import java.util.ArrayList;
import java.util.List;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.web.Crumb;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The approval page: choose a programme and a period, see each unit's state (the top units of the
 * programme's country, or a unit and those directly below it) and take the steps your role allows.
 */
@Controller
class ApprovalController {

    /** The approval states as a file: one line per programme, unit and period, with the last step. */
    static final ListExport.Table<ApprovalView> EXPORT = ListExport.Table.of(
            "approvals",
            ListExport.column("approval.programme", ApprovalView::programmeCode),
            ListExport.column("approval.unit", ApprovalView::orgUnitCode),
            ListExport.column("approval.period", ApprovalView::period),
            ListExport.label("approval.state", "approval.state.", ApprovalView::state),
            ListExport.column("approval.who", ApprovalView::updatedBy),
            ListExport.column("approval.when", ApprovalView::updatedAt));

    /** Every approval record the filters select, in the user's scope. */
    static List<ApprovalView> all(
            ApprovalService approvals,
            @Nullable Long programme,
            @Nullable Long orgUnit,
            @Nullable String period,
            @Nullable String sort) {
        String chosen = period == null || period.isBlank() ? null : period;
        return ListExport.allPages((p, size) -> approvals.list(
                programme, orgUnit, chosen, PageQuery.of(p, size, sort, ApprovalService.SORTS, "-updatedAt")));
    }

    private final ApprovalService approvals;
    private final MessageSource messages;
    private final ListExport export;

    ApprovalController(ApprovalService approvals, MessageSource messages, ListExport export) {
        this.export = export;
        this.approvals = approvals;
        this.messages = messages;
    }

    @GetMapping("/approvals")
    String page(
            @RequestParam(required = false) @Nullable Long programme,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable Long orgUnit,
            Model model) {
        model.addAttribute("programmes", approvals.programmesInScope());
        List<Crumb> crumbs = new ArrayList<>();
        crumbs.add(new Crumb(label("approval.title"), null));
        if (programme != null && period != null && !period.isBlank()) {
            try {
                ApprovalOverview overview = approvals.overview(programme, period, orgUnit);
                model.addAttribute("overview", overview);
                List<ApprovalOverview.Row> unitRows = new ArrayList<>();
                if (overview.parent() != null) {
                    unitRows.add(overview.parent());
                }
                unitRows.addAll(overview.rows());
                model.addAttribute("unitRows", unitRows);
                if (overview.parent() != null) {
                    crumbs.set(0, new Crumb(label("approval.title"), link(programme, overview.period(), null)));
                    crumbs.add(new Crumb(overview.parent().code(), null));
                    model.addAttribute(
                            "upUrl",
                            link(programme, overview.period(), overview.parent().parentId()));
                }
            } catch (InvalidInputException e) {
                model.addAttribute("periodError", e.problems().get(0).message());
            }
        }
        model.addAttribute("breadcrumbs", crumbs);
        model.addAttribute("links", ListLinks.fromCurrentRequest(null));
        return "approval/approvals";
    }

    /** The approval state of every unit and period the filters select (in the user's scope) as CSV or XLSX. */
    @GetMapping("/approvals/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable Long programme,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable Long orgUnit,
            @RequestParam(defaultValue = "csv") String format) {
        return export.download(EXPORT, format, all(approvals, programme, orgUnit, period, null));
    }

    @PostMapping("/approvals/act")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER', 'DATA_STEWARD', 'PARTNER')")
    String act(
            @RequestParam String action,
            @RequestParam long programmeId,
            @RequestParam long orgUnitId,
            @RequestParam String period,
            @RequestParam(required = false) @Nullable Long view,
            @RequestParam(required = false) @Nullable String comment,
            RedirectAttributes redirect) {
        ApprovalAction step = ApprovalApiController.action(action);
        try {
            approvals.act(step, new ApprovalCommand(programmeId, orgUnitId, period, comment));
            redirect.addFlashAttribute("flash", "approval.done." + step.name());
        } catch (ConflictException e) {
            redirect.addFlashAttribute(
                    "approvalError",
                    messages.getMessage(
                            "approval.error." + e.code(), null, e.getMessage(), LocaleContextHolder.getLocale()));
        } catch (InvalidInputException | ForbiddenException e) {
            redirect.addFlashAttribute("approvalError", e.getMessage());
        }
        return "redirect:" + link(programmeId, period, view);
    }

    private static String link(long programme, String period, @Nullable Long orgUnit) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/approvals")
                .queryParam("programme", programme)
                .queryParam("period", period);
        if (orgUnit != null) {
            b.queryParam("orgUnit", orgUnit);
        }
        return b.build().toUriString();
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
