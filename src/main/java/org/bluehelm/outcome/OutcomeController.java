package org.bluehelm.outcome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.web.FormErrors;
import org.bluehelm.web.ListExport;
import org.bluehelm.web.ListLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The screens: the series with their sources, a country's panel rows, uploads and the case comparison. */
@Controller
class OutcomeController {

    static final String DEFAULT_COUNTRY = "LBR";
    static final String DEFAULT_COMPARE = "SOM";
    static final String DEFAULT_SERIES = "wgi_rule_of_law";

    /** The series as a file: the columns of the list, the label in the user's language. */
    static final ListExport.Table<SeriesView> SERIES = ListExport.Table.of(
            "reference-series",
            ListExport.column("outcome.series.code", SeriesView::code),
            ListExport.column(
                    "outcome.series.label",
                    s -> s.label(LocaleContextHolder.getLocale().getLanguage())),
            ListExport.column("outcome.series.unit", SeriesView::unit),
            ListExport.column("outcome.series.firstYear", SeriesView::firstYear),
            ListExport.column("outcome.series.lastYear", SeriesView::lastYear),
            ListExport.column("outcome.series.values", SeriesView::values),
            ListExport.column("outcome.series.link", SeriesView::source),
            ListExport.column("outcome.series.citation", SeriesView::citation),
            ListExport.column("outcome.series.licence", SeriesView::licence),
            ListExport.column("outcome.series.url", SeriesView::url));

    private final OutcomeService outcomes;
    private final ListExport export;
    private final MessageSource messages;

    OutcomeController(OutcomeService outcomes, ListExport export, MessageSource messages) {
        this.outcomes = outcomes;
        this.export = export;
        this.messages = messages;
    }

    /** The series (the same as the list) as CSV or XLSX. */
    @GetMapping("/reference/series/export")
    ResponseEntity<byte[]> exportSeries(@RequestParam(defaultValue = "csv") String format) {
        return export.download(SERIES, format, outcomes.series());
    }

    @GetMapping("/reference/series")
    String series(Model model) {
        model.addAttribute("series", outcomes.series());
        model.addAttribute("links", ListLinks.fromCurrentRequest(null));
        model.addAttribute("countries", outcomes.countries(language()));
        return "outcome/series";
    }

    @GetMapping("/reference/countries")
    String pickCountry(@RequestParam(required = false) @Nullable String country) {
        return country == null || country.isBlank()
                ? "redirect:/reference/series"
                : "redirect:/reference/countries/" + country.strip().toUpperCase(Locale.ROOT);
    }

    @GetMapping("/reference/countries/{iso3}")
    String country(@PathVariable String iso3, Model model) {
        PanelTable panel = outcomes.panel(null, List.of(iso3), null, null);
        model.addAttribute("iso3", iso3.toUpperCase(Locale.ROOT));
        model.addAttribute(
                "name",
                outcomes.countries(language()).stream()
                        .filter(c -> c.iso3().equalsIgnoreCase(iso3))
                        .map(OutcomeService.CountryOption::name)
                        .findFirst()
                        .orElse(iso3));
        model.addAttribute("panel", panel);
        return "outcome/country";
    }

    @GetMapping("/reference/uploads")
    String uploads(Model model) {
        model.addAttribute(
                "uploads",
                outcomes.series().stream().filter(SeriesView::uploaded).toList());
        return "outcome/uploads";
    }

    @PostMapping("/reference/uploads")
    String upload(
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String label,
            @RequestParam(required = false) @Nullable String citation,
            @RequestParam(required = false) @Nullable String unit,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        String csv = file == null || file.isEmpty() ? null : new String(file.getBytes(), StandardCharsets.UTF_8);
        try {
            SeriesView s = outcomes.upload(new UploadSeries(label, citation, unit, csv));
            redirect.addFlashAttribute("flash", "outcome.upload.saved");
            return "redirect:/reference/uploads#" + s.code();
        } catch (InvalidInputException e) {
            model.addAttribute("problems", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
            model.addAttribute("label", label);
            model.addAttribute("citation", citation);
            model.addAttribute("unit", unit);
            return uploads(model);
        }
    }

    @PostMapping("/reference/series/{code}/delete")
    String delete(@PathVariable String code, RedirectAttributes redirect) {
        outcomes.deleteUpload(code);
        redirect.addFlashAttribute("flash", "outcome.upload.deleted");
        return "redirect:/reference/uploads";
    }

    @GetMapping("/evidence/comparison")
    String comparison(
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable List<String> series,
            @RequestParam(required = false) @Nullable List<String> compare,
            @RequestParam(required = false) @Nullable Integer from,
            @RequestParam(required = false) @Nullable Integer to,
            Model model) {
        String chosen = country == null || country.isBlank() ? DEFAULT_COUNTRY : country;
        List<String> codes = series == null || series.isEmpty() ? List.of(DEFAULT_SERIES) : series;
        List<String> others = compare == null
                ? (DEFAULT_COUNTRY.equalsIgnoreCase(chosen) ? List.of(DEFAULT_COMPARE) : List.of())
                : compare.stream().filter(c -> !c.isBlank()).toList();
        model.addAttribute("countries", outcomes.countries(language()));
        model.addAttribute("allSeries", outcomes.series());
        model.addAttribute("chosenCountry", chosen.toUpperCase(Locale.ROOT));
        model.addAttribute("chosenSeries", codes);
        model.addAttribute(
                "chosenCompare",
                others.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList());
        model.addAttribute("from", from == null ? 1990 : from);
        model.addAttribute("to", to == null ? java.time.LocalDate.now().getYear() : to);
        try {
            model.addAttribute("comparison", outcomes.comparison(chosen, codes, others, from, to, language()));
        } catch (InvalidInputException e) {
            model.addAttribute("problems", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
        }
        return "outcome/comparison";
    }

    private static String language() {
        return LocaleContextHolder.getLocale().getLanguage();
    }
}
