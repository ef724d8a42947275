package org.bluehelm.dashboard;

import java.util.Map;
import org.bluehelm.mission.MissionFilter;
import org.bluehelm.mission.MissionService;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final MissionService missions;

    HomeController(MissionService missions) {
        this.missions = missions;
    }

    @GetMapping("/")
    String home(Model model) {
        AccessScope scope = AccessScope.current();
        model.addAttribute("scope", scope);
        model.addAttribute(
                "missions",
                missions.list(
                        new MissionFilter(null, null, null, null, true),
                        PageQuery.of(0, 50, "-startDate", Map.of("startDate", "m.start_date"), "-startDate")));
        return "dashboard/home";
    }
}
