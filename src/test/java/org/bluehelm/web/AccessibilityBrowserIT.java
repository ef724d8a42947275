package org.bluehelm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Checks on every main screen what a screen-reader or keyboard user relies on: one h1 and no
 * skipped heading level, a label for every field, a language on the page, and no horizontal
 * scrolling of the page itself at 360 px (wide tables scroll inside their own box).
 */
@BrowserTest
class AccessibilityBrowserIT {

    private static final String PROBLEMS = """
            var problems = [];
            if (!document.documentElement.lang) problems.push('page without lang');
            var h1 = document.querySelectorAll('h1').length;
            if (h1 !== 1) problems.push(h1 + ' h1 elements');
            var last = 0;
            document.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach(function (h) {
              var level = Number(h.tagName.substring(1));
              if (last && level > last + 1) problems.push('heading ' + h.tagName + ' "' + h.textContent.trim() + '" skips a level');
              last = level;
            });
            document.querySelectorAll('input, select, textarea').forEach(function (f) {
              if (f.type === 'hidden' || f.type === 'submit' || f.type === 'button') return;
              var labelled = (f.id && document.querySelector('label[for="' + CSS.escape(f.id) + '"]'))
                  || f.closest('label') || f.getAttribute('aria-label') || f.getAttribute('aria-labelledby');
              if (!labelled) problems.push('field without label: ' + (f.name || f.id));
            });
            document.querySelectorAll('img').forEach(function (i) { if (!i.hasAttribute('alt')) problems.push('img without alt'); });
            if (document.documentElement.scrollWidth > window.innerWidth + 1) problems.push('page scrolls sideways');
            return problems;""";

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeAll
    void start() {
        browser = new Browser(port);
        browser.signIn("admin", "test-admin-password");
        browser.resize(360, 800);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/public",
                "/missions",
                "/missions/new",
                "/institutions",
                "/institutions/new",
                "/oversight-bodies",
                "/oversight-bodies/new",
                "/actors",
                "/actors/new",
                "/programmes",
                "/programmes/new",
                "/indicators",
                "/indicators/new",
                "/indicators/disaggregations",
                "/data-entry",
                "/dashboards",
                "/dashboards/new",
                "/alerts",
                "/alerts/rules",
                "/alerts/rules/new",
                "/hrddp",
                "/reports",
                "/hrddp/new",
                "/capacity",
                "/capacity/courses/new",
                "/capacity/mentoring",
                "/capacity/assistance",
                "/capacity/measures",
                "/capacity/outcomes",
                "/coordination",
                "/coordination/matrix",
                "/coordination/meetings",
                "/lessons",
                "/lessons?q=formation+des+policiers",
                "/lessons/new",
                "/risks",
                "/risks/new",
                "/context",
                "/context/assessments/new",
                "/context/revisions/new",
                "/readiness?country=LBR",
                "/readiness/method?lang=fr",
                "/complaints/performance",
                "/reference/series",
                "/evidence/comparison",
                "/admin/users",
                "/admin/users/new",
                "/account",
                "/sources",
                "/evidence?data=prop99&estimator=synth",
                "/evidence/method/synth",
                "/missions?lang=fr",
                "/programmes/new?lang=fr",
                "/complaints",
                "/complaints/new",
                "/complaints/import?lang=fr"
            })
    void everyMainScreenIsLabelledAndFitsAPhone(String path) {
        browser.open(path);
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(PROBLEMS);
        assertThat(problems).as(path).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theCheckFindsAnUnlabelledField() {
        browser.open("/missions");
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "var i = document.createElement('input'); i.name = 'orphan'; document.querySelector('main').appendChild(i);");
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(PROBLEMS);
        assertThat(problems).contains("field without label: orphan");
    }
}
