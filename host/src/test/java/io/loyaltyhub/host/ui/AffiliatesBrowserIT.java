package io.loyaltyhub.host.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.host.testing.BrowserTestBase;
import io.loyaltyhub.host.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.time.Instant;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The affiliates admin pages in a real Chromium: approve an application, bulk-approve commissions. */
class AffiliatesBrowserIT extends BrowserTestBase {

    private static JsonNode ok(TestServer.Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    @Test
    void approveAnAffiliateThenBulkApproveTheirCommissions() {
        JsonNode a = ok(server.post("/api/v1/affiliates", API_KEY,
                "{\"name\":\"Kiran Traders\",\"mobile\":\"+919830000001\",\"payoutDetails\":\"UPI: kiran@upi\"}"), 201);
        long id = a.get("id").asLong();
        String code = a.get("code").asText();
        logIn("admin", TestServer.ADMIN_PASSWORD);

        browser.get(server.adminBase() + "/affiliates");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("approve-" + id))).click();
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains("approved"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("approve-" + id)));
        assertThat(ok(server.get("/api/v1/affiliates/" + id, API_KEY), 200).get("status").asText()).isEqualTo("APPROVED");

        // three referred customers' bills: three pending commissions
        for (int i = 1; i <= 3; i++) {
            String mobile = "+91983000010" + i;
            ok(server.post("/api/v1/customers", API_KEY, "{\"mobile\":\"" + mobile + "\",\"name\":\"C" + i
                    + "\",\"referralCode\":\"" + code + "\"}"), 201);
            ok(server.post("/api/v1/bills", API_KEY, "{\"billNumber\":\"BR-" + i + "\",\"storeId\":\"BLR-1\","
                    + "\"billedAt\":\"" + Instant.now().minusSeconds(60) + "\",\"customerMobile\":\"" + mobile
                    + "\",\"amount\":" + (1000 * i) + ",\"currency\":\"INR\"}"), 200);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> server.count(
                "SELECT COUNT(*) FROM affiliate_commission WHERE affiliate_id = " + id + " AND status = 'PENDING'") == 3);

        browser.get(server.adminBase() + "/commissions?affiliate=" + id);
        wait.until(d -> "3".equals(d.findElement(By.id("commissions-grid")).getDomAttribute("data-count")));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("commissions-select-pending"))).click();
        wait.until(d -> "3".equals(d.findElement(By.id("commissions-grid")).getDomAttribute("data-selected")));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("commissions-approve-selected"))).click();
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Approved 3 commissions."));
        wait.until(d -> "0".equals(d.findElement(By.id("commissions-grid")).getDomAttribute("data-count")));
        assertThat(server.count("SELECT COUNT(*) FROM affiliate_commission WHERE affiliate_id = " + id
                + " AND status = 'APPROVED'")).isEqualTo(3);
        // 5 % of 1,000 + 2,000 + 3,000
        assertThat(ok(server.get("/api/v1/commissions?affiliateId=" + id + "&status=APPROVED", API_KEY), 200).size())
                .isEqualTo(3);
        assertThat(server.jdbcString("SELECT SUM(amount) FROM affiliate_commission WHERE affiliate_id = " + id))
                .isEqualTo("300.00");
    }
}
