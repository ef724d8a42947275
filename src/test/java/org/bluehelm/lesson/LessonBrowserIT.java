package org.bluehelm.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A manager records a lesson in French and finds it, and an English one, by a French query. */
@BrowserTest
class LessonBrowserIT {

    @LocalServerPort
    int port;

    Browser browser;

    private final String tag = "b" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void start() {
        browser = new Browser(port);
        browser.signInAsAdmin();
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void aLessonRecordedInFrenchIsFoundByAFrenchQueryWithItsWordsHighlighted() {
        browser.navigate("Lessons learned");
        browser.clickAndWait(By.linkText("New lesson"));
        save();
        assertThat(browser.text(By.id("title-error"))).isEqualTo("is required");
        assertThat(browser.text(By.id("lesson-error"))).isEqualTo("is required");
        assertThat(browser.text(By.id("source-error"))).isEqualTo("is required");

        browser.type("title", "Encadrer après la formation " + tag);
        browser.type(
                "lesson", "La formation des policiers sans encadrement sur le terrain ne change pas les pratiques.");
        new Select(browser.driver().findElement(By.id("pillar"))).selectByValue("POLICE");
        new Select(browser.driver().findElement(By.id("language"))).selectByValue("fr");
        browser.type("tags", tag + ", encadrement");
        browser.type("source", "Bluehelm summary of a test case " + tag);
        save();
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Encadrer après la formation " + tag);

        browser.navigate("Lessons learned");
        browser.type("q", "formation des policiers");
        browser.clickAndWait(By.id("lesson-search"));
        WebElement mine = hit("Encadrer après la formation " + tag);
        List<String> marked = mine.findElements(By.cssSelector(".snippet mark")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(marked).contains("formation", "policiers");
        // an English lesson of the starter set is found by the same French words
        assertThat(browser.pageText()).contains("Rebuild the police with vetting and basic training before deployment");

        browser.clickAndWait(By.cssSelector("#facet-tag a[href*='" + tag + "']"));
        assertThat(browser.text(By.id("lesson-total"))).isEqualTo("1 lesson");
        assertThat(browser.all(By.cssSelector(".lesson-hit"))).hasSize(1);
    }

    private WebElement hit(String title) {
        return browser.all(By.cssSelector(".lesson-hit")).stream()
                .filter(e -> e.findElement(By.cssSelector("h2 a")).getText().equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no hit titled " + title + " in " + browser.pageText()));
    }

    private void save() {
        browser.clickAndWait(By.cssSelector("form.stack button.primary"));
    }
}
