package io.loyaltyhub.host.testing;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

/**
 * Headless Debian Chromium driven by Selenium. Without Chromium the browser tests are skipped
 * with the install command, except under CI=true, where a missing browser fails the run.
 */
public final class Browser {
    public static final String INSTALL_HINT = "install it with: sudo apt-get install -y chromium chromium-driver";
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Browser() {
    }

    public static ChromeDriver open() throws IOException {
        return open(false);
    }

    /** With {@code consoleLog}, the page's console is kept for {@code manage().logs().get(LogType.BROWSER)}. */
    public static ChromeDriver open(boolean consoleLog) throws IOException {
        String browser = BROWSERS.stream().filter(p -> new File(p).canExecute()).findFirst().orElse(null);
        String driver = DRIVERS.stream().filter(p -> new File(p).canExecute()).findFirst().orElse(null);
        if (browser == null || driver == null) {
            String message = "Chromium or chromedriver not found, so the admin UI browser tests cannot run; " + INSTALL_HINT;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        if (consoleLog) {
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Saves what the browser shows, for a person to look at when a test fails. */
    public static void screenshot(ChromeDriver driver, String name) {
        try {
            Path target = Path.of("target", "screenshots");
            Files.createDirectories(target);
            Files.write(target.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            System.err.println("no screenshot " + name + ": " + e);
        }
    }
}
