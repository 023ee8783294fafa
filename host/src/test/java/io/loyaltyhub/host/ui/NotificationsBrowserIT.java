package io.loyaltyhub.host.ui;

import io.loyaltyhub.host.testing.BrowserTestBase;
import io.loyaltyhub.host.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** The Notifications area the notifications plugin brings to the admin UI, in a real browser. */
class NotificationsBrowserIT extends BrowserTestBase {

    /** Scrolls to the element and clicks it (long pages: the element may be below the fold). */
    private void click(WebElement e) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", e);
    }

    private WebElement cell(String gridId, String text) {
        return wait.until(d -> d.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().equals(text)).findFirst().orElse(null));
    }

    @Test
    void editATemplateSeeTheLivePreviewAndSaveANewVersion() {
        logIn("admin", TestServer.ADMIN_PASSWORD);
        browser.get(server.adminBase() + "/notifications/templates");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("templates-grid")));
        cell("templates-grid", "Points earned on a bill").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("template-editor")));
        wait.until(d -> d.findElement(By.id("template-preview")).getText().startsWith("Hi Asha, your bill INV-20931"));
        assertThat(browser.findElement(By.id("template-wa-preview")).getText())
                .contains("template loyalty_points_earned (en", "bill_number = INV-20931");

        WebElement body = browser.findElement(By.cssSelector("#template-body textarea"));
        body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        body.sendKeys("Hello {{name}}! *{{points}} points* from {{billNumber}}. Now {{balanse}}.");
        wait.until(d -> d.findElement(By.id("template-problems")).getText().contains("unknown variable {{balanse}}"));
        body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        body.sendKeys("Hello {{name}}! *{{points}} points* from {{billNumber}}. Balance: {{balance}}.");
        wait.until(d -> d.findElement(By.id("template-preview")).getText()
                .equals("Hello Asha! 120 points from INV-20931. Balance: 1450."));
        assertThat(browser.findElement(By.cssSelector("#template-preview b")).getText())
                .as("WhatsApp's *bold* shows bold").isEqualTo("120 points");

        click(browser.findElement(By.id("template-save")));
        wait.until(d -> !d.findElements(By.cssSelector("#template-versions vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().equals("2")).toList().isEmpty());
        var saved = server.get("/api/v1/notification-templates", API_KEY).json().findParents("trigger").stream()
                .filter(t -> t.get("trigger").asText().equals("points-earned") && t.get("language").asText().equals("en"))
                .findFirst().orElseThrow();
        assertThat(saved.get("version").asInt()).isEqualTo(2);
        assertThat(saved.get("body").asText()).isEqualTo("Hello {{name}}! *{{points}} points* from {{billNumber}}. "
                + "Balance: {{balance}}.");
        assertThat(server.get("/api/v1/audit?entityType=notification-template", API_KEY).json().get(0).get("actor")
                .asText()).isEqualTo("staff:admin");
    }

    @Test
    void theOverviewLogAndWhatsAppScreensOpenAndTriggersSwitch() {
        logIn("admin", TestServer.ADMIN_PASSWORD);
        WebElement nav = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#main-nav vaadin-side-nav-item[path='notifications']")));
        nav.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#notifications-chart svg")));
        assertThat(browser.findElement(By.id("notifications-counts")).getText()).contains("Reward within reach");
        WebElement tierSwitch = browser.findElement(By.id("trigger-tier-upgraded"));
        click(tierSwitch);
        wait.until(d -> server.get("/api/v1/notification-templates/triggers", API_KEY).json().findParents("id").stream()
                .anyMatch(t -> t.get("id").asText().equals("tier-upgraded") && !t.get("on").asBoolean()));

        browser.get(server.adminBase() + "/notifications/log");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("log-grid")));
        browser.get(server.adminBase() + "/notifications/whatsapp-templates");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("whatsapp-templates-grid")));
        click(browser.findElement(By.id("whatsapp-templates-sync")));
        wait.until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .anyMatch(c -> c.getText().contains("WhatsApp channel is off")));
    }
}
