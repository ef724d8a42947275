package org.bluehelm.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * A staff member records a case, makes themselves a case officer of an oversight body, and drives
 * the case from received to closed with plain form posts, adding a witness and a note on the way.
 */
@BrowserTest
class CaseBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Browser browser;

    @BeforeAll
    void start() {
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    private void moveTo(String state) {
        new Select(browser.driver().findElement(By.id("to-state"))).selectByValue(state);
        browser.clickAndWait(By.id("move"));
    }

    @Test
    void aCaseIsDrivenFromReceivedToClosed() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into oversight_body (name, type, country_code, independent)
                        values (:name, 'INSPECTORATE', 'LBR', true)""").param("name", "Police inspectorate " + tag).update(keys, "id");
        long body = keys.getKeyAs(Number.class).longValue();

        browser.signIn("admin", "test-admin-password");
        browser.open("/complaints/bodies/" + body + "/members");
        browser.type("username", "admin");
        browser.clickAndWait(By.id("add-member"));
        assertThat(browser.text(By.id("members"))).contains("admin");

        browser.open("/complaints");
        browser.clickAndWait(By.id("new-case"));
        new Select(browser.driver().findElement(By.id("category"))).selectByValue("EXCESSIVE_FORCE");
        browser.type("description", "Shots fired at a crowd " + tag);
        browser.type("countryCode", "LBR");
        browser.clickAndWait(By.id("create-case"));
        assertThat(browser.pageText()).contains("Case created.").contains("Shots fired at a crowd " + tag);
        assertThat(browser.pageText()).contains("Recorded by staff");

        moveTo("TRIAGED");
        assertThat(browser.pageText()).contains("The case was moved.");
        // assigning without a handler is refused with the field named, and nothing changes
        new Select(browser.driver().findElement(By.id("to-state"))).selectByValue("ASSIGNED");
        new Select(browser.driver().findElement(By.id("oversightBodyId"))).selectByValue(String.valueOf(body));
        browser.clickAndWait(By.id("move"));
        assertThat(browser.text(By.id("move-errors"))).contains("Handler");
        new Select(browser.driver().findElement(By.id("to-state"))).selectByValue("ASSIGNED");
        new Select(browser.driver().findElement(By.id("oversightBodyId"))).selectByValue(String.valueOf(body));
        new Select(browser.driver().findElement(By.id("handler"))).selectByValue("admin");
        browser.clickAndWait(By.id("move"));
        assertThat(browser.text(By.id("case-body"))).isEqualTo("Police inspectorate " + tag);
        assertThat(browser.text(By.id("case-handler"))).isEqualTo("admin");
        moveTo("UNDER_INVESTIGATION");

        // a witness, added from the case page, shown masked until revealed
        new Select(browser.driver().findElement(By.id("person-role"))).selectByValue("WITNESS");
        browser.type("person-name", "Witness " + tag);
        browser.clickAndWait(By.id("add-person-button"));
        assertThat(browser.text(By.id("people-list")))
                .contains("Person ")
                .contains("witness")
                .doesNotContain("Witness " + tag);
        browser.clickAndWait(By.cssSelector("#people-list button.danger"));
        assertThat(browser.text(By.id("people-list"))).contains("Witness " + tag);

        browser.type("note", "Ballistics report requested " + tag);
        browser.clickAndWait(By.id("add-note"));
        assertThat(browser.text(By.id("notes-list"))).contains("Ballistics report requested " + tag);

        new Select(browser.driver().findElement(By.id("to-state"))).selectByValue("CLOSED");
        new Select(browser.driver().findElement(By.id("outcome"))).selectByValue("SUBSTANTIATED");
        browser.clickAndWait(By.id("move"));
        assertThat(browser.text(By.id("case-outcome"))).isEqualTo("Substantiated");
        assertThat(browser.driver().findElements(By.id("to-state"))).isEmpty();
        assertThat(browser.text(By.id("transitions")))
                .contains("Received")
                .contains("Triaged")
                .contains("Assigned")
                .contains("Under investigation")
                .contains("Closed");
    }
}
