package org.bluehelm.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.mission.MissionFilter;
import org.bluehelm.mission.MissionService;
import org.bluehelm.programme.ProgrammeService;
import org.bluehelm.shared.ConflictException;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Lessons learned in the browser: search with facets and snippets, detail, create, edit, delete, and
 * the suggestions fragment the programme page loads.
 */
@Controller
class LessonController {

    private static final String EDITORS = "hasAnyRole('ADMIN', 'MISSION_MANAGER')";
    private static final int PAGE_SIZE = 20;

    /** The lessons found as a file: title, where they come from and the facets, without the snippet. */
    static final ListExport.Table<LessonSearch.Hit> EXPORT = ListExport.Table.of(
            "lessons",
            ListExport.column("field.title", LessonSearch.Hit::title),
            ListExport.column("lesson.facet.mission", LessonSearch.Hit::missionAcronym),
            ListExport.codeLabel("lesson.facet.pillar", "pillar.", LessonSearch.Hit::pillar),
            ListExport.codeLabel("lesson.facet.dimension", "indicator.dimension.", LessonSearch.Hit::dimension),
            ListExport.column("lesson.facet.tag", h -> String.join(", ", h.tags())),
            ListExport.codeLabel("lesson.facet.language", "lesson.language.", LessonSearch.Hit::language),
            ListExport.column("field.source", LessonSearch.Hit::source));

    /** Every lesson a search finds, in the user's scope, in the order of the screen. */
    static List<LessonSearch.Hit> allHits(LessonService lessons, LessonSearch search) {
        int size = 100;
        return ListExport.allPages((p, ignored) -> {
            LessonSearch.Result r = lessons.search(search, p, size);
            return new PageResponse<>(r.hits(), p, size, r.total());
        });
    }

    private final LessonService lessons;
    private final ProgrammeService programmes;
    private final MissionService missions;
    private final MessageSource messages;
    private final ListExport export;

    LessonController(
            LessonService lessons,
            ProgrammeService programmes,
            MissionService missions,
            MessageSource messages,
            ListExport export) {
        this.export = export;
        this.lessons = lessons;
        this.programmes = programmes;
        this.missions = missions;
        this.messages = messages;
    }

    @GetMapping("/lessons")
    String search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String mission,
            @RequestParam(required = false) @Nullable String pillar,
            @RequestParam(required = false) @Nullable String dimension,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String language,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        LessonSearch search = new LessonSearch(q, mission, pillar, dimension, tag, language);
        LessonSearch.Result result = lessons.search(search, page, PAGE_SIZE);
        model.addAttribute("search", search);
        model.addAttribute("result", result);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pages", (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("links", ListLinks.fromCurrentRequest(null));
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("nav.lessons"), null)));
        return "lesson/search";
    }

    /** Every lesson the search finds (all pages, in the user's scope) as CSV or XLSX. */
    @GetMapping("/lessons/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String mission,
            @RequestParam(required = false) @Nullable String pillar,
            @RequestParam(required = false) @Nullable String dimension,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String language,
            @RequestParam(defaultValue = "csv") String format) {
        return export.download(
                EXPORT, format, allHits(lessons, new LessonSearch(q, mission, pillar, dimension, tag, language)));
    }

    @GetMapping("/lessons/{id}")
    String detail(@PathVariable long id, Model model) {
        LessonView lesson = lessons.get(id);
        model.addAttribute("lesson", lesson);
        model.addAttribute(
                "breadcrumbs", List.of(new Crumb(label("nav.lessons"), "/lessons"), new Crumb(lesson.title(), null)));
        return "lesson/detail";
    }

    /** The lessons that fit a programme, as a fragment for the programme page (htmx) or a page of its own. */
    @GetMapping("/lessons/suggestions")
    String suggestions(
            @RequestParam long programme,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        var view = programmes.get(programme);
        model.addAttribute("programme", view);
        model.addAttribute("suggestions", lessons.suggestionsFor(view, 5));
        if (htmx != null) {
            return "lesson/suggestions :: suggestions";
        }
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.programmes"), "/programmes"),
                        new Crumb(view.code(), "/programmes/" + programme),
                        new Crumb(label("lesson.suggestions.title"), null)));
        return "lesson/suggestions";
    }

    @GetMapping("/lessons/new")
    @PreAuthorize(EDITORS)
    String newForm(Model model) {
        return form(new LessonForm(), null, model);
    }

    @PostMapping("/lessons")
    @PreAuthorize(EDITORS)
    String create(
            @ModelAttribute("form") LessonForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return submitted(binding, model)
                .submit(
                        () -> {
                            LessonView created = lessons.create(form.command());
                            redirect.addFlashAttribute("flash", "flash.saved");
                            return "redirect:/lessons/" + created.id();
                        },
                        () -> form(form, null, model));
    }

    @GetMapping("/lessons/{id}/edit")
    @PreAuthorize(EDITORS)
    String editForm(@PathVariable long id, Model model) {
        return form(LessonForm.of(lessons.get(id)), id, model);
    }

    @PostMapping("/lessons/{id}")
    @PreAuthorize(EDITORS)
    String update(
            @PathVariable long id,
            @ModelAttribute("form") LessonForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return submitted(binding, model)
                .onConflict(() -> {
                    model.addAttribute("conflict", changes(form, lessons.get(id)));
                    model.addAttribute("reloadUrl", "/lessons/" + id + "/edit");
                })
                .submit(
                        () -> {
                            lessons.update(id, form.getVersion() == null ? -1 : form.getVersion(), form.command());
                            redirect.addFlashAttribute("flash", "flash.saved");
                            return "redirect:/lessons/" + id;
                        },
                        () -> form(form, id, model));
    }

    @PostMapping("/lessons/{id}/delete")
    @PreAuthorize(EDITORS)
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            lessons.delete(id, version);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "lesson.delete.stale");
            return "redirect:/lessons/" + id;
        }
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/lessons";
    }

    private String form(LessonForm form, @Nullable Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("lessonId", id);
        model.addAttribute("pillars", Pillar.values());
        model.addAttribute("dimensions", Dimension.values());
        model.addAttribute("languages", LessonLanguage.values());
        model.addAttribute(
                "missions",
                missions.list(
                                new MissionFilter(null, null, null, null, true),
                                PageQuery.of(
                                        0, PageQuery.MAX_SIZE, "acronym", Map.of("acronym", "m.acronym"), "acronym"))
                        .items());
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.lessons"), "/lessons"),
                        new Crumb(label(id == null ? "lesson.new" : "lesson.edit"), null)));
        return "lesson/form";
    }

    private List<FieldChange> changes(LessonForm yours, LessonView stored) {
        LessonForm theirs = LessonForm.of(stored);
        List<FieldChange> changes = new ArrayList<>();
        FieldChange.addIfDifferent(changes, label("field.title"), yours.getTitle(), theirs.getTitle());
        FieldChange.addIfDifferent(changes, label("field.lesson"), yours.getLesson(), theirs.getLesson());
        FieldChange.addIfDifferent(
                changes, label("field.recommendation"), yours.getRecommendation(), theirs.getRecommendation());
        FieldChange.addIfDifferent(changes, label("field.context"), yours.getContext(), theirs.getContext());
        FieldChange.addIfDifferent(
                changes, label("field.whatHappened"), yours.getWhatHappened(), theirs.getWhatHappened());
        FieldChange.addIfDifferent(changes, label("field.tags"), yours.getTags(), theirs.getTags());
        FieldChange.addIfDifferent(changes, label("field.source"), yours.getSource(), theirs.getSource());
        return changes;
    }

    /** A submitted form: values the browser sent that do not fit their field refuse it. */
    private FormFlow submitted(BindingResult binding, Model model) {
        return FormFlow.of(messages, model).binding(binding, "lesson.validation.format");
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
