package org.bluehelm.context;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bluehelm.mission.MissionFilter;
import org.bluehelm.mission.MissionService;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.Pillar;
import org.bluehelm.web.Crumb;
import org.bluehelm.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Transition readiness in the browser and the API, and the page that explains the method. */
@Controller
class ReadinessController {

    private final ReadinessService readiness;
    private final MissionService missions;
    private final MessageSource messages;
    private final Clock clock;

    ReadinessController(ReadinessService readiness, MissionService missions, MessageSource messages, Clock clock) {
        this.readiness = readiness;
        this.missions = missions;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/readiness")
    String page(
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Long mission,
            @RequestParam(required = false) @Nullable Long orgUnit,
            @RequestParam(required = false) @Nullable Pillar pillar,
            @RequestParam(required = false) @Nullable String period,
            Model model) {
        String asked = period == null || period.isBlank()
                ? String.valueOf(LocalDate.now(clock).getYear() - 1)
                : period.strip();
        model.addAttribute("period", asked);
        model.addAttribute("pillars", Pillar.values());
        model.addAttribute(
                "missions",
                missions.list(
                                new MissionFilter(null, null, null, null, true),
                                PageQuery.of(
                                        0, PageQuery.MAX_SIZE, "acronym", Map.of("acronym", "m.acronym"), "acronym"))
                        .items());
        if ((country != null && !country.isBlank()) || mission != null || orgUnit != null) {
            try {
                model.addAttribute("readiness", readiness.readiness(country, mission, orgUnit, pillar, asked));
            } catch (InvalidInputException e) {
                model.addAttribute("errors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
            }
        }
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("nav.readiness"), null)));
        return "context/readiness";
    }

    @GetMapping("/readiness/method")
    String method(Model model) {
        model.addAttribute(
                "breadcrumbs",
                List.of(new Crumb(label("nav.readiness"), "/readiness"), new Crumb(label("readiness.method"), null)));
        return "context/readiness-method";
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
