package org.bluehelm.institution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.mission.MissionService;
import org.bluehelm.mission.MissionSummary;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.web.Crumb;
import org.bluehelm.web.FieldChange;
import org.bluehelm.web.FormErrors;
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

/** Oversight bodies in the browser: list, detail with the institutions they oversee, create, edit, delete. */
@Controller
class OversightBodyController {

    private final OversightBodyService bodies;
    private final InstitutionService institutions;
    private final GeographyService geography;
    private final MissionService missions;
    private final Choices choices;
    private final MessageSource messages;
    private final ListExport export;

    OversightBodyController(
            OversightBodyService bodies,
            InstitutionService institutions,
            GeographyService geography,
            MissionService missions,
            Choices choices,
            MessageSource messages,
            ListExport export) {
        this.export = export;
        this.bodies = bodies;
        this.institutions = institutions;
        this.geography = geography;
        this.missions = missions;
        this.choices = choices;
        this.messages = messages;
    }

    @GetMapping("/oversight-bodies")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable OversightBodyType type,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        PageResponse<OversightBodySummary> result = bodies.list(
                new OversightBodyFilter(q, Scoping.countryCode(country), type, null, null),
                PageQuery.of(page, 25, sort, OversightBodyService.SORTS, "name"));
        model.addAttribute("result", result);
        model.addAttribute("links", ListLinks.fromCurrentRequest(sort == null ? "name" : sort));
        model.addAttribute("types", OversightBodyType.values());
        model.addAttribute("countries", choices.countries());
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("nav.oversight"), null)));
        return "institution/oversight-list";
    }

    /** The list with its filters as CSV or XLSX: every page, in the user's scope. */
    @GetMapping("/oversight-bodies/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable OversightBodyType type,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "csv") String format) {
        OversightBodyFilter filter = new OversightBodyFilter(q, Scoping.countryCode(country), type, null, null);
        List<OversightBodySummary> rows = ListExport.allPages(
                (p, size) -> bodies.list(filter, PageQuery.of(p, size, sort, OversightBodyService.SORTS, "name")));
        return export.download(
                "oversight-bodies",
                format,
                List.<ListExport.Column<OversightBodySummary>>of(
                        ListExport.column("oversight.name", OversightBodySummary::name),
                        ListExport.label("oversight.type", "oversight.type.", OversightBodySummary::type),
                        ListExport.column("institution.country", OversightBodySummary::countryCode),
                        ListExport.column("oversight.independent", OversightBodySummary::independent),
                        ListExport.column("oversight.established", OversightBodySummary::establishedOn),
                        ListExport.column("oversight.institutions.count", OversightBodySummary::institutionCount)),
                rows);
    }

    @GetMapping("/oversight-bodies/{id}")
    String detail(@PathVariable long id, Model model) {
        OversightBodyView body = bodies.get(id);
        model.addAttribute("body", body);
        model.addAttribute("country", geography.findCountry(body.countryCode()).orElse(null));
        model.addAttribute(
                "missionAcronym",
                body.missionId() == null
                        ? null
                        : missions.findAcronym(body.missionId()).orElse(null));
        model.addAttribute(
                "breadcrumbs",
                List.of(new Crumb(label("nav.oversight"), "/oversight-bodies"), new Crumb(body.name(), null)));
        return "institution/oversight-detail";
    }

    @GetMapping("/oversight-bodies/new")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER')")
    String newForm(
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Long institution,
            Model model) {
        OversightBodyForm form = new OversightBodyForm();
        form.setCountryCode(Scoping.countryCode(country));
        if (institution != null) {
            form.setInstitutionIds(List.of(institution));
        }
        return form(form, null, model);
    }

    @PostMapping("/oversight-bodies")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER')")
    String create(
            @ModelAttribute("form") OversightBodyForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("errors", InstitutionController.bindingErrors(binding, messages));
            return form(form, null, model);
        }
        try {
            OversightBodyView created = bodies.create(form.command());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/oversight-bodies/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
            return form(form, null, model);
        }
    }

    @GetMapping("/oversight-bodies/{id}/edit")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER')")
    String editForm(@PathVariable long id, Model model) {
        return form(OversightBodyForm.of(bodies.get(id)), id, model);
    }

    @PostMapping("/oversight-bodies/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER')")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") OversightBodyForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("errors", InstitutionController.bindingErrors(binding, messages));
            return form(form, id, model);
        }
        try {
            bodies.update(id, form.getVersion() == null ? -1 : form.getVersion(), form.command());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/oversight-bodies/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
        } catch (ConflictException e) {
            model.addAttribute("conflict", changes(form, bodies.get(id)));
            model.addAttribute("reloadUrl", "/oversight-bodies/" + id + "/edit");
        }
        return form(form, id, model);
    }

    @PostMapping("/oversight-bodies/{id}/delete")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER')")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            bodies.delete(id, version);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "institution.delete.stale");
            return "redirect:/oversight-bodies/" + id;
        }
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/oversight-bodies";
    }

    /** An institution that can be ticked as overseen. */
    record InstitutionChoice(long id, String label) {}

    private String form(OversightBodyForm form, @Nullable Long id, Model model) {
        Map<Long, InstitutionChoice> offered = new LinkedHashMap<>();
        for (InstitutionSummary i : choices.institutions(form.getCountryCode())) {
            offered.put(i.id(), new InstitutionChoice(i.id(), choiceLabel(i.name(), i.acronym(), i.countryCode())));
        }
        for (Long ticked : form.getInstitutionIds()) {
            if (ticked != null && !offered.containsKey(ticked)) {
                institutions
                        .view(ticked)
                        .ifPresent(i -> offered.put(
                                i.id(),
                                new InstitutionChoice(i.id(), choiceLabel(i.name(), i.acronym(), i.countryCode()))));
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("bodyId", id);
        model.addAttribute("types", OversightBodyType.values());
        model.addAttribute("countries", choices.countries());
        List<MissionSummary> missionChoices = choices.missions();
        model.addAttribute("missions", missionChoices);
        model.addAttribute("institutionChoices", new ArrayList<>(offered.values()));
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.oversight"), "/oversight-bodies"),
                        new Crumb(id == null ? label("oversight.new") : Objects.toString(form.getName(), ""), null)));
        return "institution/oversight-form";
    }

    private static String choiceLabel(String name, @Nullable String acronym, String country) {
        return (acronym == null ? name : name + " (" + acronym + ")") + " · " + country;
    }

    private List<FieldChange> changes(OversightBodyForm yours, OversightBodyView stored) {
        OversightBodyForm theirs = OversightBodyForm.of(stored);
        List<FieldChange> changes = new ArrayList<>();
        FieldChange.addIfDifferent(changes, label("oversight.name"), yours.getName(), theirs.getName());
        FieldChange.addIfDifferent(changes, label("oversight.type"), type(yours.getType()), type(theirs.getType()));
        FieldChange.addIfDifferent(
                changes,
                label("institution.country"),
                Scoping.countryCode(yours.getCountryCode()),
                theirs.getCountryCode());
        FieldChange.addIfDifferent(
                changes, label("institution.mission"), acronym(yours.getMissionId()), acronym(theirs.getMissionId()));
        FieldChange.addIfDifferent(
                changes, label("oversight.independent"), yesNo(yours.getIndependent()), yesNo(theirs.getIndependent()));
        FieldChange.addIfDifferent(
                changes, label("oversight.established"), yours.getEstablishedOn(), theirs.getEstablishedOn());
        FieldChange.addIfDifferent(changes, label("oversight.mandate"), yours.getMandate(), theirs.getMandate());
        FieldChange.addIfDifferent(
                changes,
                label("oversight.institutions"),
                institutionNames(yours.getInstitutionIds()),
                institutionNames(theirs.getInstitutionIds()));
        return changes;
    }

    private String institutionNames(List<Long> ids) {
        return String.join(
                ", ",
                ids.stream()
                        .filter(Objects::nonNull)
                        .map(i ->
                                institutions.view(i).map(InstitutionView::name).orElse("#" + i))
                        .sorted()
                        .toList());
    }

    private @Nullable String acronym(@Nullable Long missionId) {
        return missionId == null ? null : missions.findAcronym(missionId).orElse("#" + missionId);
    }

    private @Nullable String type(@Nullable OversightBodyType type) {
        return type == null ? null : label("oversight.type." + type);
    }

    private @Nullable String yesNo(@Nullable Boolean value) {
        return value == null ? null : label(value ? "oversight.independent.yes" : "oversight.independent.no");
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
