package org.bluehelm.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.web.Crumb;
import org.bluehelm.web.FieldChange;
import org.bluehelm.web.FormErrors;
import org.bluehelm.web.ListLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Disaggregation categories in the browser: list with their options, create, edit, delete. */
@Controller
class DisaggregationController {

    private static final String EDITORS = "hasAnyRole('ADMIN', 'MISSION_MANAGER', 'DATA_STEWARD')";

    private final DisaggregationService disaggregations;
    private final IndicatorService indicators;
    private final MessageSource messages;

    DisaggregationController(
            DisaggregationService disaggregations, IndicatorService indicators, MessageSource messages) {
        this.disaggregations = disaggregations;
        this.indicators = indicators;
        this.messages = messages;
    }

    @GetMapping("/indicators/disaggregations")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        PageResponse<CategoryView> result =
                disaggregations.list(q, PageQuery.of(page, 25, sort, DisaggregationService.SORTS, "code"));
        model.addAttribute("result", result);
        model.addAttribute("links", ListLinks.fromCurrentRequest(sort == null ? "code" : sort));
        model.addAttribute("canEdit", indicators.canEditIndicators());
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.indicators"), "/indicators"),
                        new Crumb(label("disaggregation.list.title"), null)));
        return "indicator/disaggregations";
    }

    @GetMapping("/indicators/disaggregations/new")
    @PreAuthorize(EDITORS)
    String newForm(Model model) {
        return form(new CategoryForm().withBlankRows(), null, model);
    }

    @PostMapping("/indicators/disaggregations")
    @PreAuthorize(EDITORS)
    String create(@ModelAttribute("form") CategoryForm form, Model model, RedirectAttributes redirect) {
        try {
            disaggregations.create(form.command());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/indicators/disaggregations";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
            return form(form.withBlankRows(), null, model);
        }
    }

    @GetMapping("/indicators/disaggregations/{id}/edit")
    @PreAuthorize(EDITORS)
    String editForm(@PathVariable long id, Model model) {
        return form(CategoryForm.of(disaggregations.get(id)), id, model);
    }

    @PostMapping("/indicators/disaggregations/{id}")
    @PreAuthorize(EDITORS)
    String update(
            @PathVariable long id,
            @ModelAttribute("form") CategoryForm form,
            Model model,
            RedirectAttributes redirect) {
        try {
            disaggregations.update(id, form.getVersion() == null ? -1 : form.getVersion(), form.command());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/indicators/disaggregations";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
        } catch (ConflictException e) {
            model.addAttribute("conflict", changes(form, disaggregations.get(id)));
            model.addAttribute("reloadUrl", "/indicators/disaggregations/" + id + "/edit");
        } catch (DataIntegrityViolationException e) {
            model.addAttribute("formError", label("disaggregation.optionInUse"));
        }
        return form(form.withBlankRows(), id, model);
    }

    @PostMapping("/indicators/disaggregations/{id}/delete")
    @PreAuthorize(EDITORS)
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            disaggregations.delete(id, version);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", label("disaggregation.delete.stale"));
            return "redirect:/indicators/disaggregations/" + id + "/edit";
        } catch (DataIntegrityViolationException e) {
            redirect.addFlashAttribute("flashError", label("disaggregation.delete.inUse"));
            return "redirect:/indicators/disaggregations/" + id + "/edit";
        }
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/indicators/disaggregations";
    }

    private String form(CategoryForm form, @Nullable Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("categoryId", id);
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.indicators"), "/indicators"),
                        new Crumb(label("disaggregation.list.title"), "/indicators/disaggregations"),
                        new Crumb(
                                id == null ? label("disaggregation.new") : Objects.toString(form.getName(), ""),
                                null)));
        return "indicator/disaggregation-form";
    }

    private List<FieldChange> changes(CategoryForm yours, CategoryView stored) {
        CategoryCommand a = yours.command();
        CategoryCommand b = CategoryForm.of(stored).command();
        List<FieldChange> changes = new ArrayList<>();
        FieldChange.addIfDifferent(changes, label("disaggregation.code"), a.code(), b.code());
        FieldChange.addIfDifferent(changes, label("disaggregation.name"), a.name(), b.name());
        FieldChange.addIfDifferent(changes, label("disaggregation.options"), options(a), options(b));
        return changes;
    }

    private static String options(CategoryCommand command) {
        return command.options() == null
                ? ""
                : String.join(
                        ", ",
                        command.options().stream()
                                .map(o -> o.code() + " (" + o.name() + ")")
                                .toList());
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
