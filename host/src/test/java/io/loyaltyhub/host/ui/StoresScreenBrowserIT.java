package io.loyaltyhub.host.ui;

import io.loyaltyhub.host.testing.BrowserTestBase;
import io.loyaltyhub.host.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** A screen a plugin brings (the stores plugin's, through the admin-UI contract), in a real browser. */
class StoresScreenBrowserIT extends BrowserTestBase {

    @Test
    void aManagerSeesThePluginsScreenInTheNavigationAndAddsAStore() {
        logIn("admin", TestServer.ADMIN_PASSWORD);
        WebElement navItem = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#main-nav vaadin-side-nav-item[path='stores']")));
        assertThat(navItem.getText()).contains("Stores");
        // the navigation is longer than the window: bring the item into view first, as a user scrolls to it
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center'})",
                navItem);
        navItem.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("stores-grid")));
        wait.until(d -> d.findElement(By.id("stores-grid")).getText().contains("BLR-1"));

        browser.findElement(By.cssSelector("#store-code input")).sendKeys("bad code!");
        browser.findElement(By.id("store-add")).click();
        wait.until(d -> d.findElement(By.id("store-code")).getDomAttribute("invalid") != null);
        assertThat(browser.findElement(By.id("store-name")).getDomAttribute("invalid")).isNotNull();

        WebElement code = browser.findElement(By.cssSelector("#store-code input"));
        code.clear();
        code.sendKeys("MUM-1");
        browser.findElement(By.cssSelector("#store-name input")).sendKeys("Bandra");
        browser.findElement(By.cssSelector("#store-city input")).sendKeys("Mumbai");
        browser.findElement(By.id("store-add")).click();
        wait.until(d -> d.findElement(By.id("stores-grid")).getText().contains("MUM-1"));
        assertThat(server.get("/api/v1/stores", API_KEY).body()).contains("\"MUM-1\"", "Bandra");
        assertThat(server.get("/api/v1/audit?entityType=store", API_KEY).json().get(0).get("actor").asText())
                .isEqualTo("staff:admin");
    }

    @Test
    void supportReadsStoresButGetsNoForm() {
        assertThat(server.post("/api/v1/staff", API_KEY, "{\"username\":\"helper\",\"role\":\"SUPPORT\","
                + "\"password\":\"helper-password-1\"}").status()).isEqualTo(201);
        logIn("helper", "helper-password-1");
        browser.get(server.adminBase() + "/stores");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("stores-grid")));
        assertThat(browser.findElements(By.id("store-add"))).isEmpty();
    }
}
