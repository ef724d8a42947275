package org.bluehelm.portal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.function.Supplier;
import org.bluehelm.complaint.AccountabilityStatistic;
import org.bluehelm.geography.CountryView;
import org.bluehelm.mission.DeploymentView;
import org.bluehelm.mission.MissionSummary;
import org.bluehelm.mission.MissionView;
import org.bluehelm.ssrindex.SsrIndexSeries;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The portal's read-only public API: no sign-in, GET only, callable from any web site. */
@RestController
@RequestMapping("/api/public/v1")
@CrossOrigin(origins = "*", methods = RequestMethod.GET)
@Tag(name = "Public portal", description = "Approved, released and suppressed figures for anyone, without sign-in")
class PortalApiController {

    private final PortalService portal;

    PortalApiController(PortalService portal) {
        this.portal = portal;
    }

    @GetMapping("/countries")
    @Operation(summary = "Countries with a peace operation or published figures")
    ResponseEntity<List<CountryView>> countries() {
        return ok(portal::countries);
    }

    @GetMapping("/countries/{iso3}/indicators")
    @Operation(summary = "Approved values of released indicators in a country, small cells suppressed")
    ResponseEntity<PublicTable<PublicValue>> countryIndicators(@PathVariable String iso3) {
        CountryView country = portal.country(iso3);
        return ok(() -> table(country.nameEn() + ": indicators", portal.countryValues(country.iso3())));
    }

    @GetMapping("/missions")
    @Operation(summary = "Peace operations of the reference list")
    ResponseEntity<List<MissionSummary>> missions() {
        return ok(portal::missions);
    }

    @GetMapping("/missions/{id}")
    @Operation(summary = "A mission with its host countries and mandate")
    ResponseEntity<MissionView> mission(@PathVariable long id) {
        return ok(() -> portal.mission(id));
    }

    @GetMapping("/missions/{id}/indicators")
    @Operation(summary = "Approved values of released indicators recorded for a mission, small cells suppressed")
    ResponseEntity<PublicTable<PublicValue>> missionIndicators(@PathVariable long id) {
        MissionView mission = portal.mission(id);
        return ok(() -> table(mission.acronym() + ": indicators", portal.missionValues(id)));
    }

    @GetMapping("/missions/{id}/deployments")
    @Operation(summary = "Personnel deployed by year and source, each row with its citation")
    ResponseEntity<List<DeploymentView>> deployments(@PathVariable long id) {
        return ok(() -> portal.deployments(id));
    }

    @GetMapping("/countries/{iso3}/index")
    @Operation(summary = "The SSR index by year from approved values of released indicators, with coverage")
    ResponseEntity<PublicTable<SsrIndexSeries>> countryIndex(@PathVariable String iso3) {
        CountryView country = portal.country(iso3);
        return ok(() -> table(country.nameEn() + ": SSR index", portal.countryIndex(country.iso3())));
    }

    @GetMapping("/countries/{iso3}/accountability")
    @Operation(
            summary = "Complaints and cases by year and institution: received, closed, substantiated, median days to"
                    + " close, overdue; counts under 5 suppressed")
    ResponseEntity<PublicTable<AccountabilityStatistic>> accountability(@PathVariable String iso3) {
        CountryView country = portal.country(iso3);
        return ok(() -> table(country.nameEn() + ": accountability statistics", portal.accountability(country.iso3())));
    }

    @GetMapping("/missions/{id}/index")
    @Operation(summary = "The SSR index of a mission's released indicators by year, with coverage")
    ResponseEntity<PublicTable<SsrIndexSeries>> missionIndex(@PathVariable long id) {
        MissionView mission = portal.mission(id);
        return ok(() -> table(mission.acronym() + ": SSR index", portal.missionIndex(id)));
    }

    private <T> PublicTable<T> table(String title, List<T> rows) {
        String here = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQuery(null)
                .toUriString();
        return new PublicTable<>(
                title, PortalService.LICENCE, PortalService.LICENCE_URL, portal.citation(title, here), rows);
    }

    private static <T> ResponseEntity<T> ok(Supplier<T> body) {
        return ResponseEntity.ok().cacheControl(PortalWebConfiguration.CACHE).body(body.get());
    }
}
