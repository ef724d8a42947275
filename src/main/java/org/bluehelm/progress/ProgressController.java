package org.bluehelm.progress;

import java.text.NumberFormat;
import java.util.List;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.web.Crumb;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Progress in the browser: a programme's progress and reporting page (linked from the programme),
 * the progress of an indicator at each unit with a target (loaded into the indicator's page by
 * htmx, or a page of its own without JavaScript), and the page that explains the method.
 */
@Controller
class ProgressController {

    private final ProgressService progress;
    private final IndicatorService indicators;
    private final ProgressProperties properties;
    private final MessageSource messages;

    ProgressController(
            ProgressService progress,
            IndicatorService indicators,
            ProgressProperties properties,
            MessageSource messages) {
        this.progress = progress;
        this.indicators = indicators;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping("/programmes/{id}/progress")
    String programme(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Model model) {
        ProgrammeProgress result = progress.programme(id, progress.today());
        model.addAttribute("progress", result);
        model.addAttribute("statuses", ProgressStatus.values());
        model.addAttribute("maxRows", ProgressService.MAX_PROGRAMME_ROWS);
        try {
            model.addAttribute("reporting", progress.reporting(id, from, to));
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
        }
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.programmes"), "/programmes"),
                        new Crumb(result.programmeCode(), "/programmes/" + id),
                        new Crumb(label("progress.title"), null)));
        return "progress/programme";
    }

    /** The full page, or only its table when htmx asks for it from the indicator's page. */
    @GetMapping("/indicators/{id}/progress")
    String indicator(
            @PathVariable long id,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        IndicatorView indicator = indicators.get(id);
        model.addAttribute("indicator", indicator);
        model.addAttribute("asOf", progress.today());
        model.addAttribute("lines", progress.progressByUnit(id, progress.today()));
        model.addAttribute("maxUnits", ProgressService.MAX_INDICATOR_UNITS);
        if (htmx != null) {
            return "progress/indicator :: lines";
        }
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(label("nav.indicators"), "/indicators"),
                        new Crumb(indicator.name(), "/indicators/" + id),
                        new Crumb(label("progress.indicator.title"), null)));
        return "progress/indicator";
    }

    @GetMapping("/progress/method")
    String method(Model model) {
        model.addAttribute("onTrackStatus", ProgressStatus.ON_TRACK);
        model.addAttribute("atRiskStatus", ProgressStatus.AT_RISK);
        model.addAttribute("offTrackStatus", ProgressStatus.OFF_TRACK);
        model.addAttribute("onTrack", percent(properties.onTrack()));
        model.addAttribute("atRisk", percent(properties.atRisk()));
        model.addAttribute("onTrackAtHalf", percent(properties.onTrack() * 0.5));
        model.addAttribute("atRiskAtHalf", percent(properties.atRisk() * 0.5));
        model.addAttribute("trendPeriods", properties.trendPeriods());
        model.addAttribute("stableChange", percent(properties.stableChange()));
        model.addAttribute("dueDays", properties.reportingDueDays());
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("progress.method.title"), null)));
        return "progress/method";
    }

    private static String percent(double share) {
        return NumberFormat.getNumberInstance(LocaleContextHolder.getLocale()).format(ProgressJudge.percent(share));
    }

    private String label(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }
}
