package io.loyaltyhub.host;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.loyaltyhub.api.affiliate.Money;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * {@link Money} in JSON: {@code {"amount": "12.50", "currency": "INR"}}. The amount is a decimal string with its
 * scale, because JSON numbers are read as binary floats by most clients; nothing else of the record is written
 * (a bean property such as {@code negative} would otherwise leak). Reading accepts a string or a number.
 */
final class MoneyJson {
    private MoneyJson() {
    }

    static SimpleModule module() {
        SimpleModule m = new SimpleModule("money");
        m.addSerializer(Money.class, new JsonSerializer<>() {
            @Override
            public void serialize(Money money, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeStartObject();
                g.writeStringField("amount", money.amount().toPlainString());
                g.writeStringField("currency", money.currency());
                g.writeEndObject();
            }
        });
        m.addDeserializer(Money.class, new JsonDeserializer<>() {
            @Override
            public Money deserialize(JsonParser parser, DeserializationContext ctx) throws IOException {
                JsonNode n = parser.readValueAsTree();
                JsonNode amount = n == null ? null : n.get("amount");
                JsonNode currency = n == null ? null : n.get("currency");
                if (amount == null || currency == null || !(amount.isTextual() || amount.isNumber()) || !currency.isTextual()) {
                    return ctx.reportInputMismatch(Money.class, "money is {\"amount\": \"12.50\", \"currency\": \"INR\"}");
                }
                try {
                    return new Money(new BigDecimal(amount.asText()), currency.asText());
                } catch (IllegalArgumentException e) {
                    return ctx.reportInputMismatch(Money.class, "money is {\"amount\": \"12.50\", \"currency\": \"INR\"}: "
                            + e.getMessage());
                }
            }
        });
        return m;
    }
}
