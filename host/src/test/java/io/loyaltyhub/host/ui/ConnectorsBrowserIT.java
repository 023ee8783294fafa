package io.loyaltyhub.host.ui;

import io.loyaltyhub.host.testing.BrowserTestBase;
import io.loyaltyhub.host.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Connectors page in a real Chromium: a CSV connector created in the UI over a folder with an invoice file (one
 * row without a mobile number), tested, previewed, resumed and run; the run shows in the log with what it posted,
 * and the bad row waits in the rejects.
 */
class ConnectorsBrowserIT extends BrowserTestBase {

    static final String HEADER = "invoice_no,invoice_date,mobile,customer_name,net_amount,currency,store_code,type,"
            + "sku,category,qty,line_amount";

    @TempDir
    Path dir;

    /** Scrolls to the element and clicks it (long pages: the element may be below the fold). */
    private void click(WebElement e) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", e);
    }

    private void click(String id) {
        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id))));
    }

    private void type(String id, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + id + " input")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
    }

    /** An element's text, whether or not it is scrolled into view. */
    private String text(String id) {
        return browser.findElement(By.id(id)).getDomProperty("textContent").trim();
    }

    private List<String> cells(String gridId) {
        return browser.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .map(c -> c.getDomProperty("textContent").trim()).toList();
    }

    /** A small valid export: two bills (the first with two lines) and one row without a mobile number. */
    private Path invoices() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        String day = LocalDate.now().minusDays(1).toString();
        String csv = String.join("\n", HEADER,
                "CSV-1," + day + " 10:15,+919812300001,Asha Rao,1500.00,INR,BLR-1,SALE,SKU-1,Shirts,1,1000.00",
                "CSV-1," + day + " 10:15,+919812300001,Asha Rao,1500.00,INR,BLR-1,SALE,SKU-2,Socks,2,500.00",
                "CSV-2," + day + " 11:40,+919812300002,Bala K,650.00,INR,BLR-1,SALE,SKU-3,Shoes,1,650.00",
                "CSV-3," + day + " 12:05,,No Mobile,300.00,INR,BLR-1,SALE,SKU-4,Caps,1,300.00") + "\n";
        Path file = Files.writeString(in.resolve("invoices.csv"), csv, StandardCharsets.UTF_8);
        Path done = Files.writeString(in.resolve("invoices.csv.done"), "");
        // written "a while ago": nothing waits for the file to settle
        FileTime old = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
        Files.setLastModifiedTime(file, old);
        Files.setLastModifiedTime(done, old);
        return in;
    }

    @Test
    void createACsvConnectorPreviewItRunItAndSeeTheRunAndTheReject() throws Exception {
        Path in = invoices();
        // bills earn for enrolled customers only (unless enrol-on-bill is on)
        for (String[] customer : List.of(new String[] {"+919812300001", "Asha Rao"},
                new String[] {"+919812300002", "Bala K"})) {
            TestServer.Reply r = server.post("/api/v1/customers", API_KEY,
                    "{\"mobile\":\"" + customer[0] + "\",\"name\":\"" + customer[1] + "\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        logIn("admin", TestServer.ADMIN_PASSWORD);
        WebElement navItem = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#main-nav vaadin-side-nav-item[path='connectors']")));
        // the navigation is longer than the window: bring the item into view first, as a user scrolls to it
        browser.executeScript("arguments[0].scrollIntoView({block:'center'})", navItem);
        navItem.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("connectors-empty")));
        assertThat(browser.findElement(By.id("connectors-empty")).getText())
                .isEqualTo("No connectors yet. Create one to bring bills in from your ERP.");

        click("connector-new");
        wait.until(d -> text("connector-title").equals("New connector"));
        type("connector-name", "Till exports");
        if (browser.findElements(By.id("setting-folder")).isEmpty()) {
            click("connector-type");
            WebElement csv = wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                    .filter(i -> i.getText().trim().startsWith("CSV files")).findFirst().orElse(null));
            csv.click();
        }
        type("setting-folder", in.toString());
        assertThat(browser.findElement(By.cssSelector("#mapping-customer-mobile input")).getDomProperty("value"))
                .as("the column the CSV type reads the mobile from").isEqualTo("mobile");
        type("mapping-date-format", "yyyy-MM-dd HH:mm");

        click("connector-test");
        wait.until(d -> d.findElement(By.id("connection-check")).isDisplayed());
        assertThat(browser.findElement(By.id("connection-check")).getDomAttribute("data-ok"))
                .as(browser.findElement(By.id("connection-check")).getText()).isEqualTo("true");

        click("connector-save");
        wait.until(ExpectedConditions.urlMatches(".*/connectors/\\d+$"));
        wait.until(d -> text("connector-title").equals("Till exports"));
        assertThat(text("connector-state")).isEqualTo("Paused");

        // the preview: the good bills mapped, the row without a mobile marked
        click("connector-preview");
        wait.until(d -> cells("preview-grid").contains("CSV-1"));
        assertThat(cells("preview-grid")).contains("CSV-2");
        WebElement problem = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#preview-grid .preview-problem")));
        assertThat(problem.getDomProperty("textContent")).containsIgnoringCase("mobile");
        assertThat(browser.findElements(By.cssSelector("#preview-grid .preview-ok"))).isNotEmpty();

        click("connector-resume");
        wait.until(d -> "RUNNING".equals(d.findElement(By.id("connector-state")).getDomAttribute("data-state")));
        click("connector-run-now");

        // the run log: the chart's "Posted" bar of a run holds both bills (refreshing should polling miss it)
        String id = browser.getCurrentUrl().replaceAll(".*/connectors/", "");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .withMessage(() -> "rejects: " + server.get("/api/v1/connectors/" + id + "/rejects", API_KEY).body())
                .until(d -> {
                    if (!d.findElements(By.cssSelector("#runs-chart rect[data-series='Posted'][data-value='2']"))
                            .isEmpty()) {
                        return true;
                    }
                    click("connector-refresh");
                    return null;
                });
        wait.until(d -> cells("runs-grid").contains("Finished"));
        wait.until(d -> text("connector-last-run").contains("posted"));
        wait.until(d -> text("connector-open-rejects").equals("1"));

        click("tab-rejects");
        wait.until(d -> "1".equals(d.findElement(By.id("rejects-grid")).getDomAttribute("data-open")));
        assertThat(String.join(" ", cells("rejects-grid"))).contains("CSV-3", "invoices.csv", "mobile");

        // the list shows it too
        browser.get(server.adminBase() + "/connectors");
        wait.until(d -> cells("connectors-grid").contains("Till exports"));
        assertThat(cells("connectors-grid")).contains("Running").anyMatch(c -> c.startsWith("CSV files"));

        // yesterday's bills are the newest it read: the dashboard asks for a person, linking to the connector
        browser.get(server.adminBase() + "/");
        WebElement banner = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("connector-banner-" + id)));
        assertThat(banner.getText()).startsWith("Connector Till exports: ");
        assertThat(banner.getDomAttribute("href")).isEqualTo("connectors/" + id);
    }
}
