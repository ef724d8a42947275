package org.bluehelm.lesson;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.programme.ProgrammeService;
import org.bluehelm.shared.ExpectedVersion;
import org.bluehelm.shared.Pillar;
import org.bluehelm.web.ListExport;
import org.bluehelm.web.ListFile;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/lessons")
@Tag(
        name = "Lessons learned",
        description = "Lessons learned with full-text search in English and French, facets and snippets")
class LessonApiController {

    private static final String EDITORS = "hasAnyRole('ADMIN', 'MISSION_MANAGER')";

    private final LessonService lessons;
    private final ProgrammeService programmes;

    private final ListExport export;

    LessonApiController(LessonService lessons, ProgrammeService programmes, ListExport export) {
        this.export = export;
        this.lessons = lessons;
        this.programmes = programmes;
    }

    /**
     * Full-text search; {@code snippetHtml} is escaped HTML with the matches in {@code <mark>}. As CSV
     * or XLSX, every lesson found, the same file as the lessons screen.
     */
    @GetMapping
    @ListFile
    ResponseEntity<?> search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String mission,
            @RequestParam(required = false) @Nullable String pillar,
            @RequestParam(required = false) @Nullable String dimension,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String language,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        LessonSearch search = new LessonSearch(q, mission, pillar, dimension, tag, language);
        return export.jsonOrFile(
                LessonController.EXPORT,
                () -> LessonController.allHits(lessons, search),
                () -> lessons.search(search, page, size));
    }

    /** The lessons most relevant to a programme, from its pillar, country and text. */
    @GetMapping("/suggestions")
    List<LessonSearch.Hit> suggestions(@RequestParam long programme, @RequestParam(defaultValue = "5") int limit) {
        return lessons.suggestionsFor(programmes.get(programme), Math.min(Math.max(limit, 1), 20));
    }

    @GetMapping("/{id}")
    ResponseEntity<LessonView> get(@PathVariable long id) {
        LessonView lesson = lessons.get(id);
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(lesson.version())).body(lesson);
    }

    @PostMapping
    @PreAuthorize(EDITORS)
    ResponseEntity<LessonView> create(@RequestBody LessonRequest request) {
        LessonView lesson = lessons.create(request.command());
        return ResponseEntity.created(URI.create("/api/v1/lessons/" + lesson.id()))
                .eTag(ExpectedVersion.etag(lesson.version()))
                .body(lesson);
    }

    @PutMapping("/{id}")
    @PreAuthorize(EDITORS)
    ResponseEntity<LessonView> update(
            @PathVariable long id,
            @RequestBody LessonRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        LessonView lesson = lessons.update(id, ExpectedVersion.of(request.version(), ifMatch), request.command());
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(lesson.version())).body(lesson);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(EDITORS)
    ResponseEntity<Void> delete(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        lessons.delete(id, ExpectedVersion.of(version, ifMatch));
        return ResponseEntity.noContent().build();
    }

    record LessonRequest(
            @Nullable String title,
            @Nullable String context,
            @Nullable String whatHappened,
            @Nullable String lesson,
            @Nullable String recommendation,
            @Nullable Long missionId,
            @Nullable String countryCode,
            @Nullable Pillar pillar,
            @Nullable Dimension dimension,
            @Nullable List<String> tags,
            @Nullable String source,
            @Nullable LessonLanguage language,
            @Nullable Boolean restricted,
            @Nullable Integer version) {
        LessonCommand command() {
            return new LessonCommand(
                    title,
                    context,
                    whatHappened,
                    lesson,
                    recommendation,
                    missionId,
                    countryCode,
                    pillar,
                    dimension,
                    tags,
                    source,
                    language,
                    restricted);
        }
    }
}
