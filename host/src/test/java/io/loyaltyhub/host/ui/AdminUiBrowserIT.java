package io.loyaltyhub.host.ui;

import io.loyaltyhub.host.testing.BrowserTestBase;
import io.loyaltyhub.host.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;


import static org.assertj.core.api.Assertions.assertThat;

/** The admin UI in a real headless Chromium against a real server. */
class AdminUiBrowserIT extends BrowserTestBase {
    @Test
    void wrongPasswordShowsAnErrorAndStaysOnLogin() {
        submitLogin("admin", "not-the-password");
        wait.until(d -> d.findElement(By.id("login-form")).getDomAttribute("error") != null);
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Incorrect username or password");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void adminChangesAPluginSettingAndSeesItSaved() {
        logIn("admin", TestServer.ADMIN_PASSWORD);
        browser.get(server.adminBase() + "/plugins/stores");
        WebElement maxStores = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#setting-max-stores input")));
        assertThat(maxStores.getDomProperty("value")).isEqualTo("500");

        // An invalid value is refused with the reason on the field, and nothing is saved.
        maxStores.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0");
        saveSettings();
        wait.until(d -> d.findElement(By.id("setting-max-stores")).getDomAttribute("invalid") != null);
        assertThat(browser.findElement(By.id("setting-max-stores")).getText()).contains("must be between 1 and 100000");
        assertThat(server.get("/api/v1/plugins/stores", TestServer.API_KEY).json().at("/settings/max-stores").asText())
                .isEqualTo("500");

        maxStores = browser.findElement(By.cssSelector("#setting-max-stores input"));
        maxStores.sendKeys(Keys.chord(Keys.CONTROL, "a"), "42");
        saveSettings();
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Settings saved"));
        assertThat(server.get("/api/v1/plugins/stores", TestServer.API_KEY).json().at("/settings/max-stores").asText())
                .isEqualTo("42");

        browser.navigate().refresh();
        WebElement reloaded = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#setting-max-stores input")));
        wait.until(d -> "42".equals(reloaded.getDomProperty("value")));
        assertThat(server.get("/api/v1/audit?entityType=plugin", TestServer.API_KEY).json().get(0).get("actor").asText())
                .isEqualTo("staff:admin");
    }

    @Test
    void loggedOutUsersAreSentToLogin() {
        browser.get(server.adminBase() + "/audit");
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.findElements(By.id("audit-grid"))).isEmpty();
    }

    /** The plugins grid grows with every shipped plugin: the button may sit below the window, as a user scrolls to. */
    private void saveSettings() {
        org.openqa.selenium.WebElement save = browser.findElement(By.id("save-settings"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center'})",
                save);
        save.click();
    }
}
