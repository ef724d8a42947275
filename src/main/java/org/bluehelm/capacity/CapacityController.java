package org.bluehelm.capacity;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitFilter;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.institution.InstitutionFilter;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.institution.InstitutionSummary;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.web.Crumb;
import org.bluehelm.web.FormErrors;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Capacity building in the browser: the course catalogue, training events, rosters and personnel. */
@Controller
class CapacityController {

    private static final String EDITORS = "hasAnyRole('ADMIN', 'MISSION_MANAGER')";

    private final CourseService courses;
    private final TrainingService training;
    private final InstitutionService institutions;
    private final GeographyService geography;
    private final MessageSource messages;
    private final ListExport export;

    CapacityController(
            CourseService courses,
            TrainingService training,
            InstitutionService institutions,
            GeographyService geography,
            MessageSource messages,
            ListExport export) {
        this.export = export;
        this.courses = courses;
        this.training = training;
        this.institutions = institutions;
        this.geography = geography;
        this.messages = messages;
    }

    // ---------------------------------------------------------------- courses

    @GetMapping("/capacity")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Competency competency,
            @RequestParam(required = false) @Nullable Long institution,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        PageResponse<CourseView> result = courses.list(
                new CourseFilter(q, competency, institution, null),
                PageQuery.of(page, 25, sort, CourseService.SORTS, "title"));
        model.addAttribute("result", result);
        model.addAttribute("links", ListLinks.fromCurrentRequest(sort == null ? "title" : sort));
        model.addAttribute("competencies", Competency.values());
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("nav.capacity"), null)));
        return "capacity/courses";
    }

    /** The course list with its filters as CSV or XLSX: every page. */
    @GetMapping("/capacity/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Competency competency,
            @RequestParam(required = false) @Nullable Long institution,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "csv") String format) {
        CourseFilter filter = new CourseFilter(q, competency, institution, null);
        List<CourseView> rows = ListExport.allPages(
                (p, size) -> courses.list(filter, PageQuery.of(p, size, sort, CourseService.SORTS, "title")));
        return export.download(
                "courses",
                format,
                List.<ListExport.Column<CourseView>>of(
                        ListExport.column("capacity.course.title", CourseView::title),
                        ListExport.label("capacity.competency", "capacity.competency.", CourseView::competency),
                        ListExport.column("capacity.course.target", CourseView::targetInstitutionName),
                        ListExport.column("capacity.course.durationDays", CourseView::durationDays),
                        ListExport.column("capacity.course.events", CourseView::events)),
                rows);
    }

    @GetMapping("/capacity/courses/{id}")
    String course(@PathVariable long id, Model model) {
        CourseView course = courses.get(id);
        model.addAttribute("course", course);
        model.addAttribute("events", training.events(id, null));
        model.addAttribute(
                "breadcrumbs", List.of(new Crumb(label("nav.capacity"), "/capacity"), new Crumb(course.title(), null)));
        return "capacity/course";
    }

    @GetMapping("/capacity/courses/new")
    @PreAuthorize(EDITORS)
    String newCourse(Model model) {
        return courseForm(new CourseForm(), null, model);
    }

    @PostMapping("/capacity/courses")
    @PreAuthorize(EDITORS)
    String createCourse(
            @ModelAttribute("form") CourseForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return submitted(binding, model)
                .submit(
                        () -> {
                            CourseView created = courses.create(form.command());
                            redirect.addFlashAttribute("flash", "flash.saved");
                            return "redirect:/capacity/courses/" + created.id();
                        },
                        () -> courseForm(form, null, model));
    }

    @GetMapping("/capacity/courses/{id}/edit")
    @PreAuthorize(EDITORS)
    String editCourse(@PathVariable long id, Model model) {
        return courseForm(CourseForm.of(courses.get(id)), id, model);
    }

    @PostMapping("/capacity/courses/{id}")
    @PreAuthorize(EDITORS)
    String updateCourse(
            @PathVariable long id,
            @ModelAttribute("form") CourseForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return submitted(binding, model)
                .conflictAs("capacity.conflict")
                .submit(
                        () -> {
                            courses.update(id, form.getVersion() == null ? -1 : form.getVersion(), form.command());
                            redirect.addFlashAttribute("flash", "flash.saved");
                            return "redirect:/capacity/courses/" + id;
                        },
                        () -> courseForm(form, id, model));
    }

    @PostMapping("/capacity/courses/{id}/delete")
    @PreAuthorize(EDITORS)
    String deleteCourse(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            courses.delete(id, version);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "capacity.delete.refused");
            return "redirect:/capacity/courses/" + id;
        }
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/capacity";
    }

    // ---------------------------------------------------------------- events

    @GetMapping("/capacity/courses/{id}/events/new")
    @PreAuthorize(EDITORS)
    String newEvent(@PathVariable long id, Model model) {
        EventForm form = new EventForm();
        form.setCourseId(id);
        return eventForm(form, null, model);
    }

    @PostMapping("/capacity/events")
    @PreAuthorize(EDITORS)
    String createEvent(
            @ModelAttribute("form") EventForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return submitted(binding, model)
                .submit(
                        () -> {
                            EventView created = training.createEvent(form.command());
                            redirect.addFlashAttribute("flash", "flash.saved");
                            return "redirect:/capacity/events/" + created.id();
                        },
                        () -> eventForm(form, null, model));
    }

    @GetMapping("/capacity/events/{id}/edit")
    @PreAuthorize(EDITORS)
    String editEvent(@PathVariable long id, Model model) {
        return eventForm(EventForm.of(training.event(id)), id, model);
    }

    @PostMapping("/capacity/events/{id}")
    @PreAuthorize(EDITORS)
    String updateEvent(
            @PathVariable long id,
            @ModelAttribute("form") EventForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return submitted(binding, model)
                .conflictAs("capacity.conflict")
                .submit(
                        () -> {
                            training.updateEvent(
                                    id, form.getVersion() == null ? -1 : form.getVersion(), form.command());
                            redirect.addFlashAttribute("flash", "flash.saved");
                            return "redirect:/capacity/events/" + id;
                        },
                        () -> eventForm(form, id, model));
    }

    @GetMapping("/capacity/events/{id}")
    String event(@PathVariable long id, Model model) {
        EventView event = training.event(id);
        model.addAttribute("event", event);
        model.addAttribute("participants", training.participants(id));
        model.addAttribute("links", ListLinks.fromCurrentRequest(null));
        model.addAttribute("columns", String.join(",", TrainingService.ROSTER_COLUMNS));
        model.addAttribute(
                "location",
                event.locationOrgUnitId() == null
                        ? null
                        : geography
                                .findOrgUnit(event.locationOrgUnitId())
                                .map(OrgUnitView::name)
                                .orElse(null));
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.capacity"), "/capacity"),
                        new Crumb(event.courseTitle(), "/capacity/courses/" + event.courseId()),
                        new Crumb(event.startsOn().toString(), null)));
        return "capacity/event";
    }

    @PostMapping("/capacity/events/{id}/roster")
    @PreAuthorize(EDITORS)
    String importRoster(
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Model model)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            String name = file.getOriginalFilename() == null ? "roster.csv" : file.getOriginalFilename();
            model.addAttribute("report", training.importRoster(id, RosterFiles.read(name, in), dryRun));
        } catch (InvalidInputException e) {
            model.addAttribute(
                    "rosterProblems", FormErrors.translated(e.problems(), messages, LocaleContextHolder.getLocale()));
        }
        return event(id, model);
    }

    @PostMapping("/capacity/events/{id}/participants/{participantId}")
    @PreAuthorize(EDITORS)
    String recordParticipant(
            @PathVariable long id,
            @PathVariable long participantId,
            @RequestParam(required = false) @Nullable Vetting vetting,
            @RequestParam(defaultValue = "false") boolean attended,
            @RequestParam(required = false) java.math.@Nullable BigDecimal preScore,
            @RequestParam(required = false) java.math.@Nullable BigDecimal postScore,
            @RequestParam(defaultValue = "false") boolean certified,
            @RequestParam int version,
            RedirectAttributes redirect) {
        try {
            training.recordParticipant(
                    id,
                    participantId,
                    new ParticipantCommand(vetting, attended, preScore, postScore, certified, version));
            redirect.addFlashAttribute("flash", "flash.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "participantErrors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "capacity.conflict");
        }
        return "redirect:/capacity/events/" + id + "#roster";
    }

    /**
     * The participants of an event (the personnel registry of the event) as CSV or XLSX: by
     * pseudonymous key; the service number and name only for a user who may reveal them, each reveal
     * recorded in the audit log.
     */
    @GetMapping("/capacity/events/{id}/export")
    ResponseEntity<byte[]> exportParticipants(
            @PathVariable long id, @RequestParam(defaultValue = "csv") String format) {
        ListExport.Table<ParticipantRow> table = participantTable(training.mayReveal());
        ListExport.Format.of(format); // a bad format fails before anything is decrypted
        return export.download(table, format, participantRows(training, id));
    }

    /** A participant as exported, with the identity only for a user who may reveal it. */
    record ParticipantRow(
            ParticipantView participant, @Nullable PersonIdentity identity) {}

    /** The participants of an event as rows to export; decrypts identities only for a user who may. */
    static List<ParticipantRow> participantRows(TrainingService training, long eventId) {
        List<ParticipantView> participants = training.participants(eventId);
        boolean reveal = training.mayReveal();
        return participants.stream()
                .map(p -> new ParticipantRow(p, reveal ? training.reveal(p.personId()) : null))
                .toList();
    }

    /** The participants' columns; service number and name only with {@code identities}. */
    static ListExport.Table<ParticipantRow> participantTable(boolean identities) {
        List<ListExport.Column<ParticipantRow>> columns = new java.util.ArrayList<>();
        columns.add(ListExport.column("capacity.person", r -> r.participant().personKey()));
        if (identities) {
            columns.add(ListExport.column(
                    "capacity.person.serviceNumber",
                    r -> r.identity() == null ? null : r.identity().serviceNumber()));
            columns.add(ListExport.column(
                    "capacity.person.name",
                    r -> r.identity() == null ? null : r.identity().name()));
        }
        columns.add(ListExport.column(
                "capacity.person.institution", r -> r.participant().institutionName()));
        columns.add(
                ListExport.column("capacity.person.unit", r -> r.participant().unitName()));
        columns.add(
                ListExport.column("capacity.person.rank", r -> r.participant().rank()));
        columns.add(ListExport.label(
                "capacity.person.sex", "capacity.sex.", r -> r.participant().sex()));
        columns.add(ListExport.label(
                "capacity.participant.vetting",
                "capacity.vetting.",
                r -> r.participant().vetting()));
        columns.add(ListExport.column(
                "capacity.participant.attended", r -> r.participant().attended()));
        columns.add(ListExport.column(
                "capacity.participant.preScore", r -> r.participant().preScore()));
        columns.add(ListExport.column(
                "capacity.participant.postScore", r -> r.participant().postScore()));
        columns.add(ListExport.column(
                "capacity.participant.certified", r -> r.participant().certified()));
        return new ListExport.Table<>("participants", List.copyOf(columns));
    }

    // ---------------------------------------------------------------- personnel

    @GetMapping("/capacity/people/{id}")
    String person(@PathVariable long id, Model model) {
        PersonView person = training.person(id);
        model.addAttribute("person", person);
        model.addAttribute("mayReveal", training.mayReveal());
        model.addAttribute(
                "events",
                person.eventIds().stream()
                        .map(this::visibleEvent)
                        .filter(e -> e != null)
                        .toList());
        model.addAttribute(
                "breadcrumbs", List.of(new Crumb(label("nav.capacity"), "/capacity"), new Crumb(person.key(), null)));
        return "capacity/person";
    }

    @PostMapping("/capacity/people/{id}/reveal")
    String reveal(@PathVariable long id, Model model) {
        model.addAttribute("identity", training.reveal(id));
        return person(id, model);
    }

    @PostMapping("/capacity/people/{id}/in-service")
    @PreAuthorize(EDITORS)
    String inService(
            @PathVariable long id,
            @RequestParam boolean inService,
            @RequestParam int version,
            RedirectAttributes redirect) {
        try {
            training.setInService(id, version, inService);
            redirect.addFlashAttribute("flash", "flash.saved");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "capacity.conflict");
        }
        return "redirect:/capacity/people/" + id;
    }

    // ---------------------------------------------------------------- internals

    private @Nullable EventView visibleEvent(long id) {
        try {
            return training.event(id);
        } catch (org.bluehelm.shared.NotFoundException e) {
            return null;
        }
    }

    private String courseForm(CourseForm form, @Nullable Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("courseId", id);
        model.addAttribute("competencies", Competency.values());
        model.addAttribute("rankLevels", RankLevel.values());
        model.addAttribute("institutions", institutionChoices());
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.capacity"), "/capacity"),
                        new Crumb(id == null ? label("capacity.course.new") : label("capacity.course.edit"), null)));
        return "capacity/course-form";
    }

    private String eventForm(EventForm form, @Nullable Long id, Model model) {
        CourseView course = form.getCourseId() == null ? null : courses.get(form.getCourseId());
        model.addAttribute("form", form);
        model.addAttribute("eventId", id);
        model.addAttribute("course", course);
        model.addAttribute(
                "orgUnits",
                course == null
                        ? List.of()
                        : geography
                                .orgUnits(
                                        new OrgUnitFilter(course.countryCode(), null, null, null, null, null),
                                        PageQuery.of(0, PageQuery.MAX_SIZE, "path", Map.of("path", "path"), "path"))
                                .items());
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.capacity"), "/capacity"),
                        new Crumb(
                                course == null ? "?" : course.title(),
                                course == null ? null : "/capacity/courses/" + course.id()),
                        new Crumb(id == null ? label("capacity.event.new") : label("capacity.event.edit"), null)));
        return "capacity/event-form";
    }

    private List<InstitutionSummary> institutionChoices() {
        return institutions
                .list(
                        new InstitutionFilter(null, null, null, null, null),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "name", Map.of("name", "i.name"), "name"))
                .items();
    }

    /** A submitted form: values the browser sent that do not fit their field refuse it. */
    private FormFlow submitted(BindingResult binding, Model model) {
        return FormFlow.of(messages, model).binding(binding, "capacity.validation.format");
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
