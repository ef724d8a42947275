package org.bluehelm.actor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bluehelm.geography.CountryView;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.mission.MissionFilter;
import org.bluehelm.mission.MissionService;
import org.bluehelm.mission.MissionSummary;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.web.Crumb;
import org.bluehelm.web.FieldChange;
import org.bluehelm.web.FormFlow;
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

/** Actors in the browser: list, detail, create, edit, delete. */
@Controller
class ActorController {

    private final ActorService actors;
    private final GeographyService geography;
    private final MissionService missions;
    private final MessageSource messages;

    private final ListExport export;

    ActorController(
            ActorService actors,
            GeographyService geography,
            MissionService missions,
            MessageSource messages,
            ListExport export) {
        this.export = export;
        this.actors = actors;
        this.geography = geography;
        this.missions = missions;
        this.messages = messages;
    }

    @GetMapping("/actors")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable ActorCategory category,
            @RequestParam(required = false) @Nullable ActorType type,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        PageResponse<ActorSummary> result = actors.list(
                new ActorFilter(q, category, type, country, null),
                PageQuery.of(page, 25, sort, ActorService.SORTS, "name"));
        model.addAttribute("result", result);
        model.addAttribute("links", ListLinks.fromCurrentRequest(sort == null ? "name" : sort));
        model.addAttribute("categories", ActorCategory.values());
        model.addAttribute("types", ActorType.values());
        model.addAttribute("countries", countries());
        Map<Long, String> acronyms = new LinkedHashMap<>();
        missionChoices().forEach(m -> acronyms.put(m.id(), m.acronym()));
        model.addAttribute("missionAcronyms", acronyms);
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("nav.actors"), null)));
        return "actor/list";
    }

    /** The list with its filters as CSV or XLSX: every page. */
    @GetMapping("/actors/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable ActorCategory category,
            @RequestParam(required = false) @Nullable ActorType type,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "csv") String format) {
        ActorFilter filter = new ActorFilter(q, category, type, country, null);
        List<ActorSummary> rows = ListExport.allPages(
                (p, size) -> actors.list(filter, PageQuery.of(p, size, sort, ActorService.SORTS, "name")));
        return export.download(
                "actors",
                format,
                List.<ListExport.Column<ActorSummary>>of(
                        ListExport.column("actor.name", ActorSummary::name),
                        ListExport.column("actor.acronym", ActorSummary::acronym),
                        ListExport.label("actor.category", "actor.category.", ActorSummary::category),
                        ListExport.label("actor.type", "actor.type.", ActorSummary::type),
                        ListExport.column("actor.country", ActorSummary::countryCode)),
                rows);
    }

    @GetMapping("/actors/{id}")
    String detail(@PathVariable long id, Model model) {
        ActorView actor = actors.get(id);
        model.addAttribute("actor", actor);
        model.addAttribute(
                "country",
                actor.countryCode() == null
                        ? null
                        : geography.findCountry(actor.countryCode()).orElse(null));
        model.addAttribute(
                "missionAcronym",
                actor.missionId() == null
                        ? null
                        : missions.findAcronym(actor.missionId()).orElse(null));
        model.addAttribute(
                "breadcrumbs", List.of(new Crumb(label("nav.actors"), "/actors"), new Crumb(actor.name(), null)));
        return "actor/detail";
    }

    @GetMapping("/actors/new")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER')")
    String newForm(Model model) {
        return form(new ActorForm(), null, model);
    }

    @PostMapping("/actors")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER')")
    String create(
            @ModelAttribute("form") ActorForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return submitted(binding, model)
                .submit(
                        () -> {
                            ActorView created = actors.create(form.command());
                            redirect.addFlashAttribute("flash", "flash.saved");
                            return "redirect:/actors/" + created.id();
                        },
                        () -> form(form, null, model));
    }

    @GetMapping("/actors/{id}/edit")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER')")
    String editForm(@PathVariable long id, Model model) {
        return form(ActorForm.of(actors.get(id)), id, model);
    }

    @PostMapping("/actors/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER')")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") ActorForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return submitted(binding, model)
                .onConflict(() -> {
                    model.addAttribute("conflict", changes(form, actors.get(id)));
                    model.addAttribute("reloadUrl", "/actors/" + id + "/edit");
                })
                .submit(
                        () -> {
                            actors.update(id, form.getVersion() == null ? -1 : form.getVersion(), form.command());
                            redirect.addFlashAttribute("flash", "flash.saved");
                            return "redirect:/actors/" + id;
                        },
                        () -> form(form, id, model));
    }

    @PostMapping("/actors/{id}/delete")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER')")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            actors.delete(id, version);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "actor.delete.stale");
            return "redirect:/actors/" + id;
        }
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/actors";
    }

    private String form(ActorForm form, @Nullable Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("actorId", id);
        model.addAttribute("categories", ActorCategory.values());
        model.addAttribute("types", ActorType.values());
        model.addAttribute("countries", countries());
        model.addAttribute("missions", missionChoices());
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.actors"), "/actors"),
                        new Crumb(id == null ? label("actor.new") : Objects.toString(form.getName(), ""), null)));
        return "actor/form";
    }

    private List<FieldChange> changes(ActorForm yours, ActorView stored) {
        ActorForm theirs = ActorForm.of(stored);
        List<FieldChange> changes = new ArrayList<>();
        FieldChange.addIfDifferent(changes, label("actor.name"), yours.getName(), theirs.getName());
        FieldChange.addIfDifferent(changes, label("actor.acronym"), yours.getAcronym(), theirs.getAcronym());
        FieldChange.addIfDifferent(
                changes,
                label("actor.category"),
                enumLabel("actor.category.", yours.getCategory()),
                enumLabel("actor.category.", theirs.getCategory()));
        FieldChange.addIfDifferent(
                changes,
                label("actor.type"),
                enumLabel("actor.type.", yours.getType()),
                enumLabel("actor.type.", theirs.getType()));
        FieldChange.addIfDifferent(
                changes, label("actor.country"), upper(yours.getCountryCode()), theirs.getCountryCode());
        FieldChange.addIfDifferent(
                changes, label("actor.mission"), acronym(yours.getMissionId()), acronym(theirs.getMissionId()));
        FieldChange.addIfDifferent(changes, label("actor.website"), yours.getWebsite(), theirs.getWebsite());
        FieldChange.addIfDifferent(
                changes, label("actor.description"), yours.getDescription(), theirs.getDescription());
        return changes;
    }

    /** A submitted form: values the browser sent that do not fit their field refuse it. */
    private FormFlow submitted(BindingResult binding, Model model) {
        return FormFlow.of(messages, model).binding(binding, "actor.validation.format");
    }

    private List<CountryView> countries() {
        List<CountryView> all = new ArrayList<>();
        PageResponse<CountryView> page;
        int number = 0;
        do {
            page = geography.countries(
                    null, PageQuery.of(number++, PageQuery.MAX_SIZE, "iso3", Map.of("iso3", "iso3"), "iso3"));
            all.addAll(page.items());
        } while (number < page.totalPages());
        return all;
    }

    /** The missions in the user's scope by acronym: a mission component can only belong to one of them. */
    private List<MissionSummary> missionChoices() {
        return missions.list(
                        new MissionFilter(null, null, null, null, true),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "acronym", Map.of("acronym", "m.acronym"), "acronym"))
                .items();
    }

    private @Nullable String acronym(@Nullable Long missionId) {
        return missionId == null ? null : missions.findAcronym(missionId).orElse("#" + missionId);
    }

    private @Nullable String enumLabel(String prefix, @Nullable Enum<?> value) {
        return value == null ? null : label(prefix + value.name());
    }

    private static @Nullable String upper(@Nullable String code) {
        return code == null || code.isBlank() ? null : code.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
