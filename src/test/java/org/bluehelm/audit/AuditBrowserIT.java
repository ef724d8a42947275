package org.bluehelm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.bluehelm.actor.ActorCategory;
import org.bluehelm.actor.ActorCommand;
import org.bluehelm.actor.ActorService;
import org.bluehelm.actor.ActorType;
import org.bluehelm.test.AsAdmin;
import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/** An administrator follows the audit trail of an actor from the navigation. */
@BrowserTest
class AuditBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    ActorService actors;

    @Autowired
    UserDetailsService users;

    Browser browser;

    @BeforeAll
    void start() {
        browser = new Browser(port);
        browser.signIn("admin", "test-admin-password");
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void theAdministratorSeesTheTrailOfARecord() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long id = AsAdmin.run(users, () -> {
            var created = actors.create(new ActorCommand(
                    "Audit Trail " + tag,
                    null,
                    ActorCategory.INTERNATIONAL,
                    ActorType.DONOR_GOVERNMENT,
                    "NOR",
                    null,
                    null,
                    null));
            actors.update(
                    created.id(),
                    created.version(),
                    new ActorCommand(
                            "Audit Trail Renamed " + tag,
                            null,
                            ActorCategory.INTERNATIONAL,
                            ActorType.DONOR_GOVERNMENT,
                            "NOR",
                            null,
                            null,
                            null));
            return created.id();
        });

        browser.open("/");
        browser.navigate("Audit");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Audit log");
        browser.type("recordType", "actor").type("recordId", String.valueOf(id));
        browser.clickAndWait(By.cssSelector("form.filters button[type=submit]"));

        assertThat(browser.text(By.id("audit-heading"))).isEqualTo("Trail of actor " + id);
        var rows = browser.all(By.cssSelector("#audit-entries tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("Changed").contains("Audit Trail Renamed " + tag);
        assertThat(rows.get(1).getText()).contains("Created").contains("admin");
        browser.screenshotWholePage("audit-trail");

        browser.open("/audit?recordType=actor&recordId=" + id + "&lang=fr");
        assertThat(browser.text(By.id("audit-heading"))).isEqualTo("Historique de actor " + id);
        assertThat(browser.pageText()).contains("Création");
        browser.open("/?lang=en");
    }
}
