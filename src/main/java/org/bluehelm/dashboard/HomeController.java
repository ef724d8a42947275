package org.bluehelm.dashboard;

import java.util.Map;
import org.bluehelm.mission.MissionFilter;
import org.bluehelm.mission.MissionService;
import org.bluehelm.mission.MissionStatus;
import org.bluehelm.mission.MissionSummary;
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

    /** Most current first: missions still running, then by the date they ended, latest first. */
    private static final Map<String, String> SORTS = Map.of("current", "coalesce(m.end_date, date '9999-12-31')");

    private final MissionService missions;

    HomeController(MissionService missions) {
        this.missions = missions;
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
        return "dashboard/home";
    }
}
