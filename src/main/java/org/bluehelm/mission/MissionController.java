package org.bluehelm.mission;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.Pillar;
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

/** Missions in the browser: list, detail with mandate and deployments, create, edit, delete. */
@Controller
class MissionController {

    private final MissionService missions;
    private final MessageSource messages;
    private final ListExport export;

    MissionController(MissionService missions, MessageSource messages, ListExport export) {
        this.missions = missions;
        this.messages = messages;
        this.export = export;
    }

    @GetMapping("/missions")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable MissionStatus status,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false, defaultValue = "false") boolean mine,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        PageResponse<MissionSummary> result = missions.list(
                new MissionFilter(q, status, blankToNull(country), null, mine),
                PageQuery.of(page, 25, sort, MissionService.SORTS, "-startDate"));
        model.addAttribute("result", result);
        model.addAttribute("links", ListLinks.fromCurrentRequest(sort == null ? "-startDate" : sort));
        model.addAttribute("statuses", MissionStatus.values());
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("nav.missions"), null)));
        return "mission/list";
    }

    /** The list with its filters as CSV or XLSX: every page. */
    @GetMapping("/missions/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable MissionStatus status,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false, defaultValue = "false") boolean mine,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "csv") String format) {
        MissionFilter filter = new MissionFilter(q, status, blankToNull(country), null, mine);
        List<MissionSummary> rows = ListExport.allPages(
                (p, size) -> missions.list(filter, PageQuery.of(p, size, sort, MissionService.SORTS, "-startDate")));
        return export.download(
                "missions",
                format,
                List.of(
                        ListExport.column("mission.acronym", MissionSummary::acronym),
                        ListExport.column("mission.name", MissionSummary::name),
                        ListExport.column("mission.hosts", MissionSummary::hostCountries),
                        ListExport.label("mission.status", "mission.status.", MissionSummary::status),
                        ListExport.column("mission.start", MissionSummary::startDate),
                        ListExport.column("mission.end", MissionSummary::endDate)),
                rows);
    }

    @GetMapping("/missions/{id}")
    String detail(@PathVariable long id, Model model) {
        MissionView mission = missions.get(id);
        model.addAttribute("mission", mission);
        List<DeploymentView> deployments = missions.deployments(id);
        model.addAttribute("deployments", deployments);
        model.addAttribute("deploymentYears", byYear(deployments));
        model.addAttribute("canEdit", missions.inScope(id));
        model.addAttribute(
                "breadcrumbs",
                List.of(new Crumb(label("nav.missions"), "/missions"), new Crumb(mission.acronym(), null)));
        return "mission/detail";
    }

    @GetMapping("/missions/new")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER')")
    String newForm(Model model) {
        return form(new MissionForm().withBlankRows(), null, model);
    }

    @PostMapping("/missions")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER')")
    String create(
            @ModelAttribute("form") MissionForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return FormFlow.of(messages, model)
                .binding(binding, "validation.format")
                .submit(
                        () -> {
                            MissionView created = missions.create(form.command());
                            redirect.addFlashAttribute("flash", "flash.saved");
                            return "redirect:/missions/" + created.id();
                        },
                        () -> form(form.withBlankRows(), null, model));
    }

    @GetMapping("/missions/{id}/edit")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER')")
    String editForm(@PathVariable long id, Model model) {
        return form(MissionForm.of(missions.get(id)), id, model);
    }

    @PostMapping("/missions/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER')")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") MissionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return FormFlow.of(messages, model)
                .binding(binding, "validation.format")
                .onConflict(() -> {
                    model.addAttribute("conflict", changes(form, missions.get(id)));
                    model.addAttribute("reloadUrl", "/missions/" + id + "/edit");
                })
                .submit(
                        () -> {
                            missions.update(id, form.getVersion() == null ? -1 : form.getVersion(), form.command());
                            redirect.addFlashAttribute("flash", "flash.saved");
                            return "redirect:/missions/" + id;
                        },
                        () -> form(form.withBlankRows(), id, model));
    }

    @PostMapping("/missions/{id}/delete")
    @PreAuthorize("hasAnyRole('ADMIN', 'MISSION_MANAGER')")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        missions.delete(id, version);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/missions";
    }

    private String form(MissionForm form, @Nullable Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("missionId", id);
        model.addAttribute("statuses", MissionStatus.values());
        model.addAttribute("pillars", Pillar.values());
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.missions"), "/missions"),
                        new Crumb(id == null ? label("mission.new") : Objects.toString(form.getAcronym(), ""), null)));
        return "mission/form";
    }

    private List<FieldChange> changes(MissionForm yours, MissionView stored) {
        MissionForm theirs = MissionForm.of(stored);
        List<FieldChange> changes = new ArrayList<>();
        FieldChange.addIfDifferent(changes, label("mission.acronym"), yours.getAcronym(), theirs.getAcronym());
        FieldChange.addIfDifferent(changes, label("mission.name"), yours.getName(), theirs.getName());
        FieldChange.addIfDifferent(changes, label("mission.status"), yours.getStatus(), theirs.getStatus());
        FieldChange.addIfDifferent(changes, label("mission.start"), yours.getStartDate(), theirs.getStartDate());
        FieldChange.addIfDifferent(changes, label("mission.end"), yours.getEndDate(), theirs.getEndDate());
        FieldChange.addIfDifferent(
                changes, label("mission.hosts"), yours.getHostCountries(), theirs.getHostCountries());
        FieldChange.addIfDifferent(
                changes,
                label("mission.tasks"),
                yours.command().tasks().size(),
                theirs.command().tasks().size());
        return changes;
    }

    /** Troops per year and source, summed over host countries, for the chart and its table. */
    record DeploymentYear(int year, java.math.@Nullable BigDecimal geopko, java.math.@Nullable BigDecimal hks) {}

    static List<DeploymentYear> byYear(List<DeploymentView> deployments) {
        java.util.TreeMap<Integer, java.math.BigDecimal[]> years = new java.util.TreeMap<>();
        for (DeploymentView d : deployments) {
            if (d.troops() == null) {
                continue;
            }
            java.math.BigDecimal[] row = years.computeIfAbsent(d.year(), y -> new java.math.BigDecimal[2]);
            int i = d.source() == DeploymentSource.GEOPKO ? 0 : 1;
            row[i] = row[i] == null ? d.troops() : row[i].add(d.troops());
        }
        return years.entrySet().stream()
                .map(e -> new DeploymentYear(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
