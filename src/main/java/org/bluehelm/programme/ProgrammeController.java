package org.bluehelm.programme;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bluehelm.actor.ActorService;
import org.bluehelm.actor.ActorView;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.institution.InstitutionView;
import org.bluehelm.mission.MissionService;
import org.bluehelm.mission.MissionSummary;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.InvalidInputException;
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
 * Programmes in the browser: list, detail with the results chain and each indicator's values
 * against baseline and target (table and chart), create, edit, delete.
 */
@Controller
class ProgrammeController {

    private static final String MANAGERS = "hasAnyRole('ADMIN', 'MISSION_MANAGER')";
    private static final Pattern INDICATOR_FIELD = Pattern.compile("results\\[(\\d+)]\\.indicatorIds(?:\\[(\\d+)])?");

    private final ProgrammeService programmes;
    private final ProgrammeChoices choices;
    private final ProgressTables progress;
    private final GeographyService geography;
    private final MissionService missions;
    private final ActorService actors;
    private final InstitutionService institutions;
    private final MessageSource messages;
    private final ListExport export;

    ProgrammeController(
            ProgrammeService programmes,
            ProgrammeChoices choices,
            ProgressTables progress,
            GeographyService geography,
            MissionService missions,
            ActorService actors,
            InstitutionService institutions,
            MessageSource messages,
            ListExport export) {
        this.export = export;
        this.programmes = programmes;
        this.choices = choices;
        this.progress = progress;
        this.geography = geography;
        this.missions = missions;
        this.actors = actors;
        this.institutions = institutions;
        this.messages = messages;
    }

    @GetMapping("/programmes")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Pillar pillar,
            @RequestParam(required = false) @Nullable ProgrammeStatus status,
            @RequestParam(required = false) @Nullable Long mission,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        PageResponse<ProgrammeSummary> result = programmes.list(
                new ProgrammeFilter(q, pillar, status, mission, ProgrammeChoices.countryCode(country), null, null),
                PageQuery.of(page, 25, sort, ProgrammeService.SORTS, "code"));
        List<MissionSummary> missionChoices = choices.missions();
        model.addAttribute("result", result);
        model.addAttribute("links", ListLinks.fromCurrentRequest(sort == null ? "code" : sort));
        model.addAttribute("pillars", Pillar.values());
        model.addAttribute("statuses", ProgrammeStatus.values());
        model.addAttribute("missions", missionChoices);
        model.addAttribute("missionAcronyms", acronyms(missionChoices));
        model.addAttribute("countries", choices.countries());
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("nav.programmes"), null)));
        return "programme/list";
    }

    /** The list with its filters as CSV or XLSX: every page, in the user's scope. */
    @GetMapping("/programmes/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Pillar pillar,
            @RequestParam(required = false) @Nullable ProgrammeStatus status,
            @RequestParam(required = false) @Nullable Long mission,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "csv") String format) {
        ProgrammeFilter filter =
                new ProgrammeFilter(q, pillar, status, mission, ProgrammeChoices.countryCode(country), null, null);
        List<ProgrammeSummary> rows = ListExport.allPages(
                (p, size) -> programmes.list(filter, PageQuery.of(p, size, sort, ProgrammeService.SORTS, "code")));
        Map<Long, String> acronyms = acronyms(choices.missions());
        return export.download(
                "programmes",
                format,
                List.<ListExport.Column<ProgrammeSummary>>of(
                        ListExport.column("programme.code", ProgrammeSummary::code),
                        ListExport.column("programme.name", ProgrammeSummary::name),
                        ListExport.label("programme.pillar", "pillar.", ProgrammeSummary::pillar),
                        ListExport.label("programme.status", "programme.status.", ProgrammeSummary::status),
                        ListExport.column("programme.country", ProgrammeSummary::countryCode),
                        ListExport.column(
                                "programme.mission", p -> p.missionId() == null ? null : acronyms.get(p.missionId())),
                        ListExport.column("programme.lead", ProgrammeSummary::leadActorName),
                        ListExport.column("programme.startDate", ProgrammeSummary::startDate),
                        ListExport.column("programme.endDate", ProgrammeSummary::endDate)),
                rows);
    }

    @GetMapping("/programmes/{id}")
    String detail(@PathVariable long id, Model model) {
        ProgrammeView programme = programmes.get(id);
        Locale locale = LocaleContextHolder.getLocale();
        List<ProgrammeIndicatorView> chain = programmes.indicators(id);
        List<OrgUnitView> locations = programme.locationIds().stream()
                .map(choices::orgUnit)
                .flatMap(Optional::stream)
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
                .toList();
        model.addAttribute("programme", programme);
        model.addAttribute(
                "country", geography.findCountry(programme.countryCode()).orElse(null));
        model.addAttribute(
                "missionAcronym",
                programme.missionId() == null
                        ? null
                        : missions.findAcronym(programme.missionId()).orElse(null));
        model.addAttribute("budget", budget(programme.budgetAmount(), programme.budgetCurrency(), locale));
        model.addAttribute("locations", locations);
        model.addAttribute(
                "supported",
                programme.institutionIds().stream()
                        .map(institutions::view)
                        .flatMap(Optional::stream)
                        .toList());
        model.addAttribute("chain", chain(programme));
        model.addAttribute("indicators", byId(chain));
        model.addAttribute("progress", progress.tables(chain, locations, locale));
        model.addAttribute("maxPeriods", ProgressTables.MAX_PERIODS);
        model.addAttribute(
                "breadcrumbs",
                List.of(new Crumb(label("nav.programmes"), "/programmes"), new Crumb(programme.code(), null)));
        return "programme/detail";
    }

    @GetMapping("/programmes/new")
    @PreAuthorize(MANAGERS)
    String newForm(
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Long mission,
            Model model) {
        ProgrammeForm form = new ProgrammeForm();
        form.setCountryCode(ProgrammeChoices.countryCode(country));
        form.setMissionId(mission);
        form.setStatus(ProgrammeStatus.PLANNED);
        return form(form.withBlankRows(), null, model);
    }

    /** The organisation units and institutions of the country typed, for the form to offer (htmx). */
    @GetMapping("/programmes/choices")
    @PreAuthorize(MANAGERS)
    String countryChoices(@ModelAttribute("form") ProgrammeForm form, Model model) {
        addCountryChoices(form, model);
        return "programme/form :: countryChoices";
    }

    @PostMapping("/programmes")
    @PreAuthorize(MANAGERS)
    String create(
            @ModelAttribute("form") ProgrammeForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("errors", bindingErrors(binding));
            return form(form.withBlankRows(), null, model);
        }
        if (countryChanged(form)) {
            model.addAttribute("choicesNotice", true);
            return form(form.withBlankRows(), null, model);
        }
        try {
            ProgrammeView created = programmes.create(form.command(choices::indicatorId));
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/programmes/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e, form));
        } catch (ForbiddenException e) {
            model.addAttribute("errors", outsideScope());
        }
        return form(form.withBlankRows(), null, model);
    }

    @GetMapping("/programmes/{id}/edit")
    @PreAuthorize(MANAGERS)
    String editForm(@PathVariable long id, Model model) {
        return form(stored(id), id, model);
    }

    @PostMapping("/programmes/{id}")
    @PreAuthorize(MANAGERS)
    String update(
            @PathVariable long id,
            @ModelAttribute("form") ProgrammeForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("errors", bindingErrors(binding));
            return form(form.withBlankRows(), id, model);
        }
        if (countryChanged(form)) {
            model.addAttribute("choicesNotice", true);
            return form(form.withBlankRows(), id, model);
        }
        try {
            programmes.update(
                    id, form.getVersion() == null ? -1 : form.getVersion(), form.command(choices::indicatorId));
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/programmes/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e, form));
        } catch (ForbiddenException e) {
            model.addAttribute("errors", outsideScope());
        } catch (ConflictException e) {
            model.addAttribute("conflict", changes(form.withBlankRows(), stored(id)));
            model.addAttribute("reloadUrl", "/programmes/" + id + "/edit");
        }
        return form(form.withBlankRows(), id, model);
    }

    @PostMapping("/programmes/{id}/delete")
    @PreAuthorize(MANAGERS)
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            programmes.delete(id, version);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "programme.delete.stale");
            return "redirect:/programmes/" + id;
        }
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/programmes";
    }

    private ProgrammeForm stored(long id) {
        Map<Long, String> codes = new LinkedHashMap<>();
        programmes.indicators(id).forEach(i -> codes.put(i.id(), i.code()));
        return ProgrammeForm.of(programmes.get(id), codes);
    }

    private String form(ProgrammeForm form, @Nullable Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("programmeId", id);
        model.addAttribute("pillars", Pillar.values());
        model.addAttribute("statuses", ProgrammeStatus.values());
        model.addAttribute("roles", PartnerRole.values());
        model.addAttribute("levels", ResultLevel.values());
        model.addAttribute("countries", choices.countries());
        model.addAttribute("missions", choices.missions());
        List<@Nullable Long> chosenActors = new ArrayList<>();
        chosenActors.add(form.getLeadActorId());
        form.getPartners().forEach(p -> chosenActors.add(p.getActorId()));
        model.addAttribute("actors", choices.actors(chosenActors));
        model.addAttribute(
                "indicatorChoices",
                choices.indicators(ProgrammeChoices.countryCode(form.getCountryCode()), form.getMissionId()));
        addCountryChoices(form, model);
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.programmes"), "/programmes"),
                        new Crumb(id == null ? label("programme.new") : Objects.toString(form.getCode(), ""), null)));
        return "programme/form";
    }

    /** The units and institutions offered for the form's country; the form remembers which country that was. */
    private void addCountryChoices(ProgrammeForm form, Model model) {
        String country = ProgrammeChoices.countryCode(form.getCountryCode());
        boolean known = geography.countryExists(country);
        form.setChoicesFor(known ? country : null);
        model.addAttribute("form", form);
        model.addAttribute("orgUnits", choices.orgUnits(country, form.getLocationIds()));
        model.addAttribute("institutionChoices", choices.institutions(country, form.getInstitutionIds()));
        model.addAttribute(
                "choicesCountry",
                known
                        ? geography
                                .findCountry(country)
                                .map(c -> countryName(c.nameEn(), c.nameFr()))
                                .orElse(country)
                        : null);
    }

    /**
     * Whether the country was changed to one whose units and institutions the form has not offered
     * yet (without JavaScript the choices follow the country only when the page comes back).
     */
    private boolean countryChanged(ProgrammeForm form) {
        String country = ProgrammeChoices.countryCode(form.getCountryCode());
        return country != null
                && !country.equals(ProgrammeChoices.countryCode(form.getChoicesFor()))
                && choices.hasChoices(country);
    }

    /**
     * The problems by form field, in the user's language. The service names indicators by their
     * place in a result ({@code results[0].indicatorIds[1]}); the form has one field of codes per
     * result, so such a problem goes to that field and names the code.
     */
    private Map<String, String> errors(InvalidInputException e, ProgrammeForm form) {
        Locale locale = LocaleContextHolder.getLocale();
        List<ProgrammeForm.ResultRow> rows = form.filledResults();
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldProblem p : e.problems()) {
            Matcher m = INDICATOR_FIELD.matcher(p.field());
            if (!m.matches()) {
                problems.add(p);
                continue;
            }
            int row = Integer.parseInt(m.group(1));
            String field = "results[" + row + "].indicators";
            if (m.group(2) == null || row >= rows.size()) {
                problems.add(new FieldProblem(field, p.message(), p.code(), p.args()));
                continue;
            }
            int index = Integer.parseInt(m.group(2));
            List<String> codes = rows.get(row).indicatorCodes();
            String code = index < codes.size() ? codes.get(index) : "#" + index;
            String text;
            if ("programme.validation.indicatorNotFound".equals(p.code())) {
                text = messages.getMessage("programme.validation.indicatorCodeUnknown", new Object[] {code}, locale);
            } else {
                String reason = p.code() == null
                        ? p.message()
                        : messages.getMessage(p.code(), p.args().toArray(), p.message(), locale);
                text = messages.getMessage("programme.validation.indicatorCode", new Object[] {code, reason}, locale);
            }
            problems.add(new FieldProblem(field, text));
        }
        return FormErrors.of(new InvalidInputException(problems), messages, locale);
    }

    private Map<String, String> outsideScope() {
        return Map.of("countryCode", label("programme.validation.outsideScope"));
    }

    private Map<String, String> bindingErrors(BindingResult binding) {
        // Only a value of the wrong type gets here: number and date fields hold nothing else.
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            errors.put(
                    error.getField(),
                    messages.getMessage(
                            "programme.validation.format",
                            new Object[] {error.getRejectedValue()},
                            "is not valid",
                            LocaleContextHolder.getLocale()));
        }
        return errors;
    }

    /** The outcomes in order, each with its outputs; an output whose outcome is missing stands alone. */
    static List<ChainEntry> chain(ProgrammeView programme) {
        Map<String, ChainEntry> outcomes = new LinkedHashMap<>();
        List<ChainEntry> entries = new ArrayList<>();
        for (ProgrammeView.ResultView r : programme.results()) {
            if (r.level() == ResultLevel.OUTCOME) {
                ChainEntry entry = new ChainEntry(r, new ArrayList<>());
                outcomes.put(r.code(), entry);
                entries.add(entry);
            }
        }
        for (ProgrammeView.ResultView r : programme.results()) {
            if (r.level() == ResultLevel.OUTPUT) {
                ChainEntry outcome = r.parentCode() == null ? null : outcomes.get(r.parentCode());
                if (outcome != null) {
                    outcome.outputs().add(r);
                } else {
                    entries.add(new ChainEntry(r, new ArrayList<>()));
                }
            }
        }
        return entries;
    }

    /** An outcome with the outputs that serve it. */
    record ChainEntry(ProgrammeView.ResultView result, List<ProgrammeView.ResultView> outputs) {}

    private static Map<Long, ProgrammeIndicatorView> byId(List<ProgrammeIndicatorView> chain) {
        Map<Long, ProgrammeIndicatorView> byId = new LinkedHashMap<>();
        chain.forEach(i -> byId.put(i.id(), i));
        return byId;
    }

    /** The budget in the reader's conventions, e.g. US$4,500,000 or 4 500 000 $US. */
    static @Nullable String budget(@Nullable BigDecimal amount, @Nullable String currencyCode, Locale locale) {
        if (amount == null) {
            return null;
        }
        if (currencyCode == null) {
            return NumberFormat.getNumberInstance(locale).format(amount);
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        try {
            format.setCurrency(Currency.getInstance(currencyCode));
        } catch (IllegalArgumentException e) {
            return NumberFormat.getNumberInstance(locale).format(amount) + " " + currencyCode;
        }
        BigDecimal plain = amount.stripTrailingZeros();
        if (plain.scale() <= 0) {
            format.setMinimumFractionDigits(0);
            format.setMaximumFractionDigits(0);
        }
        return format.format(amount);
    }

    private List<FieldChange> changes(ProgrammeForm yours, ProgrammeForm theirs) {
        List<FieldChange> changes = new ArrayList<>();
        FieldChange.addIfDifferent(changes, label("programme.code"), yours.getCode(), theirs.getCode());
        FieldChange.addIfDifferent(changes, label("programme.name"), yours.getName(), theirs.getName());
        FieldChange.addIfDifferent(
                changes,
                label("programme.pillar"),
                enumLabel("pillar.", yours.getPillar()),
                enumLabel("pillar.", theirs.getPillar()));
        FieldChange.addIfDifferent(
                changes, label("programme.objectives"), yours.getObjectives(), theirs.getObjectives());
        FieldChange.addIfDifferent(
                changes,
                label("programme.country"),
                ProgrammeChoices.countryCode(yours.getCountryCode()),
                theirs.getCountryCode());
        FieldChange.addIfDifferent(
                changes, label("programme.mission"), acronym(yours.getMissionId()), acronym(theirs.getMissionId()));
        FieldChange.addIfDifferent(
                changes,
                label("programme.lead"),
                actorName(yours.getLeadActorId()),
                actorName(theirs.getLeadActorId()));
        FieldChange.addIfDifferent(changes, label("programme.partners"), partnersText(yours), partnersText(theirs));
        FieldChange.addIfDifferent(changes, label("programme.budget"), budgetText(yours), budgetText(theirs));
        FieldChange.addIfDifferent(changes, label("programme.startDate"), yours.getStartDate(), theirs.getStartDate());
        FieldChange.addIfDifferent(changes, label("programme.endDate"), yours.getEndDate(), theirs.getEndDate());
        FieldChange.addIfDifferent(
                changes,
                label("programme.status"),
                enumLabel("programme.status.", yours.getStatus()),
                enumLabel("programme.status.", theirs.getStatus()));
        FieldChange.addIfDifferent(changes, label("programme.locations"), locationsText(yours), locationsText(theirs));
        FieldChange.addIfDifferent(
                changes, label("programme.institutions"), institutionsText(yours), institutionsText(theirs));
        FieldChange.addIfDifferent(changes, label("programme.results"), resultsText(yours), resultsText(theirs));
        return changes;
    }

    private String partnersText(ProgrammeForm form) {
        return form.getPartners().stream()
                .filter(p -> p.getActorId() != null || p.getRole() != null)
                .map(p -> actorName(p.getActorId()) + " (" + enumLabel("programme.role.", p.getRole()) + ")")
                .collect(Collectors.joining("; "));
    }

    private static String budgetText(ProgrammeForm form) {
        String amount = form.getBudgetAmount() == null
                ? ""
                : form.getBudgetAmount().stripTrailingZeros().toPlainString();
        String currency =
                form.getBudgetCurrency() == null ? "" : form.getBudgetCurrency().strip();
        return (amount + " " + currency.toUpperCase(Locale.ROOT)).strip();
    }

    private String locationsText(ProgrammeForm form) {
        return form.getLocationIds().stream()
                .filter(Objects::nonNull)
                .map(id -> choices.orgUnit(id).map(OrgUnitView::name).orElse("#" + id))
                .sorted()
                .collect(Collectors.joining(", "));
    }

    private String institutionsText(ProgrammeForm form) {
        return form.getInstitutionIds().stream()
                .filter(Objects::nonNull)
                .map(id -> institutions.view(id).map(InstitutionView::name).orElse("#" + id))
                .sorted()
                .collect(Collectors.joining(", "));
    }

    private String resultsText(ProgrammeForm form) {
        return form.filledResults().stream()
                .map(r -> Objects.toString(r.getCode(), "") + " " + enumLabel("programme.level.", r.getLevel()) + ": "
                        + Objects.toString(r.getTitle(), "")
                        + (r.getParentCode() == null || r.getParentCode().isBlank() ? "" : " → " + r.getParentCode())
                        + (r.indicatorCodes().isEmpty() ? "" : " [" + String.join(", ", r.indicatorCodes()) + "]"))
                .collect(Collectors.joining("; "));
    }

    private @Nullable String acronym(@Nullable Long missionId) {
        return missionId == null ? null : missions.findAcronym(missionId).orElse("#" + missionId);
    }

    private String actorName(@Nullable Long actorId) {
        return actorId == null ? "" : actors.view(actorId).map(ActorView::name).orElse("#" + actorId);
    }

    private String enumLabel(String prefix, @Nullable Enum<?> value) {
        return value == null ? "" : label(prefix + value.name());
    }

    private String countryName(String english, String french) {
        return "fr".equals(LocaleContextHolder.getLocale().getLanguage()) ? french : english;
    }

    private static Map<Long, String> acronyms(List<MissionSummary> missions) {
        Map<Long, String> acronyms = new LinkedHashMap<>();
        missions.forEach(m -> acronyms.put(m.id(), m.acronym()));
        return acronyms;
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
