package io.loyaltyhub.host.ui;

import io.loyaltyhub.host.testing.BrowserTestBase;
import io.loyaltyhub.host.testing.TestServer;
import io.loyaltyhub.host.testing.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;


import static org.assertj.core.api.Assertions.assertThat;

/** Customers in the admin UI, in a real headless Chromium against a real server with the loyalty plugin. */
class CustomersBrowserIT extends BrowserTestBase {
    private static long join(String mobile, String name) {
        Reply r = server.post("/api/v1/customers", TestServer.API_KEY,
                "{\"mobile\":\"" + mobile + "\",\"name\":\"" + name + "\"}");
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json().get("id").asLong();
    }

    private static By cell(String gridId, String text) {
        return By.xpath("//vaadin-grid[@id='" + gridId + "']//vaadin-grid-cell-content[normalize-space()='" + text + "']");
    }

    private String availableOnScreen() {
        return browser.findElement(By.cssSelector("#balance-available .stat-value")).getText().trim();
    }

    private long gridSize(String gridId) {
        Object size = browser.executeScript("return document.getElementById(arguments[0]).size;", gridId);
        return size instanceof Number n ? n.longValue() : -1;
    }

    @Test
    void adminFindsACustomerByMobileAndDeductsPoints() {
        long id = join("+919812345678", "Meera Iyer");
        join("+919900000042", "Ravi Kumar");

        logIn("admin", TestServer.ADMIN_PASSWORD);
        browser.get(server.adminBase() + "/customers");
        WebElement search = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#customer-search input")));
        // the mobile number as people type it: without +91, with a space
        search.sendKeys("98123 45678", Keys.ENTER);
        wait.until(d -> gridSize("customers-grid") == 1);
        WebElement meera = wait.until(ExpectedConditions.elementToBeClickable(cell("customers-grid", "Meera Iyer")));
        meera.click();

        wait.until(ExpectedConditions.urlContains("/customers/" + id));
        wait.until(ExpectedConditions.textToBe(By.id("customer-name"), "Meera Iyer"));
        wait.until(d -> "100".equals(availableOnScreen())); // the sign-up bonus

        WebElement points = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#adjust-points input")));
        points.sendKeys("-30");
        browser.findElement(By.cssSelector("#adjust-reason input")).sendKeys("damaged coupon");
        browser.findElement(By.id("adjust-submit")).click();

        wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Points adjusted"));
        wait.until(d -> "70".equals(availableOnScreen()));
        wait.until(ExpectedConditions.presenceOfElementLocated(cell("ledger-grid", "-30")));
        assertThat(browser.findElements(cell("ledger-grid", "damaged coupon"))).isNotEmpty();
        assertThat(browser.findElements(cell("ledger-grid", "+100"))).as("the sign-up bonus line").isNotEmpty();
        // hidden components are not sent to the browser at all
        assertThat(browser.findElements(By.id("adjust-error"))).noneMatch(WebElement::isDisplayed);

        Reply balance = server.get("/api/v1/customers/" + id + "/points", TestServer.API_KEY);
        assertThat(balance.status()).as(balance.body()).isEqualTo(200);
        assertThat(balance.json().get("available").asLong()).isEqualTo(70);
    }
}
