package org.bluehelm.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.bluehelm.actor.ActorCommand;
import org.bluehelm.actor.ActorService;
import org.bluehelm.actor.ActorType;
import org.bluehelm.institution.InstitutionCommand;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.shared.Pillar;
import org.bluehelm.test.AsAdmin;
import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

@BrowserTest
class CoordinationBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsService users;

    @Autowired
    InstitutionService institutions;

    @Autowired
    ActorService actors;

    Browser browser;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void start() {
        AsAdmin.run(users, () -> {
            institutions.create(new InstitutionCommand(
                    "Browser Police " + tag, null, Pillar.POLICE, "LBR", null, null, null, null, List.of()));
            actors.create(new ActorCommand(
                    "Browser Union " + tag, null, null, ActorType.MULTILATERAL, null, null, null, null));
            return actors.create(new ActorCommand(
                    "Browser Trainers " + tag, null, null, ActorType.INTERNATIONAL_NGO, null, null, null, null));
        });
        browser = new Browser(port);
        browser.signInAsAdmin();
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void aManagerRegistersAnActivityAndSeesTheOverlapItCreatesFlagged() {
        browser.navigate("Who does what where");
        browser.clickAndWait(By.linkText("New activity"));
        save();
        assertThat(browser.text(By.id("title-error"))).isEqualTo("is required");
        assertThat(browser.text(By.id("actorId-error"))).isEqualTo("is required");
        assertThat(browser.text(By.id("supportKind-error"))).isEqualTo("is required");

        register("Union training " + tag, "Browser Union " + tag, "2026-01-01", "2026-12-31");
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
        assertThat(browser.all(By.id("overlaps"))).isEmpty();
        String firstUrl = path();

        browser.open("/coordination/activities/new");
        register("Trainers course " + tag, "Browser Trainers " + tag, "2026-06-01", "");
        assertThat(browser.text(By.cssSelector(".alert.ok"))).contains("overlaps the work of another actor");
        assertThat(browser.text(By.id("overlaps")))
                .contains("Union training " + tag)
                .contains("Browser Union " + tag);
        browser.screenshot("coordination-overlap-flagged");

        browser.open(firstUrl);
        assertThat(browser.text(By.id("overlaps"))).contains("Trainers course " + tag);

        browser.open("/coordination?overlapping=true&q=" + tag);
        assertThat(browser.all(By.cssSelector("#activities .overlap-flag"))).hasSize(2);

        browser.open("/coordination/matrix");
        assertThat(browser.text(By.id("matrix-actor-institution")))
                .contains("Browser Trainers " + tag)
                .contains("1 overlapping");

        browser.open("/coordination/map");
        assertThat(browser.text(By.id("map-table"))).contains("LBR");
        browser.waitUntil(d -> !d.findElements(By.cssSelector("#coordination-map path.leaflet-interactive"))
                .isEmpty());
        browser.screenshot("coordination-map");
    }

    private void register(String title, String actor, String start, String end) {
        browser.type("title", title);
        select("actorId").selectByVisibleText(actor);
        select("actorRole").selectByValue("IMPLEMENTING");
        select("pillar").selectByValue("POLICE");
        select("supportKind").selectByValue("TRAINING");
        select("institutionId").selectByVisibleText("Browser Police " + tag + " · LBR");
        setValue("startDate", start);
        setValue("endDate", end);
        save();
    }

    private String path() {
        String url = browser.driver().getCurrentUrl();
        return url.substring(url.indexOf("/coordination"));
    }

    private Select select(String id) {
        return new Select(browser.driver().findElement(By.id(id)));
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "arguments[0].value = arguments[1];", browser.driver().findElement(By.id(id)), value);
    }

    private void save() {
        browser.clickAndWait(By.cssSelector("form.stack button.primary"));
    }
}
