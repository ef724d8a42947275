package org.bluehelm.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bluehelm.complaint.AccountabilityStatistic;
import org.bluehelm.geography.CountryView;
import org.bluehelm.mission.DeploymentView;
import org.bluehelm.mission.MissionView;
import org.bluehelm.outcome.Comparison;
import org.bluehelm.ssrindex.SsrIndexSeries;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
    private final MessageSource messages;

    PortalController(PortalService portal, MessageSource messages) {
        this.portal = portal;
        this.messages = messages;
    }

    /** One unit's index by year, with its chart. */
    record IndexView(SsrIndexSeries series, String chart) {}

    @GetMapping("/countries/{iso3}/index")
    String countryIndex(@PathVariable String iso3, Model model, HttpServletResponse response, Locale locale) {
        cache(response);
        CountryView country = portal.country(iso3);
        String name = "fr".equals(locale.getLanguage()) ? country.nameFr() : country.nameEn();
        return index(
                model,
                name,
                "/public/countries/" + country.iso3(),
                "/public/countries/" + country.iso3() + "/index",
                country.nameEn() + ": SSR index",
                portal.countryIndex(country.iso3()),
                locale);
    }

    @GetMapping("/missions/{id}/index")
    String missionIndex(@PathVariable long id, Model model, HttpServletResponse response, Locale locale) {
        cache(response);
        MissionView mission = portal.mission(id);
        return index(
                model,
                mission.acronym(),
                "/public/missions/" + id,
                "/public/missions/" + id + "/index",
                mission.acronym() + ": SSR index",
                portal.missionIndex(id),
                locale);
    }

    private String index(
            Model model,
            String subject,
            String back,
            String base,
            String title,
            List<SsrIndexSeries> series,
            Locale locale) {
        List<IndexView> views = series.stream()
                .map(s -> new IndexView(s, indexChart(s, locale)))
                .toList();
        model.addAttribute("subject", subject);
        model.addAttribute("back", back);
        model.addAttribute("base", base);
        model.addAttribute("indexes", views);
        model.addAttribute("citation", portal.citation(title, here()));
        model.addAttribute("licence", PortalService.LICENCE);
        model.addAttribute("licenceUrl", PortalService.LICENCE_URL);
        return "portal/index";
    }

    private String indexChart(SsrIndexSeries series, Locale locale) {
        List<String> years = series.points().stream().map(p -> p.period().id()).toList();
        List<SvgChart.Line> lines = new ArrayList<>();
        lines.add(new SvgChart.Line(
                messages.getMessage("portal.index.overall", null, locale),
                series.points().stream().map(p -> number(p.score())).toList()));
        if (!series.points().isEmpty()) {
            for (int d = 0; d < series.points().get(0).dimensions().size(); d++) {
                int dimension = d;
                SsrIndexSeries.DimensionPoint first =
                        series.points().get(0).dimensions().get(d);
                if (first.coverage().applicable() == 0) {
                    continue;
                }
                lines.add(new SvgChart.Line(
                        messages.getMessage("indicator.dimension." + first.dimension(), null, locale),
                        series.points().stream()
                                .map(p -> number(p.dimensions().get(dimension).score()))
                                .toList()));
            }
        }
        return SvgChart.lines(
                messages.getMessage(
                        "portal.index.chart", new Object[] {series.orgUnit().name()}, locale),
                years,
                lines,
                List.of());
    }

    private static @Nullable Double number(@Nullable BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    /** Most indicators charted on a page, and most places (lines) in one chart. */
    static final int MAX_CHARTS = 12;

    static final int MAX_LINES = 6;

    /** The chart of one indicator's published series. */
    record ValueChart(String indicator, String chart) {}

    /**
     * One chart per indicator (of the first {@value #MAX_CHARTS}) with a line per place (of the first
     * {@value #MAX_LINES}) over the periods that have a value; a suppressed cell is a gap.
     */
    static List<ValueChart> valueCharts(List<PublicValue> values) {
        java.util.Map<String, List<PublicValue>> byIndicator = new java.util.LinkedHashMap<>();
        values.forEach(v -> byIndicator
                .computeIfAbsent(v.indicatorCode(), k -> new ArrayList<>())
                .add(v));
        List<ValueChart> charts = new ArrayList<>();
        for (List<PublicValue> series : byIndicator.values()) {
            if (charts.size() == MAX_CHARTS) {
                break;
            }
            List<String> periods =
                    series.stream().map(PublicValue::period).distinct().sorted().toList();
            java.util.Map<String, java.util.Map<String, @Nullable Double>> byPlace = new java.util.LinkedHashMap<>();
            for (PublicValue v : series) {
                if (byPlace.size() == MAX_LINES && !byPlace.containsKey(v.orgUnit())) {
                    continue;
                }
                byPlace.computeIfAbsent(v.orgUnit(), k -> new java.util.HashMap<>())
                        .put(v.period(), v.value() == null ? null : v.value().doubleValue());
            }
            List<SvgChart.Line> lines = new ArrayList<>();
            byPlace.forEach((place, byPeriod) -> lines.add(
                    new SvgChart.Line(place, periods.stream().map(byPeriod::get).toList())));
            PublicValue first = series.get(0);
            String title = first.indicatorName() + " (" + first.unit() + ")";
            charts.add(new ValueChart(title, SvgChart.lines(title, periods, lines, List.of())));
        }
        return charts;
    }

    /** One outcome series of the case comparison with its chart. */
    record ComparisonChart(Comparison.Series series, String chart) {}

    @GetMapping("/countries/{iso3}/comparison")
    String comparison(@PathVariable String iso3, Model model, HttpServletResponse response, Locale locale) {
        cache(response);
        CountryView country = portal.country(iso3);
        Comparison comparison =
                portal.comparison(country.iso3(), locale.getLanguage()).orElse(null);
        model.addAttribute("country", country);
        model.addAttribute("comparison", comparison);
        model.addAttribute(
                "charts",
                comparison == null
                        ? List.of()
                        : comparison.series().stream()
                                .map(s -> new ComparisonChart(s, comparisonChart(comparison, s, locale)))
                                .toList());
        model.addAttribute("citation", portal.citation(country.nameEn() + ": case comparison", here()));
        return "portal/comparison";
    }

    private static String comparisonChart(Comparison comparison, Comparison.Series series, Locale locale) {
        List<Integer> years = series.years();
        List<SvgChart.Band> bands = new ArrayList<>();
        for (Comparison.Mission m : comparison.missions()) {
            if (years.isEmpty() || m.to() < years.get(0) || m.from() > years.get(years.size() - 1)) {
                continue;
            }
            int from = years.indexOf(Math.max(m.from(), years.get(0)));
            int to = years.indexOf(Math.min(m.to(), years.get(years.size() - 1)));
            if (from >= 0 && to >= from) {
                bands.add(new SvgChart.Band(from, to, m.acronym()));
            }
        }
        return SvgChart.lines(
                series.series().label(locale.getLanguage()) + " ("
                        + series.series().unit() + ")",
                years.stream().map(String::valueOf).toList(),
                series.lines().stream()
                        .map(l -> new SvgChart.Line(l.label(), l.values()))
                        .toList(),
                bands);
    }

    @GetMapping("/countries/{iso3}/accountability")
    String accountability(@PathVariable String iso3, Model model, HttpServletResponse response, Locale locale) {
        cache(response);
        CountryView country = portal.country(iso3);
        model.addAttribute("country", country);
        model.addAttribute("rows", portal.accountability(country.iso3()));
        model.addAttribute("base", "/public/countries/" + country.iso3() + "/accountability");
        model.addAttribute("citation", portal.citation(country.nameEn() + ": accountability statistics", here()));
        model.addAttribute("licence", PortalService.LICENCE);
        model.addAttribute("licenceUrl", PortalService.LICENCE_URL);
        return "portal/accountability";
    }

    @GetMapping("/countries/{iso3}/accountability.csv")
    ResponseEntity<byte[]> accountabilityCsv(@PathVariable String iso3) {
        CountryView country = portal.country(iso3);
        return csv(
                PortalDownloads.accountabilityCsv(portal.accountability(country.iso3())),
                country.iso3() + "-accountability.csv");
    }

    @GetMapping("/countries/{iso3}/accountability.json")
    ResponseEntity<PublicTable<AccountabilityStatistic>> accountabilityJson(@PathVariable String iso3) {
        CountryView country = portal.country(iso3);
        return json(
                table(country.nameEn() + ": accountability statistics", portal.accountability(country.iso3())),
                country.iso3() + "-accountability.json");
    }

    @GetMapping("/countries/{iso3}/index.csv")
    ResponseEntity<byte[]> countryIndexCsv(@PathVariable String iso3) {
        CountryView country = portal.country(iso3);
        return csv(PortalDownloads.indexCsv(portal.countryIndex(country.iso3())), country.iso3() + "-ssr-index.csv");
    }

    @GetMapping("/countries/{iso3}/index.json")
    ResponseEntity<PublicTable<SsrIndexSeries>> countryIndexJson(@PathVariable String iso3) {
        CountryView country = portal.country(iso3);
        return json(
                table(country.nameEn() + ": SSR index", portal.countryIndex(country.iso3())),
                country.iso3() + "-ssr-index.json");
    }

    @GetMapping("/missions/{id}/index.csv")
    ResponseEntity<byte[]> missionIndexCsv(@PathVariable long id) {
        MissionView mission = portal.mission(id);
        return csv(PortalDownloads.indexCsv(portal.missionIndex(id)), mission.acronym() + "-ssr-index.csv");
    }

    @GetMapping("/missions/{id}/index.json")
    ResponseEntity<PublicTable<SsrIndexSeries>> missionIndexJson(@PathVariable long id) {
        MissionView mission = portal.mission(id);
        return json(
                table(mission.acronym() + ": SSR index", portal.missionIndex(id)),
                mission.acronym() + "-ssr-index.json");
    }

    @GetMapping
    String home(Model model, HttpServletResponse response) {
        cache(response);
        model.addAttribute("countries", portal.countries());
        model.addAttribute("missions", portal.missions());
        return "portal/home";
    }

    @GetMapping("/countries/{iso3}")
    String country(@PathVariable String iso3, Model model, HttpServletResponse response, Locale locale) {
        cache(response);
        CountryView country = portal.country(iso3);
        model.addAttribute("country", country);
        List<PublicValue> values = portal.countryValues(country.iso3());
        model.addAttribute("values", values);
        model.addAttribute("charts", valueCharts(values));
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
