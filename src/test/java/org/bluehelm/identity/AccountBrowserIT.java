package org.bluehelm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.bluehelm.mission.MissionService;
import org.bluehelm.test.Browser;
import org.bluehelm.test.TestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfiguration.class)
class AccountBrowserIT {

    static final String PASSWORD = "account-user-password";

    @LocalServerPort
    int port;

    @Autowired
    MissionService missions;

    @Autowired
    UserService users;

    String username;

    @BeforeEach
    void createUser() {
        long unmil = missions.findByAcronym("UNMIL").orElseThrow().id();
        username = "account-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new UserCommand(
                username,
                "Awa Account",
                "awa@example.org",
                PASSWORD,
                true,
                List.of(Role.VIEWER),
                List.of(new ScopeEntry(ScopeType.MISSION, String.valueOf(unmil)))));
    }

    private Browser signedIn() {
        Browser browser = new Browser(port);
        browser.signIn(username, PASSWORD);
        return browser;
    }

    @Test
    void aUserCreatesAPersonalAccessTokenSeesItOnceAndRevokesIt() throws Exception {
        try (Browser browser = signedIn()) {
            browser.clickAndWait(By.cssSelector("a.who"));
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("My account");
            assertThat(browser.pageText())
                    .contains("Viewer — reads in scope.")
                    .contains("Missions: UNMIL")
                    .contains("You have no access token.");
            Screenshots.wholePage(browser, "account");

            browser.type("name", "");
            browser.clickAndWait(By.xpath("//button[text()='Create token']"));
            assertThat(browser.text(By.id("name-error"))).isEqualTo("is required");

            browser.type("name", "monthly report script");
            browser.clickAndWait(By.xpath("//button[text()='Create token']"));
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Your new access token");
            String token = browser.driver().findElement(By.id("new-token")).getAttribute("value");
            assertThat(token).startsWith("bh_").hasSizeGreaterThan(40);
            assertThat(browser.pageText()).contains("only time it is shown");
            browser.screenshot("account-token-created");
            assertThat(apiStatus(token)).isEqualTo(200);

            browser.clickAndWait(By.linkText("Back to my account"));
            assertThat(browser.driver().getPageSource()).doesNotContain(token);
            assertThat(browser.text(By.cssSelector("#token-table tbody tr")))
                    .contains("monthly report script")
                    .contains(token.substring(0, 10))
                    .contains("Active");
            Screenshots.wholePage(browser, "account-with-token");

            browser.click(By.cssSelector("#token-table button.danger"));
            assertThat(browser.driver().switchTo().alert().getText()).contains("monthly report script");
            browser.driver().switchTo().alert().accept();
            assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("The token has been revoked.");
            assertThat(browser.text(By.cssSelector("#token-table tbody tr"))).contains("Revoked");
            assertThat(browser.all(By.cssSelector("#token-table button.danger")))
                    .isEmpty();
            assertThat(apiStatus(token)).isEqualTo(401);
        }
    }

    @Test
    void aUserChangesTheirPasswordAfterBeingToldWhatIsWrong() {
        String newPassword = "a-much-longer-password";
        try (Browser browser = signedIn()) {
            browser.open("/account");
            browser.type("currentPassword", "not-my-password")
                    .type("newPassword", "short")
                    .type("confirmPassword", "other");
            browser.click(By.xpath("//button[text()='Change password']"));
            assertThat(browser.text(By.id("currentPassword-error"))).isEqualTo("is not your current password");
            assertThat(browser.text(By.id("newPassword-error"))).isEqualTo("must be at least 12 characters");
            assertThat(browser.text(By.id("confirmPassword-error"))).isEqualTo("does not match the new password");
            assertThat(browser.driver().findElement(By.id("newPassword")).getAttribute("value"))
                    .isEmpty();
            Screenshots.wholePage(browser, "account-password-errors");

            browser.type("currentPassword", PASSWORD)
                    .type("newPassword", newPassword)
                    .type("confirmPassword", newPassword);
            browser.click(By.xpath("//button[text()='Change password']"));
            assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Your password has been changed.");
        }
        try (Browser browser = new Browser(port)) {
            browser.signIn(username, newPassword);
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Overview");
        }
    }

    @Test
    void theAccountAndSignInPagesReadWellInFrenchAndAt360Pixels() {
        try (Browser browser = signedIn()) {
            browser.open("/account?lang=fr");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Mon compte");
            assertThat(browser.pageText())
                    .contains("Lecteur — consulte son périmètre.")
                    .contains("Missions : UNMIL")
                    .contains("Jetons d'accès personnels");
            Screenshots.wholePage(browser, "account-fr");
            browser.open("/");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Vue d'ensemble");
            browser.screenshot("home-fr");
            browser.resize(360, 800);
            browser.open("/account?lang=en");
            Screenshots.wholePage(browser, "account-360");
        }
        try (Browser browser = new Browser(port)) {
            browser.resize(360, 800);
            browser.open("/login?lang=fr");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Connexion");
            assertThat(browser.driver()
                            .findElement(By.cssSelector("label[for=password]"))
                            .getText())
                    .isEqualTo("Mot de passe");
            browser.screenshot("login-fr-360");
            Number overflow = (Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
        }
    }

    private int apiStatus(String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
