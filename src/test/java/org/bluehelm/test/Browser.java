package org.bluehelm.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, driving a
 * Bluehelm started on a random port. Screenshots go to {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final String base;

    public Browser(int port) {
        this(port, null);
    }

    /** A browser that saves downloads to {@code downloads} without asking. */
    public Browser(int port, @org.jspecify.annotations.Nullable Path downloads) {
        ChromeOptions options = new ChromeOptions();
        if (downloads != null) {
            options.setExperimentalOption(
                    "prefs",
                    java.util.Map.of(
                            "download.default_directory",
                                    downloads.toAbsolutePath().toString(),
                            "download.prompt_for_download", false,
                            "download.directory_upgrade", true,
                            "safebrowsing.enabled", true));
        }
        String binary = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
        options.setBinary(binary);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(
                        Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"))
                                .toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        this.base = "http://localhost:" + port;
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public Browser signIn(String username, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit].primary")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("/login")
                || !d.findElements(By.cssSelector(".alert.error")).isEmpty());
        return this;
    }

    /**
     * Signs in as the test administrator and waits until the sign-in page is left, so that the next
     * page opened does not cut the sign-in short.
     */
    public Browser signInAsAdmin() {
        signIn("admin", "test-admin-password");
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    public Browser type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public Browser click(By by) {
        driver.findElement(by).click();
        return this;
    }

    /** Clicks something that loads another page, and waits until that page has replaced this one. */
    public Browser clickAndWait(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        waitUntil(d -> {
            try {
                return org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page)
                        .apply(d);
            } catch (org.openqa.selenium.WebDriverException e) {
                return true; // the old document went away while it was being asked about
            }
        });
        return this;
    }

    /** Follows a link of the main navigation by its text, opening the menu that holds it first. */
    public Browser navigate(String linkText) {
        WebElement link = driver.findElement(By.xpath("//header//nav//a[normalize-space(.)='" + linkText + "']"));
        if (!link.isDisplayed()) {
            link.findElement(By.xpath("ancestor::details[1]/summary")).click();
        }
        WebElement page = driver.findElement(By.tagName("html"));
        link.click();
        waitUntil(d -> {
            try {
                return org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page)
                        .apply(d);
            } catch (org.openqa.selenium.WebDriverException e) {
                return true;
            }
        });
        return this;
    }

    public String text(By by) {
        return driver.findElement(by).getText();
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            // what the page showed when the wait gave up, for whoever reads the failure
            Path shot = screenshot("timeout-" + System.currentTimeMillis());
            throw new org.openqa.selenium.TimeoutException(
                    e.getMessage() + "\n  at " + driver.getCurrentUrl() + " (screenshot " + shot + ")\n  page text: "
                            + pageText().replaceAll("\\s+", " "),
                    e);
        }
    }

    public Browser resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /** Saves what the page looks like now as target/screenshots/NAME.png. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        }
    }

    /** Saves the whole page, not only what the window shows, as target/screenshots/NAME.png. */
    public Path screenshotWholePage(String name) {
        Dimension window = driver.manage().window().getSize();
        Number height = (Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight");
        resize(window.getWidth(), Math.max(window.getHeight(), height.intValue() + 200));
        Path file = screenshot(name);
        resize(window.getWidth(), window.getHeight());
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
