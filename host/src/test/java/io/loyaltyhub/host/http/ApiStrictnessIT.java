package io.loyaltyhub.host.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.host.testing.TestServer;
import io.loyaltyhub.host.testing.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** The API says exactly what it accepts, refuses the rest with a 4xx problem, and /openapi tells the truth. */
class ApiStrictnessIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("strict", TestServer.shippedPlugins());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> raw(String method, String path, byte[] body) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Authorization", "Bearer " + API_KEY)
                    .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void problem(Reply r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo(code);
    }

    @Test
    void jsonWithSomethingAfterTheValueIsRefused() {
        problem(server.post("/api/v1/customers", API_KEY, "{\"mobile\":\"+919811100100\"} trailing"), 400, "malformed-json");
        problem(server.post("/api/v1/customers", API_KEY, "{\"mobile\":\"+919811100100\"}{}"), 400, "invalid-body");
        assertThat(server.count("SELECT COUNT(*) FROM loyalty_customer WHERE mobile = '+919811100100'")).isZero();
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIsA422NamingTheField() {
        Reply r = server.post("/api/v1/affiliates", API_KEY,
                "{\"name\":\"Frac\",\"mobile\":\"9845000111\",\"telegramUserId\":1.5}");
        problem(r, 422, "validation-failed");
        assertThat(r.json().at("/errors/telegramUserId").asText()).isNotEmpty();
    }

    @Test
    void anUnknownInviteIsRefused() {
        problem(server.post("/api/v1/affiliates", API_KEY, "{\"name\":\"Inv\",\"mobile\":\"9845000112\",\"invite\":\"NOPE123\"}"),
                422, "unknown-invite");
        problem(server.post("/api/v1/affiliates", API_KEY, "{\"name\":\"Inv\",\"mobile\":\"9845000112\",\"invite\":\""
                + "X".repeat(1000) + "\"}"), 422, "unknown-invite");
        assertThat(server.count("SELECT COUNT(*) FROM affiliate WHERE mobile = '+919845000112'")).isZero();
    }

    @Test
    void moneyIsADecimalStringWithItsCurrencyAndNothingElse() {
        String id = server.post("/api/v1/affiliates", API_KEY, "{\"name\":\"Money\",\"mobile\":\"9845000113\"}")
                .json().get("id").asText();
        JsonNode revenue = server.get("/api/v1/affiliates/" + id + "/stats", API_KEY).json().get("revenue");
        assertThat(revenue.get("amount").isTextual()).isTrue();
        assertThat(revenue.get("amount").asText()).isEqualTo("0.00");
        assertThat(revenue.get("currency").asText()).isEqualTo("INR");
        assertThat(revenue.size()).as("no other property, such as 'negative'").isEqualTo(2);
    }

    @Test
    void malformedUtf8AndControlCharactersAreRefused() throws Exception {
        byte[] overlong = "{\"mobile\":\"+919811100101\",\"name\":\"A?B\"}".getBytes(StandardCharsets.UTF_8);
        int q = new String(overlong, StandardCharsets.UTF_8).indexOf('?');
        byte[] body = new byte[overlong.length + 1];
        System.arraycopy(overlong, 0, body, 0, q);
        body[q] = (byte) 0xC0; // an overlong '/'
        body[q + 1] = (byte) 0xAF;
        System.arraycopy(overlong, q + 1, body, q + 2, overlong.length - q - 1);
        HttpResponse<String> r = raw("POST", "/api/v1/customers", body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("malformed-utf8");

        problem(server.post("/api/v1/customers", API_KEY, "{\"mobile\":\"+919811100102\",\"name\":\"A\\u0000B\"}"),
                400, "control-character");
        assertThat(server.count("SELECT COUNT(*) FROM loyalty_customer WHERE mobile IN ('+919811100101', '+919811100102')"))
                .isZero();
    }

    @Test
    void aBodyOverTheLimitIsAProblemDocument() throws Exception {
        byte[] big = ("{\"name\":\"" + "x".repeat(6 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        // the server answers 413 and closes while the client may still be sending: then the client sometimes sees
        // the connection reset before it reads the answer (any HTTP client may). A client tries again; so does this.
        HttpResponse<String> r = null;
        for (int attempt = 1; r == null; attempt++) {
            try {
                r = raw("POST", "/api/v1/customers", big);
            } catch (java.io.IOException reset) {
                if (attempt == 5) {
                    throw reset;
                }
            }
        }
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("payload-too-large");
    }

    @Test
    void billsOutOfBoundsOrOfUnknownStoresAreRefused() {
        server.post("/api/v1/customers", API_KEY, "{\"mobile\":\"+919811100103\"}");
        Reply old = server.post("/api/v1/bills", API_KEY, "{\"billNumber\":\"OLD-1\",\"billedAt\":\"0000-01-01T00:00:00Z\","
                + "\"customerMobile\":\"+919811100103\",\"amount\":100,\"currency\":\"INR\"}");
        problem(old, 422, "invalid-date");
        Reply elsewhere = server.post("/api/v1/bills", API_KEY, "{\"billNumber\":\"ST-1\",\"storeId\":\"NOWHERE-1\",\"billedAt\":\""
                + Instant.now().minusSeconds(60) + "\",\"customerMobile\":\"+919811100103\",\"amount\":100,\"currency\":\"INR\"}");
        problem(elsewhere, 422, "unknown-store");
        assertThat(elsewhere.json().at("/errors/storeId").asText()).contains("not a store");

        assertThat(server.post("/api/v1/stores", API_KEY, "{\"code\":\"BLR-9\",\"name\":\"Indiranagar\"}").status()).isEqualTo(201);
        assertThat(server.post("/api/v1/bills", API_KEY, "{\"billNumber\":\"ST-2\",\"storeId\":\"BLR-9\",\"billedAt\":\""
                + Instant.now().minusSeconds(60) + "\",\"customerMobile\":\"+919811100103\",\"amount\":100,\"currency\":\"INR\"}")
                .status()).isEqualTo(200);
        assertThat(server.count("SELECT COUNT(*) FROM loyalty_bill WHERE bill_number IN ('OLD-1', 'ST-1')")).isZero();
    }

    @Test
    void theDocumentDeclaresStatusesQueryParametersAndNullableFields() throws Exception {
        JsonNode doc = JSON.readTree(server.get("/openapi", null).body());
        assertThat(doc.at("/paths/~1api~1v1~1bills/post/responses").has("200")).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1customers/post/responses").has("201")).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1customers~1{id}/delete/responses").has("204")).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1customers/get/parameters").findValuesAsText("name"))
                .contains("mobile", "q", "tier", "limit");
        assertThat(doc.at("/components/schemas/Money/properties/amount/type").asText()).isEqualTo("string");
        assertThat(doc.at("/components/schemas/Customer/properties/name/nullable").asBoolean()).isTrue();
        assertThat(doc.at("/components/schemas/Customer/required").toString()).contains("id");
    }
}
