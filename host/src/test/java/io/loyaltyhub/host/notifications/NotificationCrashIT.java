package io.loyaltyhub.host.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.host.chat.MetaGraphApi;
import io.loyaltyhub.host.testing.PackagedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged server killed ({@code kill -9}) while notifications are between their events and their sends: some
 * not yet written, some pending, some queued for WhatsApp (which answers 503 until the restart). After the restart
 * every bill and every join is told exactly once.
 */
class NotificationCrashIT {
    private final List<PackagedServer> servers = new ArrayList<>();
    private MetaGraphApi meta;

    @AfterEach
    void cleanUp() {
        servers.forEach(PackagedServer::close);
        if (meta != null) {
            meta.close();
        }
    }

    private PackagedServer start(Path data) throws Exception {
        PackagedServer s = PackagedServer.start(data, Map.of(
                "WHATSAPP_API_BASE_URL", "http://127.0.0.1:" + meta.wireMock().port(),
                "WHATSAPP_PHONE_NUMBER_ID", MetaGraphApi.PHONE_NUMBER_ID,
                "WHATSAPP_BUSINESS_ACCOUNT_ID", MetaGraphApi.BUSINESS_ACCOUNT_ID,
                "WHATSAPP_ACCESS_TOKEN", MetaGraphApi.TOKEN,
                "WHATSAPP_APP_SECRET", MetaGraphApi.APP_SECRET,
                "WHATSAPP_VERIFY_TOKEN", MetaGraphApi.VERIFY_TOKEN));
        servers.add(s);
        s.awaitReady(Duration.ofMinutes(3));
        return s;
    }

    @Test
    void aKillBetweenTheEventsAndTheSendsSendsEachOnce() throws Exception {
        meta = new MetaGraphApi();
        meta.stubTemplates(ShippedWhatsAppTemplates.approved(), 100);
        // WhatsApp is down: nothing is accepted before the kill
        meta.wireMock().stubFor(MetaGraphApi.messages().atPriority(1).willReturn(aResponse().withStatus(503)));
        Path data = Files.createTempDirectory("notification-crash").resolve("data");
        PackagedServer s = start(data);
        assertThat(s.send("POST", "/api/v1/whatsapp-templates/sync", "").statusCode()).isEqualTo(200);
        int customers = 20;
        for (int i = 0; i < customers; i++) {
            HttpResponse<String> r = s.send("POST", "/api/v1/customers", "{\"mobile\":\"+9198800" + String.format("%05d", i)
                    + "\",\"name\":\"Crash " + i + "\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        List<String> bills = new ArrayList<>();
        for (int i = 0; i < 3 * customers; i++) {
            String number = "NC-" + i;
            HttpResponse<String> r = s.send("POST", "/api/v1/bills", "{\"billNumber\":\"" + number + "\",\"billedAt\":\""
                    + Instant.now().minusSeconds(30) + "\",\"customerMobile\":\"+9198800" + String.format("%05d", i % customers)
                    + "\",\"amount\":1250.50,\"currency\":\"INR\"}");
            assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
            bills.add(number);
        }
        HttpResponse<String> before = s.get("/api/v1/notifications?limit=500", PackagedServer.API_KEY);
        System.out.println("notifications at the kill, by status: " + new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(before.body()).findValuesAsText("status").stream()
                .collect(Collectors.groupingBy(x -> x, java.util.TreeMap::new, Collectors.counting()))
                + " of " + (bills.size() + customers));
        s.kill(); // events, notifications and outbound messages in every state
        await().atMost(Duration.ofSeconds(30)).until(() -> s.processesUsingDataDir().isEmpty());

        meta.wireMock().resetRequests();
        meta.wireMock().removeStub(meta.wireMock().getStubMappings().stream()
                .filter(m -> m.getResponse().getStatus() == 503).findFirst().orElseThrow());
        PackagedServer again = start(data);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                sent(template(), "loyalty_points_earned").size() >= bills.size()
                        && sent(template(), "loyalty_welcome").size() >= customers);
        Thread.sleep(3000); // anything sent twice would show by now
        Map<String, Long> perBill = sent(template(), "loyalty_points_earned").stream().collect(Collectors.groupingBy(
                r -> param(r, "bill_number"), Collectors.counting()));
        assertThat(perBill.keySet()).containsExactlyInAnyOrderElementsOf(bills);
        assertThat(perBill.values()).as("each bill told once").allMatch(n -> n == 1);
        Map<String, Long> perCustomer = sent(template(), "loyalty_welcome").stream().collect(Collectors.groupingBy(
                r -> r.path("to").asText(), Collectors.counting()));
        assertThat(perCustomer).hasSize(customers);
        assertThat(perCustomer.values()).as("each customer welcomed once").allMatch(n -> n == 1);
        assertThat(again.troubleLines()).as("no errors in the log").isEmpty();
    }

    private Function<JsonNode, String> template() {
        return r -> r.path("template").path("name").asText();
    }

    private List<JsonNode> sent(Function<JsonNode, String> name, String template) {
        return meta.requests().stream().filter(r -> name.apply(r).equals(template)).toList();
    }

    private static String param(JsonNode request, String name) {
        for (JsonNode p : request.path("template").path("components").path(0).path("parameters")) {
            if (p.path("parameter_name").asText().equals(name)) {
                return p.path("text").asText();
            }
        }
        return "";
    }
}
