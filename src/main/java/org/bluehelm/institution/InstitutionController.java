package org.bluehelm.institution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.mission.MissionService;
import org.bluehelm.mission.MissionSummary;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.Pillar;
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
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Security institutions in the browser: list, detail with hierarchy, strength by year and oversight
 * bodies, create, edit, delete.
 */
@Controller
class InstitutionController {

    private final InstitutionService institutions;
    private final OversightBodyService oversightBodies;
    private final GeographyService geography;
    private final MissionService missions;
    private final Choices choices;
    private final MessageSource messages;
    private final ListExport export;

    InstitutionController(
            InstitutionService institutions,
            OversightBodyService oversightBodies,
            GeographyService geography,
            MissionService missions,
            Choices choices,
            MessageSource messages,
            ListExport export) {
        this.export = export;
        this.institutions = institutions;
        this.oversightBodies = oversightBodies;
        this.geography = geography;
        this.missions = missions;
        this.choices = choices;
        this.messages = messages;
    }

    @GetMapping("/institutions")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Pillar pillar,
            @RequestParam(required = false) @Nullable Long mission,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        PageResponse<InstitutionSummary> result = institutions.list(
                new InstitutionFilter(q, Scoping.countryCode(country), pillar, mission, null),
                PageQuery.of(page, 25, sort, InstitutionService.SORTS, "name"));
        List<MissionSummary> missionChoices = choices.missions();
        model.addAttribute("result", result);
        model.addAttribute("links", ListLinks.fromCurrentRequest(sort == null ? "name" : sort));
        model.addAttribute("pillars", Pillar.values());
        model.addAttribute("missions", missionChoices);
        model.addAttribute("missionAcronyms", acronyms(missionChoices));
        model.addAttribute("countries", choices.countries());
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("nav.institutions"), null)));
        return "institution/list";
    }

    /** The list with its filters as CSV or XLSX: every page, in the user's scope. */
    @GetMapping("/institutions/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Pillar pillar,
            @RequestParam(required = false) @Nullable Long mission,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "csv") String format) {
        InstitutionFilter filter = new InstitutionFilter(q, Scoping.countryCode(country), pillar, mission, null);
        List<InstitutionSummary> rows = ListExport.allPages(
                (p, size) -> institutions.list(filter, PageQuery.of(p, size, sort, InstitutionService.SORTS, "name")));
        Map<Long, String> acronyms = acronyms(choices.missions());
        return export.download(
                "institutions",
                format,
                List.<ListExport.Column<InstitutionSummary>>of(
                        ListExport.column("institution.name", InstitutionSummary::name),
                        ListExport.column("institution.acronym", InstitutionSummary::acronym),
                        ListExport.label("institution.pillar", "pillar.", InstitutionSummary::pillar),
                        ListExport.column("institution.country", InstitutionSummary::countryCode),
                        ListExport.column(
                                "institution.mission", i -> i.missionId() == null ? null : acronyms.get(i.missionId())),
                        ListExport.column("institution.strength.year", InstitutionSummary::strengthYear),
                        ListExport.column("institution.strength.authorised", InstitutionSummary::authorised),
                        ListExport.column("institution.strength.actual", InstitutionSummary::actual)),
                rows);
    }

    @GetMapping("/institutions/{id}")
    String detail(@PathVariable long id, Model model) {
        InstitutionView institution = institutions.get(id);
        model.addAttribute("institution", institution);
        model.addAttribute(
                "country", geography.findCountry(institution.countryCode()).orElse(null));
        model.addAttribute(
                "missionAcronym",
                institution.missionId() == null
                        ? null
                        : missions.findAcronym(institution.missionId()).orElse(null));
        model.addAttribute(
                "parent",
                institution.parentId() == null
                        ? null
                        : institutions.view(institution.parentId()).orElse(null));
        model.addAttribute("orgUnit", orgUnit(institution.orgUnitId()).orElse(null));
        model.addAttribute(
                "children",
                institutions
                        .list(
                                new InstitutionFilter(null, null, null, null, id),
                                PageQuery.of(0, PageQuery.MAX_SIZE, "name", InstitutionService.SORTS, "name"))
                        .items());
        model.addAttribute(
                "overseers",
                oversightBodies
                        .list(
                                new OversightBodyFilter(null, null, null, null, id),
                                PageQuery.of(0, PageQuery.MAX_SIZE, "name", OversightBodyService.SORTS, "name"))
                        .items());
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.institutions"), "/institutions"),
                        new Crumb(displayName(institution.name(), institution.acronym()), null)));
        return "institution/detail";
    }

    @GetMapping("/institutions/new")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER')")
    String newForm(
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Long parent,
            Model model) {
        InstitutionForm form = new InstitutionForm();
        form.setCountryCode(Scoping.countryCode(country));
        form.setParentId(parent);
        return form(form.withBlankRows(), null, model);
    }

    @PostMapping("/institutions")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER')")
    String create(
            @ModelAttribute("form") InstitutionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("errors", bindingErrors(binding));
            return form(form.withBlankRows(), null, model);
        }
        try {
            InstitutionView created = institutions.create(form.command());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/institutions/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
            return form(form.withBlankRows(), null, model);
        }
    }

    @GetMapping("/institutions/{id}/edit")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER')")
    String editForm(@PathVariable long id, Model model) {
        return form(InstitutionForm.of(institutions.get(id)), id, model);
    }

    @PostMapping("/institutions/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER')")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") InstitutionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("errors", bindingErrors(binding));
            return form(form.withBlankRows(), id, model);
        }
        try {
            institutions.update(id, form.getVersion() == null ? -1 : form.getVersion(), form.command());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/institutions/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
        } catch (ConflictException e) {
            model.addAttribute("conflict", changes(form, institutions.get(id)));
            model.addAttribute("reloadUrl", "/institutions/" + id + "/edit");
        }
        return form(form.withBlankRows(), id, model);
    }

    @PostMapping("/institutions/{id}/delete")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER')")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            institutions.delete(id, version);
        } catch (ConflictException e) {
            redirect.addFlashAttribute(
                    "problem", "in-use".equals(e.code()) ? "institution.delete.inUse" : "institution.delete.stale");
            return "redirect:/institutions/" + id;
        }
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/institutions";
    }

    private String form(InstitutionForm form, @Nullable Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("institutionId", id);
        model.addAttribute("pillars", Pillar.values());
        model.addAttribute("countries", choices.countries());
        model.addAttribute("missions", choices.missions());
        List<OrgUnitView> orgUnits = choices.orgUnits(form.getCountryCode());
        model.addAttribute("orgUnits", orgUnits);
        model.addAttribute(
                "orgUnitHint",
                !orgUnits.isEmpty()
                        ? null
                        : geography.countryExists(Scoping.countryCode(form.getCountryCode()))
                                ? "institution.orgUnit.noneInCountry"
                                : "institution.orgUnit.hint");
        List<InstitutionSummary> parents = new ArrayList<>(choices.institutions(form.getCountryCode()));
        parents.removeIf(i -> id != null && i.id() == id);
        model.addAttribute("parents", parents);
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.institutions"), "/institutions"),
                        new Crumb(id == null ? label("institution.new") : Objects.toString(form.getName(), ""), null)));
        return "institution/form";
    }

    private List<FieldChange> changes(InstitutionForm yours, InstitutionView stored) {
        InstitutionForm theirs = InstitutionForm.of(stored);
        List<FieldChange> changes = new ArrayList<>();
        FieldChange.addIfDifferent(changes, label("institution.name"), yours.getName(), theirs.getName());
        FieldChange.addIfDifferent(changes, label("institution.acronym"), yours.getAcronym(), theirs.getAcronym());
        FieldChange.addIfDifferent(
                changes, label("institution.pillar"), pillar(yours.getPillar()), pillar(theirs.getPillar()));
        FieldChange.addIfDifferent(
                changes,
                label("institution.country"),
                Scoping.countryCode(yours.getCountryCode()),
                theirs.getCountryCode());
        FieldChange.addIfDifferent(
                changes, label("institution.mission"), acronym(yours.getMissionId()), acronym(theirs.getMissionId()));
        FieldChange.addIfDifferent(
                changes, label("institution.parent"), name(yours.getParentId()), name(theirs.getParentId()));
        FieldChange.addIfDifferent(
                changes,
                label("institution.orgUnit"),
                orgUnit(yours.getOrgUnitId()).map(OrgUnitView::name).orElse(null),
                orgUnit(theirs.getOrgUnitId()).map(OrgUnitView::name).orElse(null));
        FieldChange.addIfDifferent(
                changes, label("institution.description"), yours.getDescription(), theirs.getDescription());
        FieldChange.addIfDifferent(changes, label("institution.strength"), yours.strengthText(), theirs.strengthText());
        return changes;
    }

    private @Nullable String acronym(@Nullable Long missionId) {
        return missionId == null ? null : missions.findAcronym(missionId).orElse("#" + missionId);
    }

    private @Nullable String name(@Nullable Long institutionId) {
        return institutionId == null
                ? null
                : institutions.view(institutionId).map(InstitutionView::name).orElse("#" + institutionId);
    }

    private @Nullable String pillar(@Nullable Pillar pillar) {
        return pillar == null ? null : label("pillar." + pillar);
    }

    /** Values the browser sent that are not numbers (or dates), by field, in the user's language. */
    static Map<String, String> bindingErrors(BindingResult binding, MessageSource messages) {
        // Only a value of the wrong type gets here: number and date fields hold nothing else.
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            errors.put(
                    error.getField(),
                    messages.getMessage(
                            "institution.validation.format",
                            new Object[] {error.getRejectedValue()},
                            "is not valid",
                            LocaleContextHolder.getLocale()));
        }
        return errors;
    }

    private Map<String, String> bindingErrors(BindingResult binding) {
        return bindingErrors(binding, messages);
    }

    private Optional<OrgUnitView> orgUnit(@Nullable Long id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(geography.orgUnit(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    static Map<Long, String> acronyms(List<MissionSummary> missions) {
        Map<Long, String> acronyms = new LinkedHashMap<>();
        missions.forEach(m -> acronyms.put(m.id(), m.acronym()));
        return acronyms;
    }

    static String displayName(String name, @Nullable String acronym) {
        return acronym == null ? name : acronym + " · " + name;
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
