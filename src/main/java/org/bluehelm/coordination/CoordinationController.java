package org.bluehelm.coordination;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bluehelm.actor.ActorFilter;
import org.bluehelm.actor.ActorService;
import org.bluehelm.actor.ActorSummary;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.institution.InstitutionFilter;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.institution.InstitutionSummary;
import org.bluehelm.mission.MissionFilter;
import org.bluehelm.mission.MissionService;
import org.bluehelm.mission.MissionSummary;
import org.bluehelm.programme.ProgrammeFilter;
import org.bluehelm.programme.ProgrammeService;
import org.bluehelm.programme.ProgrammeSummary;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.Pillar;
import org.bluehelm.web.Crumb;
import org.bluehelm.web.FieldChange;
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

/** Who does what where in the browser: activities, the matrices, needs and gaps, HXL and IATI exchange. */
@Controller
class CoordinationController {

    private static final String EDITORS = "hasAnyRole('ADMIN', 'MISSION_MANAGER')";

    /** Largest IATI file accepted from the browser. */
    static final long MAX_IATI_BYTES = 5L * 1024 * 1024;

    private final CoordinationService coordination;
    private final ActivityExchange exchange;
    private final ActorService actors;
    private final ProgrammeService programmes;
    private final InstitutionService institutions;
    private final GeographyService geography;
    private final MissionService missions;
    private final MessageSource messages;
    private final OwnershipIndicatorPublisher publisher;
    private final CoordinationMap map;

    /** The 3W list as a file: who does what where, with the period, status and budget. */
    static final ListExport.Table<ActivityView> EXPORT = ListExport.Table.of(
            "activities",
            ListExport.column("coordination.title", ActivityView::title),
            ListExport.column("coordination.actor", ActivityView::actorName),
            ListExport.label("coordination.role", "coordination.role.", ActivityView::actorRole),
            ListExport.label("coordination.pillar", "pillar.", ActivityView::pillar),
            ListExport.label("coordination.kind", "coordination.kind.", ActivityView::supportKind),
            ListExport.column("coordination.institution", ActivityView::institutionName),
            ListExport.column("coordination.country", ActivityView::countryCode),
            ListExport.column("coordination.where", ActivityView::orgUnitName),
            ListExport.column("coordination.start", ActivityView::startDate),
            ListExport.column("coordination.end", ActivityView::endDate),
            ListExport.label("coordination.status", "coordination.status.", ActivityView::status),
            ListExport.column("coordination.budget", ActivityView::budgetAmount),
            ListExport.column("coordination.currency", ActivityView::budgetCurrency),
            ListExport.column("coordination.overlaps", a -> a.overlaps().size()));

    private final ListExport export;

    CoordinationController(
            CoordinationService coordination,
            ActivityExchange exchange,
            ActorService actors,
            ProgrammeService programmes,
            InstitutionService institutions,
            GeographyService geography,
            MissionService missions,
            MessageSource messages,
            OwnershipIndicatorPublisher publisher,
            CoordinationMap map,
            ListExport export) {
        this.export = export;
        this.publisher = publisher;
        this.map = map;
        this.coordination = coordination;
        this.exchange = exchange;
        this.actors = actors;
        this.programmes = programmes;
        this.institutions = institutions;
        this.geography = geography;
        this.missions = missions;
        this.messages = messages;
    }

    @GetMapping("/coordination")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Pillar pillar,
            @RequestParam(required = false) @Nullable SupportKind kind,
            @RequestParam(required = false) @Nullable ActivityStatus status,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Long actor,
            @RequestParam(required = false) @Nullable Long institution,
            @RequestParam(defaultValue = "false") boolean overlapping,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        PageResponse<ActivityView> result = coordination.list(
                new ActivityFilter(q, pillar, kind, status, country, actor, institution, null, overlapping),
                PageQuery.of(page, 25, sort, CoordinationService.SORTS, "-id"));
        model.addAttribute("result", result);
        model.addAttribute("links", ListLinks.fromCurrentRequest(sort == null ? "-id" : sort));
        model.addAttribute("pillars", Pillar.values());
        model.addAttribute("kinds", SupportKind.values());
        model.addAttribute("statuses", ActivityStatus.values());
        model.addAttribute("actors", actorChoices());
        model.addAttribute("institutions", institutionChoices());
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("nav.coordination"), null)));
        return "coordination/list";
    }

    /** The activities the filters select (every page, in the user's scope) as CSV or XLSX. */
    @GetMapping("/coordination/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Pillar pillar,
            @RequestParam(required = false) @Nullable SupportKind kind,
            @RequestParam(required = false) @Nullable ActivityStatus status,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Long actor,
            @RequestParam(required = false) @Nullable Long institution,
            @RequestParam(defaultValue = "false") boolean overlapping,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "csv") String format) {
        ActivityFilter filter =
                new ActivityFilter(q, pillar, kind, status, country, actor, institution, null, overlapping);
        return export.download(
                EXPORT,
                format,
                ListExport.allPages((p, size) ->
                        coordination.list(filter, PageQuery.of(p, size, sort, CoordinationService.SORTS, "-id"))));
    }

    @GetMapping("/coordination/activities/{id}")
    String detail(@PathVariable long id, Model model) {
        ActivityView activity = coordination.get(id);
        model.addAttribute("activity", activity);
        model.addAttribute(
                "missionAcronym",
                activity.missionId() == null
                        ? null
                        : missions.findAcronym(activity.missionId()).orElse(null));
        model.addAttribute(
                "breadcrumbs",
                List.of(new Crumb(label("nav.coordination"), "/coordination"), new Crumb(activity.title(), null)));
        return "coordination/detail";
    }

    @GetMapping("/coordination/activities/new")
    @PreAuthorize(EDITORS)
    String newForm(@RequestParam(required = false) @Nullable Long programme, Model model) {
        ActivityForm form = new ActivityForm();
        form.setProgrammeId(programme);
        return form(form, null, model);
    }

    @PostMapping("/coordination/activities")
    @PreAuthorize(EDITORS)
    String create(
            @ModelAttribute("form") ActivityForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return submitted(binding, model)
                .submit(
                        () -> {
                            ActivityView created = coordination.create(form.command());
                            redirect.addFlashAttribute(
                                    "flash", created.overlapping() ? "coordination.overlap.created" : "flash.saved");
                            return "redirect:/coordination/activities/" + created.id();
                        },
                        () -> form(form, null, model));
    }

    @GetMapping("/coordination/activities/{id}/edit")
    @PreAuthorize(EDITORS)
    String editForm(@PathVariable long id, Model model) {
        return form(ActivityForm.of(coordination.get(id)), id, model);
    }

    @PostMapping("/coordination/activities/{id}")
    @PreAuthorize(EDITORS)
    String update(
            @PathVariable long id,
            @ModelAttribute("form") ActivityForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return submitted(binding, model)
                .onConflict(() -> {
                    model.addAttribute("conflict", changes(form, coordination.get(id)));
                    model.addAttribute("reloadUrl", "/coordination/activities/" + id + "/edit");
                })
                .submit(
                        () -> {
                            ActivityView saved = coordination.update(
                                    id, form.getVersion() == null ? -1 : form.getVersion(), form.command());
                            redirect.addFlashAttribute(
                                    "flash", saved.overlapping() ? "coordination.overlap.created" : "flash.saved");
                            return "redirect:/coordination/activities/" + id;
                        },
                        () -> form(form, id, model));
    }

    @PostMapping("/coordination/activities/{id}/delete")
    @PreAuthorize(EDITORS)
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            coordination.delete(id, version);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "coordination.delete.stale");
            return "redirect:/coordination/activities/" + id;
        }
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/coordination";
    }

    @GetMapping("/coordination/matrix")
    String matrix(@RequestParam(required = false) @Nullable String country, Model model) {
        model.addAttribute("matrix", coordination.matrix(country));
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.coordination"), "/coordination"),
                        new Crumb(label("coordination.matrix.title"), null)));
        return "coordination/matrix";
    }

    @GetMapping("/coordination/ownership")
    String ownership(Model model) {
        model.addAttribute("ownership", coordination.ownership());
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.coordination"), "/coordination"),
                        new Crumb(label("coordination.ownership.title"), null)));
        return "coordination/ownership";
    }

    @PostMapping("/coordination/ownership/republish")
    @PreAuthorize("hasRole('ADMIN')")
    String republish(RedirectAttributes redirect) {
        OwnershipIndicatorPublisher.Published p = publisher.republish();
        redirect.addFlashAttribute("flash", "coordination.ownership.republished");
        redirect.addFlashAttribute("published", p);
        return "redirect:/coordination/ownership";
    }

    @GetMapping("/coordination/map")
    String map(Model model) {
        model.addAttribute("counts", map.counts());
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.coordination"), "/coordination"),
                        new Crumb(label("coordination.map.title"), null)));
        return "coordination/map";
    }

    @GetMapping(value = "/coordination/map.json", produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseBody
    Map<String, Object> mapData() {
        return map.geoJson();
    }

    @GetMapping("/coordination/gaps")
    String gaps(Model model) {
        if (!model.containsAttribute("needForm")) {
            model.addAttribute("needForm", new NeedForm());
        }
        model.addAttribute("needs", coordination.needs());
        model.addAttribute("pillars", Pillar.values());
        model.addAttribute("kinds", SupportKind.values());
        model.addAttribute("institutions", institutionChoices());
        model.addAttribute("orgUnits", orgUnitChoices());
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.coordination"), "/coordination"),
                        new Crumb(label("coordination.gaps.title"), null)));
        return "coordination/gaps";
    }

    @PostMapping("/coordination/needs")
    @PreAuthorize(EDITORS)
    String recordNeed(
            @ModelAttribute("needForm") NeedForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return submitted(binding, model)
                .submit(
                        () -> {
                            coordination.recordNeed(form.command());
                            redirect.addFlashAttribute("flash", "flash.saved");
                            return "redirect:/coordination/gaps";
                        },
                        () -> gaps(model));
    }

    @PostMapping("/coordination/needs/{id}/delete")
    @PreAuthorize(EDITORS)
    String deleteNeed(@PathVariable long id, RedirectAttributes redirect) {
        coordination.deleteNeed(id);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/coordination/gaps";
    }

    @GetMapping("/coordination/export.hxl.csv")
    ResponseEntity<byte[]> hxl() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bluehelm-3w.hxl.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(exchange.hxl(coordination.all()).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/coordination/export.iati.xml")
    ResponseEntity<byte[]> iati() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bluehelm-activities.iati.xml\"")
                .contentType(MediaType.APPLICATION_XML)
                .body(exchange.iati(coordination.all()));
    }

    @GetMapping("/coordination/import")
    @PreAuthorize(EDITORS)
    String importForm(Model model) {
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.coordination"), "/coordination"),
                        new Crumb(label("coordination.import.title"), null)));
        return "coordination/import";
    }

    @PostMapping("/coordination/import")
    @PreAuthorize(EDITORS)
    String importIati(@RequestParam("file") MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        List<FieldProblem> problems = new ArrayList<>();
        if (file.isEmpty()) {
            problems.add(new FieldProblem("file", label("coordination.import.empty")));
        } else if (file.getSize() > MAX_IATI_BYTES) {
            problems.add(new FieldProblem("file", label("coordination.import.tooLarge")));
        } else {
            try {
                List<ActivityView> created = exchange.importIati(file.getBytes());
                redirect.addFlashAttribute("flash", "coordination.import.done");
                redirect.addFlashAttribute("importedCount", created.size());
                return "redirect:/coordination";
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        model.addAttribute("problems", FormErrors.translated(problems, messages, LocaleContextHolder.getLocale()));
        return importForm(model);
    }

    private String form(ActivityForm form, @Nullable Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("activityId", id);
        model.addAttribute("roles", ActorRole.values());
        model.addAttribute("pillars", Pillar.values());
        model.addAttribute("kinds", SupportKind.values());
        model.addAttribute("statuses", ActivityStatus.values());
        model.addAttribute("actors", actorChoices());
        model.addAttribute("programmes", programmeChoices());
        model.addAttribute("institutions", institutionChoices());
        model.addAttribute("orgUnits", orgUnitChoices());
        model.addAttribute("missions", missionChoices());
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.coordination"), "/coordination"),
                        new Crumb(id == null ? label("coordination.new") : label("coordination.edit"), null)));
        return "coordination/form";
    }

    private List<FieldChange> changes(ActivityForm yours, ActivityView stored) {
        ActivityForm theirs = ActivityForm.of(stored);
        List<FieldChange> changes = new ArrayList<>();
        FieldChange.addIfDifferent(changes, label("coordination.title"), yours.getTitle(), theirs.getTitle());
        FieldChange.addIfDifferent(
                changes,
                label("coordination.actor"),
                String.valueOf(yours.getActorId()),
                String.valueOf(theirs.getActorId()));
        FieldChange.addIfDifferent(
                changes,
                label("coordination.role"),
                String.valueOf(yours.getActorRole()),
                String.valueOf(theirs.getActorRole()));
        FieldChange.addIfDifferent(
                changes,
                label("coordination.status"),
                String.valueOf(yours.getStatus()),
                String.valueOf(theirs.getStatus()));
        FieldChange.addIfDifferent(
                changes,
                label("coordination.start"),
                String.valueOf(yours.getStartDate()),
                String.valueOf(theirs.getStartDate()));
        FieldChange.addIfDifferent(
                changes,
                label("coordination.end"),
                String.valueOf(yours.getEndDate()),
                String.valueOf(theirs.getEndDate()));
        FieldChange.addIfDifferent(
                changes,
                label("coordination.budget"),
                String.valueOf(yours.getBudgetAmount()),
                String.valueOf(theirs.getBudgetAmount()));
        FieldChange.addIfDifferent(
                changes, label("coordination.description"), yours.getDescription(), theirs.getDescription());
        return changes;
    }

    /** A submitted form: values the browser sent that do not fit their field refuse it. */
    private FormFlow submitted(BindingResult binding, Model model) {
        return FormFlow.of(messages, model).binding(binding, "coordination.validation.format");
    }

    private List<ActorSummary> actorChoices() {
        return actors.list(
                        new ActorFilter(null, null, null, null, null),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "name", Map.of("name", "a.name"), "name"))
                .items();
    }

    private List<ProgrammeSummary> programmeChoices() {
        return programmes
                .list(
                        new ProgrammeFilter(null, null, null, null, null, null, null),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "code", Map.of("code", "p.code"), "code"))
                .items();
    }

    private List<InstitutionSummary> institutionChoices() {
        return institutions
                .list(
                        new InstitutionFilter(null, null, null, null, null),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "name", Map.of("name", "i.name"), "name"))
                .items();
    }

    private List<OrgUnitView> orgUnitChoices() {
        return geography.topLevels(3).stream()
                .filter(u -> Objects.equals(u.kind().name(), "AREA"))
                .toList();
    }

    private List<MissionSummary> missionChoices() {
        return missions.list(
                        new MissionFilter(null, null, null, null, true),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "acronym", Map.of("acronym", "m.acronym"), "acronym"))
                .items();
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
