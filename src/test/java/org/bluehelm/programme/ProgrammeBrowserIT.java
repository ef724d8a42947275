package org.bluehelm.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.bluehelm.actor.ActorCommand;
import org.bluehelm.actor.ActorService;
import org.bluehelm.actor.ActorType;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitCommand;
import org.bluehelm.geography.OrgUnitKind;
import org.bluehelm.identity.Role;
import org.bluehelm.identity.ScopeEntry;
import org.bluehelm.identity.ScopeType;
import org.bluehelm.identity.UserCommand;
import org.bluehelm.identity.UserService;
import org.bluehelm.indicator.BenchmarkKind;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.indicator.Direction;
import org.bluehelm.indicator.IndicatorCommand;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.institution.InstitutionCommand;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.measurement.DataValueCommand;
import org.bluehelm.measurement.MeasurementService;
import org.bluehelm.mission.MissionService;
import org.bluehelm.shared.Pillar;
import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A mission manager records a police programme in Liberia with its lead actor, a partner, a
 * location, a supported institution and an outcome with an output measured by an indicator that
 * has a baseline and a target; corrects what the form refuses; sees the results chain and the
 * indicator's values as a table and a chart; meets a conflicting edit; in English, in French and on
 * a phone-sized screen. A user scoped to another mission does not find it. The steps build on each
 * other, so they run in order. Records that are not the subject of the screens (the indicator, the
 * actors, the values) are made through the services, which run here with the system's scope.
 */
@BrowserTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProgrammeBrowserIT {

    private final String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private final String code = "BT-POL-" + tag;
    private final String name = "Browser Test Community Policing " + tag;
    private final String county = "Browser Test County " + tag;
    private final String lead = "Browser Test Police Support Unit " + tag;
    private final String partner = "Browser Test Justice Ministry " + tag;
    private final String institution = "Browser Test Police Service " + tag;
    private final String indicatorCode = "bt_trained_" + tag.toLowerCase();
    private final String indicatorName = "Browser test officers trained " + tag;

    @LocalServerPort
    int port;

    @Autowired
    ProgrammeService programmes;

    @Autowired
    MissionService missions;

    @Autowired
    GeographyService geography;

    @Autowired
    ActorService actors;

    @Autowired
    InstitutionService institutions;

    @Autowired
    IndicatorService indicators;

    @Autowired
    MeasurementService measurements;

    @Autowired
    UserService users;

    Browser browser;
    long unmil;
    long orgUnitId;
    long indicatorId;
    String detailPath;

    @BeforeAll
    void start() {
        unmil = missions.findByAcronym("UNMIL").orElseThrow().id();
        orgUnitId = geography
                .createOrgUnit(new OrgUnitCommand("BT-" + tag, county, OrgUnitKind.AREA, null, "LBR"))
                .id();
        actors.create(new ActorCommand(lead, null, null, ActorType.SECURITY_INSTITUTION, "LBR", null, null, null));
        actors.create(new ActorCommand(partner, null, null, ActorType.HOST_MINISTRY, "LBR", null, null, null));
        institutions.create(
                new InstitutionCommand(institution, null, Pillar.POLICE, "LBR", unmil, null, null, null, List.of()));
        indicatorId = indicators
                .create(IndicatorCommand.sum(
                        indicatorCode,
                        indicatorName,
                        "officers",
                        Direction.HIGHER_IS_BETTER,
                        Dimension.CAPACITY,
                        Pillar.POLICE,
                        unmil,
                        "LBR",
                        List.of(),
                        List.of(
                                new IndicatorCommand.BenchmarkCommand(
                                        BenchmarkKind.BASELINE, orgUnitId, "2023", new BigDecimal("400")),
                                new IndicatorCommand.BenchmarkCommand(
                                        BenchmarkKind.TARGET, orgUnitId, "2025", new BigDecimal("1500")))))
                .id();

        browser = new Browser(port);
        browser.signInAsAdmin();
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    @Order(1)
    void theFormOffersTheCountrysUnitsAndTellsWhatIsWrongNextToEachField() {
        browser.open("/programmes/new");
        browser.type("code", code).type("name", name);
        select("pillar").selectByValue("POLICE");
        browser.type("countryCode", "LBR");
        select("missionId").selectByVisibleText("UNMIL (LBR)");
        // leaving the country field asks for its units and institutions
        browser.waitUntil(d ->
                !d.findElements(By.xpath("//label[text()='" + county + "']")).isEmpty());
        select("leadActorId").selectByVisibleText(lead + " · LBR");
        select("status").selectByValue("ACTIVE");
        select("partners0.actorId").selectByVisibleText(partner + " · LBR");
        select("partners0.role").selectByValue("IMPLEMENTING");
        browser.type("budgetAmount", "250000");
        setValue("startDate", "2024-01-01");
        setValue("endDate", "2025-12-31");
        browser.click(By.xpath("//label[text()='" + county + "']"));
        browser.click(By.xpath("//label[text()='" + institution + "']"));
        browser.type("results0.code", "OC1").type("results0.title", "Communities trust the police");
        select("results0.level").selectByValue("OUTCOME");
        browser.type("results1.code", "OP1.1").type("results1.title", "Officers trained in community policing");
        select("results1.level").selectByValue("OUTPUT");
        browser.type("results1.indicators", indicatorCode + ", no_such_code");
        save();

        assertThat(browser.text(By.id("budgetCurrency-error"))).startsWith("is required with a budget amount");
        assertThat(browser.text(By.id("results[1].parentCode-error")))
                .isEqualTo("is required for an output: the code of the outcome it serves");
        assertThat(browser.text(By.id("results[1].indicators-error")))
                .isEqualTo("contain 'no_such_code', which is not the code of an indicator you can use");
        assertThat(browser.driver().findElement(By.id("results1.parentCode")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.text(By.id("form-errors")))
                .contains("Currency is required")
                .contains("Outcome served by result 2 is required")
                .contains("Indicator codes of result 2 contain 'no_such_code'");
        // what was typed and ticked is kept, with blank rows to add more
        assertThat(browser.driver().findElement(By.id("results1.title")).getAttribute("value"))
                .isEqualTo("Officers trained in community policing");
        assertThat(browser.all(By.cssSelector("input[name=locationIds]:checked")))
                .hasSize(1);
        assertThat(browser.all(By.cssSelector("input[name=institutionIds]:checked")))
                .hasSize(1);
        assertThat(browser.all(By.cssSelector(".result-row"))).hasSize(5);
        assertThat(browser.all(By.cssSelector(".partner-row"))).hasSize(3);
        browser.screenshot("programme-form-errors");
        scrollTo(By.id("results1.parentCode"));
        browser.screenshot("programme-form-results-errors");
        scrollTo(By.cssSelector(".partner-row"));
        browser.screenshot("programme-form-partners-locations");
    }

    @Test
    @Order(2)
    void theSavedProgrammeShowsItsFactsAndResultsChain() {
        browser.type("budgetCurrency", "usd")
                .type("results1.parentCode", "OC1")
                .type("results1.indicators", indicatorCode);
        save();

        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo(code + " · " + name);
        detailPath = browser.driver().getCurrentUrl().replaceFirst("^https?://[^/]+", "");
        String facts = browser.text(By.cssSelector("dl.facts"));
        assertThat(facts)
                .contains("Police")
                .contains("Active")
                .contains("LBR · Liberia")
                .contains("UNMIL")
                .contains(lead)
                .contains("250,000")
                .contains("1 Jan 2024 – 31 Dec 2025");
        assertThat(browser.driver().findElement(By.linkText(lead)).getAttribute("href"))
                .contains("/actors/");
        assertThat(browser.driver().findElement(By.linkText(partner)).getAttribute("href"))
                .contains("/actors/");
        assertThat(browser.text(By.cssSelector("table.partners tbody"))).contains("Implementing partner");
        assertThat(browser.driver().findElement(By.linkText(institution)).getAttribute("href"))
                .contains("/institutions/");
        assertThat(browser.pageText()).contains(county);
        WebElement outcome = browser.driver().findElement(By.cssSelector("ol.results-chain > li"));
        assertThat(outcome.getText()).contains("Outcome OC1 Communities trust the police");
        WebElement output = outcome.findElement(By.cssSelector("ol > li"));
        assertThat(output.getText()).contains("Output OP1.1 Officers trained in community policing");
        assertThat(output.findElement(By.linkText(indicatorName)).getAttribute("href"))
                .endsWith("/indicators/" + indicatorId);
        assertThat(browser.text(By.cssSelector(".progress"))).contains("No total value is recorded yet");
    }

    @Test
    @Order(3)
    void theIndicatorsValuesAreATableAndAChartAgainstBaselineAndTarget() {
        measurements.recordValue(
                new DataValueCommand(indicatorId, orgUnitId, "2024Q1", null, null, new BigDecimal("612"), null, null));
        measurements.recordValue(
                new DataValueCommand(indicatorId, orgUnitId, "2024Q2", null, null, new BigDecimal("1250"), null, null));
        browser.open(detailPath);

        String table = "#progress-" + indicatorId;
        assertThat(browser.all(By.cssSelector(table + " thead th")).stream()
                        .map(WebElement::getText)
                        .toList())
                .containsExactly("Period", county, "Baseline", "Target");
        assertThat(browser.all(By.cssSelector(table + " tbody tr")).stream()
                        .map(WebElement::getText)
                        .toList())
                .containsExactly("2024Q1 612 400 1,500", "2024Q2 1,250 400 1,500");
        assertThat(browser.driver().findElement(By.cssSelector(table)).getAttribute("data-dashed"))
                .isEqualTo("2,3");
        assertThat(browser.text(By.cssSelector(".progress")))
                .contains("Baseline (2023): 400")
                .contains("Target (2025): 1,500");
        browser.waitUntil(d -> "1"
                .equals(d.findElement(By.cssSelector("canvas[data-chart-for=progress-" + indicatorId + "]"))
                        .getAttribute("data-drawn")));
        browser.screenshot("programme-detail");
        scrollTo(By.cssSelector(".progress"));
        browser.screenshot("programme-detail-chart");
    }

    @Test
    @Order(4)
    void theListFindsItByFiltersAndSortsByColumn() {
        browser.open("/programmes?q=" + tag + "&pillar=POLICE&status=ACTIVE&country=LBR&mission=" + unmil);
        assertThat(browser.all(By.cssSelector("tbody tr"))).hasSize(1);
        assertThat(browser.text(By.cssSelector("tbody tr")))
                .contains(code)
                .contains(name)
                .contains("LBR")
                .contains("UNMIL")
                .contains(lead)
                .contains("1 Jan 2024");
        assertThat(browser.text(By.cssSelector("tbody .badge.ACTIVE"))).isEqualTo("Active");
        browser.open("/programmes?status=PLANNED&q=" + tag);
        assertThat(browser.pageText()).contains("Nothing matches.");
        browser.open("/programmes");
        browser.click(By.linkText("Code"));
        assertThat(browser.text(By.cssSelector("th[aria-sort=descending]"))).isEqualTo("Code");
        browser.click(By.linkText("Start date"));
        assertThat(browser.text(By.cssSelector("th[aria-sort=ascending]"))).isEqualTo("Start date");
        browser.open("/programmes?country=LBR");
        browser.screenshot("programmes-list");
        browser.click(By.linkText(code));
        assertThat(browser.text(By.tagName("h1"))).contains(name);
    }

    @Test
    @Order(5)
    void aConflictingEditIsComparedAndNotSaved() {
        browser.open(detailPath + "/edit");
        assertThat(browser.driver().findElement(By.id("results1.indicators")).getAttribute("value"))
                .isEqualTo(indicatorCode);
        assertThat(browser.all(By.cssSelector(".result-row"))).hasSize(5);
        long id = Long.parseLong(detailPath.substring(detailPath.lastIndexOf('/') + 1));
        ProgrammeView stored = programmes.get(id);
        programmes.update(id, stored.version(), command(stored, stored.name() + " (revised)"));
        browser.type("name", name + " (mine)");
        save();

        assertThat(browser.text(By.id("conflict")))
                .contains("Name")
                .contains(name + " (mine)")
                .contains(name + " (revised)");
        browser.screenshot("programme-conflict");
        browser.click(By.linkText("Reload the current version"));
        assertThat(browser.driver().findElement(By.id("name")).getAttribute("value"))
                .isEqualTo(name + " (revised)");
        browser.type("name", name);
        save();
        assertThat(browser.text(By.tagName("h1"))).isEqualTo(code + " · " + name);
    }

    @Test
    @Order(6)
    void theScreensAndTheirErrorsAreInFrench() {
        browser.open(detailPath + "?lang=fr");
        assertThat(browser.all(By.tagName("h2")).stream()
                        .map(WebElement::getText)
                        .toList())
                .contains("Partenaires", "Chaîne de résultats", "Indicateurs dans le temps");
        assertThat(browser.text(By.cssSelector("dl.facts .badge"))).isEqualTo("En cours");
        assertThat(browser.text(By.cssSelector("ol.results-chain > li"))).contains("Effet OC1");
        assertThat(browser.text(By.cssSelector("#progress-" + indicatorId + " tbody tr:last-child"))
                        .replaceAll("[\u00a0\u202f]", " "))
                .isEqualTo("2024Q2 1 250 400 1 500");
        assertThat(browser.text(By.cssSelector("dl.facts")).replaceAll("[\u00a0\u202f]", " "))
                .contains("250 000");
        browser.screenshot("programme-detail-fr");
        browser.open("/programmes");
        assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("Programmes");
        assertThat(browser.text(By.cssSelector("thead"))).contains("Statut").contains("Acteur chef de file");
        browser.open("/programmes/new");
        browser.type("countryCode", "QQQ").type("budgetAmount", "10");
        browser.type("results0.code", "OP1");
        select("results0.level").selectByValue("OUTPUT");
        save();
        assertThat(browser.text(By.id("name-error"))).isEqualTo("est obligatoire");
        assertThat(browser.text(By.id("countryCode-error")))
                .isEqualTo("« QQQ » n'est pas un code pays ISO 3166 alpha-3 connu");
        assertThat(browser.text(By.id("budgetCurrency-error"))).startsWith("est obligatoire avec un montant");
        assertThat(browser.text(By.id("results[0].parentCode-error"))).startsWith("est obligatoire pour un produit");
        assertThat(browser.text(By.id("form-errors"))).contains("Effet visé par le résultat 1");
        browser.screenshot("programme-form-fr");
        browser.open("/programmes?lang=en");
    }

    @Test
    @Order(7)
    void theDetailAndTheFormFitAPhoneScreen() {
        browser.resize(360, 800);
        try {
            browser.open(detailPath);
            browser.waitUntil(d -> "1"
                    .equals(d.findElement(By.cssSelector("canvas[data-chart-for=progress-" + indicatorId + "]"))
                            .getAttribute("data-drawn")));
            assertThat(pageWidth()).isLessThanOrEqualTo(360);
            browser.screenshot("programme-detail-360");
            scrollTo(By.cssSelector(".results-chain"));
            browser.screenshot("programme-detail-360-chain");
            scrollTo(By.cssSelector(".progress"));
            browser.screenshot("programme-detail-360-chart");
            browser.open(detailPath + "/edit");
            assertThat(pageWidth()).isLessThanOrEqualTo(360);
            scrollTo(By.cssSelector(".result-row"));
            browser.screenshot("programme-form-360");
        } finally {
            browser.resize(1280, 900);
        }
    }

    @Test
    @Order(8)
    void aProgrammeIsDeletedAfterConfirmation() {
        ProgrammeView stored = programmes.get(Long.parseLong(detailPath.substring(detailPath.lastIndexOf('/') + 1)));
        ProgrammeCommand copy = command(stored, "Browser Test Programme To Delete " + tag);
        long id = programmes
                .create(new ProgrammeCommand(
                        "BT-DEL-" + tag,
                        copy.name(),
                        copy.pillar(),
                        null,
                        "LBR",
                        unmil,
                        copy.leadActorId(),
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        ProgrammeStatus.PLANNED,
                        List.of(),
                        List.of(),
                        List.of()))
                .id();
        browser.open("/programmes/" + id);
        browser.click(By.cssSelector("form[data-confirm] button.danger"));
        browser.driver().switchTo().alert().accept();
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Deleted.");
        browser.open("/programmes?q=BT-DEL-" + tag);
        assertThat(browser.pageText()).contains("Nothing matches.");
    }

    @Test
    @Order(9)
    void aUserOfAnotherMissionDoesNotFindTheProgramme() {
        long unoci = missions.findByAcronym("UNOCI").orElseThrow().id();
        String username = "bt-unoci-" + tag.toLowerCase();
        users.create(new UserCommand(
                username,
                "Browser Test UNOCI Manager",
                null,
                "correct-horse-battery",
                true,
                List.of(Role.MISSION_MANAGER),
                List.of(new ScopeEntry(ScopeType.MISSION, String.valueOf(unoci)))));
        browser.click(By.cssSelector("form[action$='/logout'] button"));
        browser.waitUntil(d -> d.getCurrentUrl().contains("/login"));
        browser.signIn(username, "correct-horse-battery");
        browser.waitUntil(d -> !d.getCurrentUrl().contains("/login"));

        browser.open(detailPath);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Something went wrong");
        assertThat(browser.pageText()).contains("The page or record was not found, or you may not see it.");
        assertThat(browser.pageText()).doesNotContain(name);
        browser.open(detailPath + "/edit");
        assertThat(browser.pageText()).contains("The page or record was not found");
        browser.open("/programmes?q=" + tag);
        assertThat(browser.pageText()).contains("Nothing matches.");
    }

    private static ProgrammeCommand command(ProgrammeView p, String name) {
        return new ProgrammeCommand(
                p.code(),
                name,
                p.pillar(),
                p.objectives(),
                p.countryCode(),
                p.missionId(),
                p.leadActorId(),
                p.partners().stream()
                        .map(x -> new ProgrammeCommand.Partner(x.actorId(), x.role()))
                        .toList(),
                p.budgetAmount(),
                p.budgetCurrency(),
                p.startDate(),
                p.endDate(),
                p.status(),
                p.locationIds(),
                p.institutionIds(),
                p.results().stream()
                        .map(r -> new ProgrammeCommand.Result(
                                r.code(), r.level(), r.title(), r.description(), r.parentCode(), r.indicatorIds()))
                        .toList());
    }

    private int pageWidth() {
        Object width =
                ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollWidth;");
        return ((Number) width).intValue();
    }

    private void scrollTo(By by) {
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "arguments[0].scrollIntoView(true);", browser.driver().findElement(by));
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "arguments[0].value = arguments[1];", browser.driver().findElement(By.id(id)), value);
    }

    private Select select(String id) {
        return new Select(browser.driver().findElement(By.id(id)));
    }

    /** Submits the form and waits for the answer to replace the page, so no check reads the old one. */
    private void save() {
        browser.clickAndWait(By.cssSelector("form.stack button.primary"));
    }
}
