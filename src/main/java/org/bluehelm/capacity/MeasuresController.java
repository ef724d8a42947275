package org.bluehelm.capacity;

import java.util.List;
import java.util.Map;
import org.bluehelm.institution.InstitutionFilter;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.web.Crumb;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The capacity measures of an institution (linked from its page) and training set against outcomes. */
@Controller
class MeasuresController {

    private final CapacityMeasures measures;
    private final CapacityIndicatorPublisher publisher;
    private final InstitutionService institutions;
    private final MessageSource messages;

    MeasuresController(
            CapacityMeasures measures,
            CapacityIndicatorPublisher publisher,
            InstitutionService institutions,
            MessageSource messages) {
        this.measures = measures;
        this.publisher = publisher;
        this.institutions = institutions;
        this.messages = messages;
    }

    @GetMapping("/capacity/measures")
    String choose(@RequestParam(required = false) @Nullable Long institution, Model model) {
        if (institution != null) {
            return "redirect:/capacity/institutions/" + institution;
        }
        model.addAttribute("institutions", choices());
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.capacity"), "/capacity"),
                        new Crumb(label("capacity.measures.title"), null)));
        return "capacity/measures";
    }

    @GetMapping("/capacity/institutions/{id}")
    String coverage(@PathVariable long id, Model model) {
        InstitutionCoverage coverage = measures.coverage(id);
        model.addAttribute("c", coverage);
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.capacity"), "/capacity"),
                        new Crumb(coverage.institutionName(), "/institutions/" + id),
                        new Crumb(label("capacity.coverage.title"), null)));
        return "capacity/coverage";
    }

    /** The coverage summary the institution's page loads into itself (htmx); a link without JavaScript. */
    @GetMapping("/capacity/institutions/{id}/summary")
    String summary(@PathVariable long id, Model model) {
        model.addAttribute("c", measures.coverage(id));
        return "capacity/summary :: summary";
    }

    @GetMapping("/capacity/outcomes")
    String outcomes(
            @RequestParam(required = false) @Nullable Long institution,
            @RequestParam(required = false) @Nullable String indicator,
            Model model) {
        model.addAttribute("institutions", choices());
        model.addAttribute("defaultIndicator", CapacityMeasures.DEFAULT_OUTCOME);
        if (institution != null) {
            model.addAttribute("o", measures.outcome(institution, indicator));
        }
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.capacity"), "/capacity"),
                        new Crumb(label("capacity.outcomes.title"), null)));
        return "capacity/outcomes";
    }

    @PostMapping("/capacity/indicators/republish")
    @PreAuthorize("hasRole('ADMIN')")
    String republish(@RequestParam(required = false) @Nullable Long institution, RedirectAttributes redirect) {
        publisher.republish();
        redirect.addFlashAttribute("flash", "capacity.republished");
        return institution == null ? "redirect:/capacity/measures" : "redirect:/capacity/institutions/" + institution;
    }

    private List<org.bluehelm.institution.InstitutionSummary> choices() {
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
