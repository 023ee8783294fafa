package io.loyaltyhub.host.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/**
 * A real server with the shipped plugins for the whole test class, and a fresh headless Chromium
 * per test (a screenshot of its last page lands in target/screenshots).
 */
public abstract class BrowserTestBase {
    protected static TestServer server;
    protected ChromeDriver browser;
    protected WebDriverWait wait;

    @BeforeAll
    static void startServer(TestInfo info) throws Exception {
        server = TestServer.start(info.getTestClass().orElseThrow().getSimpleName(), TestServer.shippedPlugins());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        if (browser != null) {
            Browser.screenshot(browser, test.getTestMethod().orElseThrow().getName());
            browser.quit();
        }
    }

    /** Fills the login form and presses Enter (it does not wait: a wrong password stays on the page). */
    protected void submitLogin(String username, String password) {
        browser.get(server.adminBase() + "/login");
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=username]")));
        user.sendKeys(username);
        browser.findElement(By.cssSelector("input[name=password]")).sendKeys(password, Keys.ENTER);
    }

    /** Logs in and waits for the main layout. */
    protected void logIn(String username, String password) {
        submitLogin(username, password);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main-nav")));
    }
}
