package org.bluehelm.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The data sources Bluehelm ships, with their citations. */
@Controller
class SourcesController {

    @GetMapping("/sources")
    String sources(Model model) {
        model.addAttribute("breadcrumbs", List.of(new Crumb("Data sources", null)));
        return "web/sources";
    }
}
