package org.bluehelm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.bluehelm.mission.MissionService;
import org.bluehelm.test.Browser;
import org.bluehelm.test.TestConfiguration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfiguration.class)
class AdminBrowserIT {

    static final String ADMIN_PASSWORD = "test-admin-password";
    static final String PASSWORD = "browser-viewer-password";

    @LocalServerPort
    int port;

    @Autowired
    MissionService missions;

    @Autowired
    UserService users;

    @Autowired
    TokenService tokens;

    private Browser admin() {
        Browser browser = new Browser(port);
        browser.signIn("admin", ADMIN_PASSWORD);
        return browser;
    }

    private static By save() {
        return By.cssSelector("form.stack button.primary");
    }

    @Test
    void anAdministratorCreatesAViewerForUnmilWhoThenSeesOnlyUnmilAndNoAdministration() {
        long unmil = missions.findByAcronym("UNMIL").orElseThrow().id();
        String username = "unmil-viewer-" + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = admin()) {
            assertThat(browser.all(By.cssSelector("#home-missions tbody tr"))).hasSize(25);
            assertThat(browser.pageText()).contains("All missions and countries");
            Screenshots.wholePage(browser, "home-admin");
            browser.open("/admin/users");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Users");
            browser.screenshot("admin-users");
            browser.click(By.linkText("New user"));
            browser.type("username", username)
                    .type("displayName", "UNMIL Viewer")
                    .type("email", "viewer@example.org")
                    .type("password", "short")
                    .type("countries", "lbr, XXZ");
            browser.click(By.cssSelector("input[name=roles][value=VIEWER]"));
            browser.click(By.cssSelector("input[name=missionIds][value='" + unmil + "']"));
            browser.click(save());

            assertThat(browser.text(By.id("form-errors"))).contains("Password").contains("Countries");
            assertThat(browser.text(By.id("password-error"))).isEqualTo("must be at least 12 characters");
            assertThat(browser.text(By.id("countries-error"))).contains("'XXZ' is not a known ISO 3166");
            assertThat(browser.driver().findElement(By.id("password")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(browser.driver()
                            .findElement(By.cssSelector("input[name=roles][value=VIEWER]"))
                            .isSelected())
                    .isTrue();
            assertThat(browser.driver()
                            .findElement(By.cssSelector("input[name=missionIds][value='" + unmil + "']"))
                            .isSelected())
                    .isTrue();
            assertThat(browser.pageText()).contains("Ticked now: UNMIL");
            Screenshots.wholePage(browser, "admin-user-form-errors");

            browser.type("password", PASSWORD).type("countries", "");
            browser.click(save());
            assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
            assertThat(browser.text(By.tagName("h1"))).contains("UNMIL Viewer");
            assertThat(browser.pageText()).contains("Missions: UNMIL").contains("Viewer — reads in scope.");
            browser.screenshot("admin-user-detail");
        }

        try (Browser browser = new Browser(port)) {
            browser.signIn(username, PASSWORD);
            List<String> acronyms = browser.all(By.cssSelector("#home-missions tbody tr td:first-child")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(acronyms).containsExactly("UNMIL");
            assertThat(browser.pageText()).contains("Your scope").contains("Missions: UNMIL");
            assertThat(browser.all(By.id("menu-admin"))).isEmpty();
            browser.screenshot("home-viewer");
            browser.resize(360, 800);
            Screenshots.wholePage(browser, "home-viewer-360");
            browser.resize(1280, 900);

            browser.open("/admin/users");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Something went wrong");
            assertThat(browser.pageText()).contains("You are not allowed to do this.");
            assertThat(browser.pageText()).doesNotContain("unmil-viewer-");
            browser.screenshot("admin-users-forbidden");
        }
    }

    @Test
    void anAdministratorFindsAUserEditsThemAndRevokesOneOfTheirTokens() {
        UserView user = users.create(new UserCommand(
                "token-owner-" + UUID.randomUUID().toString().substring(0, 6),
                "Token Owner",
                null,
                PASSWORD,
                true,
                List.of(Role.DATA_STEWARD),
                List.of(new ScopeEntry(ScopeType.COUNTRY, "LBR"))));
        TokenView token = tokens.create(user.username(), "nightly import", null);
        try (Browser browser = admin()) {
            browser.open("/admin/users");
            browser.type("q", user.username());
            browser.clickAndWait(By.cssSelector("form.filters button[type=submit]"));
            assertThat(browser.all(By.cssSelector("tbody tr"))).hasSize(1);
            browser.click(By.linkText(user.username()));
            assertThat(browser.pageText()).contains("Countries: LBR").contains("nightly import");
            assertThat(browser.pageText()).doesNotContain(token.token());

            browser.click(By.linkText("Edit"));
            assertThat(browser.driver().findElement(By.id("countries")).getAttribute("value"))
                    .isEqualTo("LBR");
            browser.type("displayName", "Token Owner (Liberia)").type("countries", "LBR, SLE");
            browser.click(save());
            assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
            assertThat(browser.pageText()).contains("Countries: LBR, SLE");

            browser.click(By.cssSelector("#token-table button.danger"));
            browser.driver().switchTo().alert().accept();
            assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("The token has been revoked.");
            assertThat(browser.text(By.cssSelector("#token-table tbody tr"))).contains("Revoked");
            browser.screenshot("admin-user-token-revoked");
        }
        assertThat(tokens.authenticate(token.token())).isEmpty();
    }

    @Test
    void anAdministratorUnlocksAnAccountLockedByFailedSignIns() {
        UserView user = users.create(new UserCommand(
                "locked-" + UUID.randomUUID().toString().substring(0, 6),
                "Locked User",
                null,
                PASSWORD,
                true,
                List.of(Role.VIEWER),
                List.of()));
        for (int i = 0; i < UserService.FAILURES_BEFORE_LOCK; i++) {
            users.recordFailedSignIn(user.username());
        }
        try (Browser browser = admin()) {
            browser.open("/admin/users/" + user.id());
            assertThat(browser.pageText()).contains("Locked").contains("No scope yet");
            browser.screenshot("admin-user-locked");
            browser.click(By.xpath("//button[text()='Unlock']"));
            assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("The account is unlocked.");
            assertThat(browser.all(By.xpath("//button[text()='Unlock']"))).isEmpty();
        }
        assertThat(users.get(user.id()).locked()).isFalse();
    }

    @Test
    void theAdministrationScreensReadWellInFrenchAndOnASmallScreen() {
        try (Browser browser = admin()) {
            browser.open("/admin/users?lang=fr");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Utilisateurs");
            browser.screenshot("admin-users-fr");
            browser.open("/admin/users/new");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Nouvel utilisateur");
            assertThat(browser.pageText()).contains("Lecteur").contains("Périmètre");
            Screenshots.wholePage(browser, "admin-user-form-fr");
            browser.resize(360, 800);
            browser.open("/admin/users/new?lang=en");
            Screenshots.wholePage(browser, "admin-user-form-360");
            browser.open("/admin/users");
            Screenshots.wholePage(browser, "admin-users-360");
        }
    }
}
