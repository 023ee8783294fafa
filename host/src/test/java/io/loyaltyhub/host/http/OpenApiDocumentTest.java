package io.loyaltyhub.host.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.host.HostJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocumentTest {
    record Line(String sku, BigDecimal amount) {
    }

    record Bill(String billNumber, Instant billedAt, BigDecimal amount, List<Line> lines, int count) {
    }

    @Test
    void documentsEveryRouteWithScopeParametersAndRecordSchemas() throws Exception {
        ApiEndpoint bills = new ApiEndpoint() {
            @Override
            public String area() {
                return "bills";
            }

            @Override
            public List<ApiRoute> routes() {
                return List.of(
                        ApiRoute.post("/", "bills:write", "Post a bill", Bill.class, Bill.class, r -> ApiResponse.noContent()),
                        ApiRoute.get("/{billNumber}", "bills:read", "Get a bill", Bill.class, r -> ApiResponse.noContent()));
            }
        };
        HostJson json = new HostJson();
        JsonNode doc = json.mapper().readTree(OpenApiDocument.render(json, "1.2.3", List.of(bills)));
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        JsonNode post = doc.at("/paths/~1api~1v1~1bills/post");
        assertThat(post.get("x-required-scope").asText()).isEqualTo("bills:write");
        assertThat(post.at("/requestBody/content/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/Bill");
        JsonNode get = doc.at("/paths/~1api~1v1~1bills~1{billNumber}/get");
        assertThat(get.at("/parameters/0/name").asText()).isEqualTo("billNumber");
        JsonNode bill = doc.at("/components/schemas/Bill/properties");
        assertThat(bill.at("/billedAt/format").asText()).isEqualTo("date-time");
        assertThat(bill.at("/amount/type").asText()).isEqualTo("number");
        assertThat(bill.at("/count/type").asText()).isEqualTo("integer");
        assertThat(bill.at("/lines/items/$ref").asText()).isEqualTo("#/components/schemas/Line");
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    }

    /** Another record called {@code Line}, as a second plugin might declare. */
    static final class Other {
        record Line(String text) {
        }
    }

    @Test
    void twoApiTypesOfOneNameAreRefusedAtStartRatherThanSharingASchema() {
        HostJson json = new HostJson();
        ApiEndpoint clash = new ApiEndpoint() {
            @Override
            public String area() {
                return "clash";
            }

            @Override
            public List<ApiRoute> routes() {
                return List.of(
                        ApiRoute.get("/a", "bills:read", "A", Line.class, r -> ApiResponse.noContent()),
                        ApiRoute.get("/b", "bills:read", "B", Other.Line.class, r -> ApiResponse.noContent()));
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OpenApiDocument.render(json, "1", List.of(clash)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Two API types are named Line");
    }
}
