package org.bluehelm.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bluehelm.geography.CountryView;
import org.bluehelm.mission.DeploymentView;
import org.bluehelm.mission.MissionView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The portal's pages (no sign-in, no script) and their open-data downloads. */
@Controller
@RequestMapping("/public")
class PortalController {

    private final PortalService portal;

    PortalController(PortalService portal) {
        this.portal = portal;
    }

    @GetMapping
    String home(Model model, HttpServletResponse response) {
        cache(response);
        model.addAttribute("countries", portal.countries());
        model.addAttribute("missions", portal.missions());
        return "portal/home";
    }

    @GetMapping("/countries/{iso3}")
    String country(@PathVariable String iso3, Model model, HttpServletResponse response, java.util.Locale locale) {
        cache(response);
        CountryView country = portal.country(iso3);
        model.addAttribute("country", country);
        model.addAttribute("values", portal.countryValues(country.iso3()));
        model.addAttribute(
                "comparison",
                portal.comparison(country.iso3(), locale.getLanguage()).orElse(null));
        model.addAttribute("citation", portal.citation(country.nameEn() + ": indicators", here()));
        model.addAttribute("licence", PortalService.LICENCE);
        model.addAttribute("licenceUrl", PortalService.LICENCE_URL);
        return "portal/country";
    }

    @GetMapping("/missions/{id}")
    String mission(@PathVariable long id, Model model, HttpServletResponse response) {
        cache(response);
        MissionView mission = portal.mission(id);
        model.addAttribute("mission", mission);
        model.addAttribute("values", portal.missionValues(id));
        model.addAttribute("deployments", portal.deployments(id));
        model.addAttribute("citation", portal.citation(mission.acronym() + ": indicators", here()));
        model.addAttribute("licence", PortalService.LICENCE);
        model.addAttribute("licenceUrl", PortalService.LICENCE_URL);
        return "portal/mission";
    }

    @GetMapping("/countries/{iso3}/indicators.csv")
    ResponseEntity<byte[]> countryCsv(@PathVariable String iso3) {
        CountryView country = portal.country(iso3);
        return csv(PortalDownloads.valuesCsv(portal.countryValues(country.iso3())), country.iso3() + "-indicators.csv");
    }

    @GetMapping("/countries/{iso3}/indicators.json")
    ResponseEntity<PublicTable<PublicValue>> countryJson(@PathVariable String iso3) {
        CountryView country = portal.country(iso3);
        String title = country.nameEn() + ": indicators";
        return json(table(title, portal.countryValues(country.iso3())), country.iso3() + "-indicators.json");
    }

    @GetMapping("/missions/{id}/indicators.csv")
    ResponseEntity<byte[]> missionCsv(@PathVariable long id) {
        MissionView mission = portal.mission(id);
        return csv(PortalDownloads.valuesCsv(portal.missionValues(id)), mission.acronym() + "-indicators.csv");
    }

    @GetMapping("/missions/{id}/indicators.json")
    ResponseEntity<PublicTable<PublicValue>> missionJson(@PathVariable long id) {
        MissionView mission = portal.mission(id);
        return json(
                table(mission.acronym() + ": indicators", portal.missionValues(id)),
                mission.acronym() + "-indicators.json");
    }

    @GetMapping("/missions/{id}/deployments.csv")
    ResponseEntity<byte[]> deploymentsCsv(@PathVariable long id) {
        MissionView mission = portal.mission(id);
        return csv(PortalDownloads.deploymentsCsv(portal.deployments(id)), mission.acronym() + "-deployments.csv");
    }

    @GetMapping("/missions/{id}/deployments.json")
    ResponseEntity<PublicTable<DeploymentView>> deploymentsJson(@PathVariable long id) {
        MissionView mission = portal.mission(id);
        // the deployment figures are reference data: each row keeps its source's citation and terms
        return json(
                new PublicTable<>(
                        mission.acronym() + ": deployments",
                        "Terms of each row's source (see its citation)",
                        "",
                        "Each row: its citation. Compiled by the Bluehelm transparency portal, " + here() + ".",
                        portal.deployments(id)),
                mission.acronym() + "-deployments.json");
    }

    private <T> PublicTable<T> table(String title, List<T> rows) {
        return new PublicTable<>(
                title, PortalService.LICENCE, PortalService.LICENCE_URL, portal.citation(title, here()), rows);
    }

    private static String here() {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQuery(null)
                .toUriString();
    }

    private static void cache(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, PortalWebConfiguration.CACHE.getHeaderValue());
        response.setHeader(HttpHeaders.VARY, "Cookie, Accept-Language");
    }

    private static ResponseEntity<byte[]> csv(String body, String fileName) {
        return ResponseEntity.ok()
                .cacheControl(PortalWebConfiguration.CACHE)
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> ResponseEntity<T> json(T body, String fileName) {
        return ResponseEntity.ok()
                .cacheControl(PortalWebConfiguration.CACHE)
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .body(body);
    }
}
