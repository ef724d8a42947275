package org.bluehelm.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bluehelm.analytics.TableDownload;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.IndicatorFilter;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorSummary;
import org.bluehelm.mission.MissionFilter;
import org.bluehelm.mission.MissionService;
import org.bluehelm.mission.MissionSummary;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.PeriodType;
import org.bluehelm.web.Crumb;
import org.bluehelm.web.FieldChange;
import org.bluehelm.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
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
 * Saved dashboards in the browser: the list (mine and shared with me), a dashboard with each item's
 * chart beside its table and its downloads, and the forms to create, share, fill and arrange one.
 * Arranging is plain forms (move up, move down), so it works without JavaScript.
 */
@Controller
class DashboardController {

    /** How many dashboards of each list the page shows. */
    static final int LIST_SIZE = 100;

    private final DashboardService dashboards;
    private final IndicatorService indicators;
    private final GeographyService geography;
    private final MissionService missions;
    private final MessageSource messages;

    DashboardController(
            DashboardService dashboards,
            IndicatorService indicators,
            GeographyService geography,
            MissionService missions,
            MessageSource messages) {
        this.dashboards = dashboards;
        this.indicators = indicators;
        this.geography = geography;
        this.missions = missions;
        this.messages = messages;
    }

    // ---- list and view ---------------------------------------------------------------------------

    @GetMapping("/dashboards")
    String list(Model model) {
        PageQuery page = PageQuery.of(0, LIST_SIZE, "name", DashboardService.SORTS, "name");
        PageResponse<DashboardSummary> mine = dashboards.list(DashboardService.Audience.MINE, null, page);
        PageResponse<DashboardSummary> shared = dashboards.list(DashboardService.Audience.SHARED, null, page);
        model.addAttribute("mine", mine);
        model.addAttribute("shared", shared);
        Map<Long, String> acronyms = new LinkedHashMap<>();
        List<DashboardSummary> all = new ArrayList<>(mine.items());
        all.addAll(shared.items());
        all.stream()
                .map(DashboardSummary::missionId)
                .filter(Objects::nonNull)
                .distinct()
                .forEach(id -> acronyms.put(id, missions.findAcronym(id).orElse("#" + id)));
        model.addAttribute("missionAcronyms", acronyms);
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("dashboard.list.title"), null)));
        return "dashboard/dashboards";
    }

    @GetMapping("/dashboards/{id}")
    String view(@PathVariable long id, Model model) {
        DashboardView dashboard = dashboards.get(id);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("items", dashboards.data(dashboard));
        model.addAttribute(
                "missionAcronym",
                dashboard.missionId() == null
                        ? null
                        : missions.findAcronym(dashboard.missionId()).orElse(null));
        model.addAttribute(
                "breadcrumbs",
                List.of(new Crumb(label("dashboard.list.title"), "/dashboards"), new Crumb(dashboard.name(), null)));
        return "dashboard/dashboard";
    }

    @GetMapping("/dashboards/{id}/items/{itemId}/data.csv")
    ResponseEntity<byte[]> csv(@PathVariable long id, @PathVariable long itemId) {
        return DashboardApiController.download(dashboards.data(id, itemId), id, TableDownload.Format.CSV);
    }

    @GetMapping("/dashboards/{id}/items/{itemId}/data.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id, @PathVariable long itemId) {
        return DashboardApiController.download(dashboards.data(id, itemId), id, TableDownload.Format.XLSX);
    }

    // ---- the dashboard itself --------------------------------------------------------------------

    @GetMapping("/dashboards/new")
    String newForm(Model model) {
        return dashboardForm(new DashboardForm(), null, model);
    }

    @PostMapping("/dashboards")
    String create(
            @ModelAttribute("form") DashboardForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("errors", bindingErrors(binding));
            return dashboardForm(form, null, model);
        }
        try {
            DashboardView created = dashboards.create(form.command());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/dashboards/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
            return dashboardForm(form, null, model);
        }
    }

    @GetMapping("/dashboards/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return dashboardForm(DashboardForm.of(editable(id)), id, model);
    }

    @PostMapping("/dashboards/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") DashboardForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("errors", bindingErrors(binding));
            return dashboardForm(form, id, model);
        }
        try {
            dashboards.update(id, form.getVersion() == null ? -1 : form.getVersion(), form.command());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/dashboards/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
        } catch (ConflictException e) {
            DashboardForm stored = DashboardForm.of(dashboards.get(id));
            List<FieldChange> changes = new ArrayList<>();
            FieldChange.addIfDifferent(changes, label("dashboard.name"), form.getName(), stored.getName());
            FieldChange.addIfDifferent(
                    changes, label("dashboard.description"), form.getDescription(), stored.getDescription());
            FieldChange.addIfDifferent(
                    changes, label("dashboard.shared"), yesNo(form.isShared()), yesNo(stored.isShared()));
            FieldChange.addIfDifferent(
                    changes, label("dashboard.mission"), acronym(form.getMissionId()), acronym(stored.getMissionId()));
            FieldChange.addIfDifferent(
                    changes, label("dashboard.country"), form.getCountryCode(), stored.getCountryCode());
            model.addAttribute("conflict", changes);
            model.addAttribute("reloadUrl", "/dashboards/" + id + "/edit");
        }
        return dashboardForm(form, id, model);
    }

    @PostMapping("/dashboards/{id}/delete")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            dashboards.delete(id, version);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "dashboard.stale");
            return "redirect:/dashboards/" + id;
        }
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/dashboards";
    }

    // ---- items -----------------------------------------------------------------------------------

    @GetMapping("/dashboards/{id}/items/new")
    String newItem(@PathVariable long id, Model model) {
        DashboardView dashboard = editable(id);
        ItemForm form = new ItemForm();
        form.setVersion(dashboard.version());
        return itemForm(dashboard, form, null, model);
    }

    @PostMapping("/dashboards/{id}/items")
    String addItem(
            @PathVariable long id,
            @ModelAttribute("form") ItemForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return saveItem(id, null, form, binding, model, redirect);
    }

    @GetMapping("/dashboards/{id}/items/{itemId}/edit")
    String editItem(@PathVariable long id, @PathVariable long itemId, Model model) {
        DashboardView dashboard = editable(id);
        DashboardItemView item = dashboard.items().stream()
                .filter(i -> i.id() == itemId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Dashboard item", itemId));
        return itemForm(dashboard, ItemForm.of(item, dashboard.version()), itemId, model);
    }

    @PostMapping("/dashboards/{id}/items/{itemId}")
    String updateItem(
            @PathVariable long id,
            @PathVariable long itemId,
            @ModelAttribute("form") ItemForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return saveItem(id, itemId, form, binding, model, redirect);
    }

    @PostMapping("/dashboards/{id}/items/{itemId}/move")
    String moveItem(
            @PathVariable long id,
            @PathVariable long itemId,
            @RequestParam String direction,
            @RequestParam int version,
            RedirectAttributes redirect) {
        DashboardService.Direction to =
                "up".equalsIgnoreCase(direction) ? DashboardService.Direction.UP : DashboardService.Direction.DOWN;
        try {
            dashboards.moveItem(id, itemId, version, to);
            redirect.addFlashAttribute("flash", "dashboard.item.moved");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "dashboard.stale");
        }
        return "redirect:/dashboards/" + id + "#item-" + itemId;
    }

    @PostMapping("/dashboards/{id}/items/{itemId}/delete")
    String removeItem(
            @PathVariable long id, @PathVariable long itemId, @RequestParam int version, RedirectAttributes redirect) {
        try {
            dashboards.removeItem(id, itemId, version);
            redirect.addFlashAttribute("flash", "flash.deleted");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "dashboard.stale");
        }
        return "redirect:/dashboards/" + id;
    }

    private String saveItem(
            long id,
            @Nullable Long itemId,
            ItemForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        DashboardView dashboard = editable(id);
        if (binding.hasErrors()) {
            model.addAttribute("errors", bindingErrors(binding));
            return itemForm(dashboard, form, itemId, model);
        }
        int version = form.getVersion() == null ? -1 : form.getVersion();
        try {
            if (itemId == null) {
                dashboards.addItem(id, version, form.command());
            } else {
                dashboards.updateItem(id, itemId, version, form.command());
            }
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/dashboards/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", onItemForm(FormErrors.of(e, messages, LocaleContextHolder.getLocale())));
        } catch (ConflictException e) {
            // another change to the dashboard came first (perhaps to another item): show the versions
            List<FieldChange> changes = new ArrayList<>();
            FieldChange.addIfDifferent(
                    changes,
                    label("field.version"),
                    form.getVersion(),
                    dashboards.get(id).version());
            model.addAttribute("conflict", changes);
            model.addAttribute(
                    "reloadUrl",
                    itemId == null
                            ? "/dashboards/" + id + "/items/new"
                            : "/dashboards/" + id + "/items/" + itemId + "/edit");
        }
        return itemForm(dashboard, form, itemId, model);
    }

    // ---- form models -----------------------------------------------------------------------------

    /** The dashboard, if the current user may change it (otherwise 403, or 404 when not visible). */
    private DashboardView editable(long id) {
        DashboardView dashboard = dashboards.get(id);
        if (!dashboard.editable()) {
            throw new ForbiddenException("Only the owner may change dashboard " + id);
        }
        return dashboard;
    }

    private String dashboardForm(DashboardForm form, @Nullable Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("dashboardId", id);
        model.addAttribute("missions", missionChoices());
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("dashboard.list.title"), "/dashboards"),
                        new Crumb(id == null ? label("dashboard.new") : Objects.toString(form.getName(), ""), null)));
        return "dashboard/dashboard-form";
    }

    private String itemForm(DashboardView dashboard, ItemForm form, @Nullable Long itemId, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("itemId", itemId);
        model.addAttribute("kinds", ItemKind.values());
        model.addAttribute("indicatorChoices", indicatorChoices());
        model.addAttribute("unitChoices", unitChoices());
        model.addAttribute("periodTypes", PeriodType.values());
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("dashboard.list.title"), "/dashboards"),
                        new Crumb(dashboard.name(), "/dashboards/" + dashboard.id()),
                        new Crumb(itemId == null ? label("dashboard.item.new") : label("dashboard.item.edit"), null)));
        return "dashboard/item-form";
    }

    private List<IndicatorSummary> indicatorChoices() {
        return indicators
                .list(
                        new IndicatorFilter(null, null, null, null, null),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "name", Map.of("name", "i.name"), "name"))
                .items();
    }

    /** Units of the top three levels, in hierarchy order, as on the analytics screen. */
    private List<OrgUnitView> unitChoices() {
        return geography.topLevels(3);
    }

    /** The missions in the user's scope: a dashboard is shared only within it. */
    private List<MissionSummary> missionChoices() {
        return missions.list(
                        new MissionFilter(null, null, null, null, true),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "acronym", Map.of("acronym", "m.acronym"), "acronym"))
                .items();
    }

    /** Values the browser sent that do not fit their field (a select tampered with), by field. */
    /**
     * The problems of an item where its form shows them: the form chooses the indicators in one list,
     * so a problem with one of them ({@code indicators[1]}, which names it) shows beside that list.
     */
    private static Map<String, String> onItemForm(Map<String, String> errors) {
        Map<String, String> fields = new LinkedHashMap<>();
        errors.forEach((field, text) ->
                fields.merge(field.startsWith("indicators[") ? "indicators" : field, text, (a, b) -> a + "; " + b));
        return fields;
    }

    private Map<String, String> bindingErrors(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            errors.put(
                    error.getField(),
                    messages.getMessage(
                            "dashboard.validation.format",
                            new Object[] {error.getRejectedValue()},
                            "is not valid",
                            LocaleContextHolder.getLocale()));
        }
        return errors;
    }

    private @Nullable String acronym(@Nullable Long missionId) {
        return missionId == null ? null : missions.findAcronym(missionId).orElse("#" + missionId);
    }

    private String yesNo(boolean value) {
        return label(value ? "dashboard.yes" : "dashboard.no");
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
