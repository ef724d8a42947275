package org.bluehelm.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bluehelm.alert.AlertService;
import org.bluehelm.alert.AlertView;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.indicator.DisaggregationService;
import org.bluehelm.measurement.DataValueView;
import org.bluehelm.measurement.MeasurementService;
import org.bluehelm.mission.MissionFilter;
import org.bluehelm.mission.MissionService;
import org.bluehelm.mission.MissionStatus;
import org.bluehelm.mission.MissionSummary;
import org.bluehelm.programme.ProgrammeService;
import org.bluehelm.programme.ProgrammeStatus;
import org.bluehelm.programme.ProgrammeSummary;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home dashboard. Each block of the page is its own {@code <section>} fed by its own model
 * attributes, so that other modules' blocks (programmes, latest data, what needs attention) can be
 * added beside the missions without touching them.
 */
@Controller
class HomeController {

    /** How many missions in scope the home table lists; the rest are one click away on /missions. */
    static final int TABLE_SIZE = 25;

    static final int PROGRAMMES = 10;
    static final int LATEST_VALUES = 10;
    static final int OPEN_ALERTS = 5;

    /** Something on the home page that asks for someone's action, with a link to where to act. */
    record Attention(String messageKey, String subject, String href) {}

    /** Most current first: missions still running, then by the date they ended, latest first. */
    private static final Map<String, String> SORTS = Map.of("current", "coalesce(m.end_date, date '9999-12-31')");

    private final MissionService missions;
    private final ProgrammeService programmes;
    private final MeasurementService measurements;
    private final GeographyService geography;
    private final DisaggregationService disaggregations;
    private final AlertService alerts;
    private final Clock clock;

    HomeController(
            MissionService missions,
            ProgrammeService programmes,
            MeasurementService measurements,
            GeographyService geography,
            DisaggregationService disaggregations,
            AlertService alerts,
            Clock clock) {
        this.missions = missions;
        this.programmes = programmes;
        this.measurements = measurements;
        this.geography = geography;
        this.disaggregations = disaggregations;
        this.alerts = alerts;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        PageResponse<MissionSummary> inScope = missions.list(
                new MissionFilter(null, null, null, null, true),
                PageQuery.of(0, TABLE_SIZE, "-current", SORTS, "-current"));
        long active = missions.list(
                        new MissionFilter(null, MissionStatus.ACTIVE, null, null, true),
                        PageQuery.of(0, 1, "-current", SORTS, "-current"))
                .total();
        model.addAttribute("missions", inScope);
        model.addAttribute("missionCount", inScope.total());
        model.addAttribute("activeCount", active);

        List<ProgrammeSummary> recent = programmes.summariesForDashboard(PROGRAMMES);
        model.addAttribute("programmes", recent);

        List<DataValueView> latest = measurements.latest(LATEST_VALUES);
        Map<Long, String> unitNames = new HashMap<>();
        latest.forEach(v -> unitNames.computeIfAbsent(
                v.orgUnitId(), id -> geography.orgUnit(id).name()));
        model.addAttribute("latest", latest);
        model.addAttribute("unitNames", unitNames);
        Map<Long, String> optionNames = new HashMap<>();
        latest.stream()
                .map(DataValueView::categoryCode)
                .filter(Objects::nonNull)
                .distinct()
                .forEach(code -> disaggregations
                        .findByCode(code)
                        .ifPresent(c -> c.options().forEach(o -> optionNames.put(o.id(), o.name()))));
        model.addAttribute("optionNames", optionNames);

        model.addAttribute("attention", attention(recent));
        return "dashboard/home";
    }

    /**
     * What needs attention among the user's recent programmes: active ones whose end date has passed,
     * and ones whose results chain has no indicator, so nothing can be measured; then the latest
     * open alerts in the user's scope.
     */
    private List<Attention> attention(List<ProgrammeSummary> recent) {
        LocalDate today = LocalDate.now(clock);
        List<Attention> items = new ArrayList<>();
        for (ProgrammeSummary p : recent) {
            String href = "/programmes/" + p.id();
            if (p.status() == ProgrammeStatus.ACTIVE
                    && p.endDate() != null
                    && p.endDate().isBefore(today)) {
                items.add(new Attention("home.attention.pastEnd", p.code(), href));
            }
            if (programmes.indicatorIds(p.id()).isEmpty()) {
                items.add(new Attention("home.attention.noIndicator", p.code(), href));
            }
        }
        for (AlertView a : alerts.latestOpen(OPEN_ALERTS)) {
            items.add(new Attention(
                    "alert.attention",
                    a.indicatorCode() + " · " + a.orgUnitName() + " · " + a.period(),
                    "/alerts?state=OPEN&indicator=" + a.indicatorId()));
        }
        return items;
    }
}
