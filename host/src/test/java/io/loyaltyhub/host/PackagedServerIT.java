package io.loyaltyhub.host;

import io.loyaltyhub.host.testing.Browser;
import io.loyaltyhub.host.testing.PackagedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution as users start it: {@code java -jar host/target/dist/loyalty-server.jar} in its
 * own process, with the embedded database, then every page of the admin UI in Chromium. Any logged
 * error or stack trace in the server's output fails the run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedServerIT {
    /** What a page shows when it failed: Jetty's error page, Vaadin's error views and notifications. */
    private static final List<String> PAGE_ERRORS = List.of("HTTP ERROR", "Internal error", "Could not navigate",
            "Exception", "Server Error", "Something went wrong");

    private static PackagedServer server;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("packaged-server");
        server = PackagedServer.start(dir.resolve("data")).awaitReady(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void everyPageOfTheAdminUiOpensWithoutAnError() throws Exception {
        ChromeDriver browser = Browser.open(true);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(server.adminBase() + "/login");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=username]"))).sendKeys("admin");
            browser.findElement(By.cssSelector("input[name=password]")).sendKeys(PackagedServer.ADMIN_PASSWORD, Keys.ENTER);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main-nav")));

            List<String> paths = new ArrayList<>();
            for (WebElement item : browser.findElements(By.cssSelector("#main-nav vaadin-side-nav-item"))) {
                paths.add(item.getDomAttribute("path"));
            }
            assertThat(paths).as("navigation entries").hasSizeGreaterThan(10).doesNotContainNull();

            List<String> failures = new ArrayList<>();
            for (String path : paths) {
                browser.get(server.adminBase() + "/" + path);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main-nav")));
                wait.until(d -> d.findElement(By.tagName("vaadin-app-layout")).getText().length() > 0);
                String body = browser.findElement(By.tagName("body")).getText();
                PAGE_ERRORS.stream().filter(body::contains)
                        .forEach(e -> failures.add("/" + path + " shows '" + e + "': " + body));
                for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
                    if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                        failures.add("/" + path + " console: " + entry.getMessage());
                    }
                }
            }
            Browser.screenshot(browser, "packaged-last-page");
            assertThat(failures).isEmpty();
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(2)
    void theReadmeShowsTheBannerItPrints() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String sample = readme.substring(readme.indexOf("## First run"), readme.indexOf("Ctrl-C (SIGTERM)"));
        String out = server.output();
        // the banner's lines (the generated password's lines follow only when none is configured)
        for (String line : sample.lines().filter(l -> l.startsWith("  ") && !l.isBlank())
                .takeWhile(l -> !l.contains("First start")).toList()) {
            String label = line.strip().split("\\s{2,}|:|\\(|'")[0].strip();
            assertThat(out).as("README sample line '" + line.strip() + "'").contains("  " + label);
        }
        assertThat(sample).contains("affiliates", "loyalty", "stores", "Telegram");
    }

    @Test
    @Order(3)
    void healthAndRestAnswer() throws Exception {
        HttpResponse<String> ready = server.get("/health/ready", null);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);

        HttpResponse<String> plugins = server.get("/api/v1/plugins", PackagedServer.API_KEY);
        assertThat(plugins.statusCode()).as(plugins.body()).isEqualTo(200);
        assertThat(plugins.body()).contains("\"loyalty\"", "\"affiliates\"", "\"stores\"").doesNotContain("FAILED");

        assertThat(server.get("/api/v1/plugins", null).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void sigtermStopsItCleanlyWithNothingLeftRunning() throws Exception {
        int exit = server.stop(Duration.ofSeconds(60));
        String out = server.output();
        assertThat(exit).as(out).isIn(0, 143); // 143: ended by SIGTERM after the shutdown hook ran
        assertThat(out).contains("Stopped.");
        assertThat(server.processesUsingDataDir()).as("the embedded database ended too").isEmpty();
        assertThat(server.troubleLines()).as("errors or stack traces in the server's output").isEmpty();
    }
}
