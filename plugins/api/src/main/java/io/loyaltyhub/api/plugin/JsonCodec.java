package io.loyaltyhub.api.plugin;

/** JSON as the host encodes it (ISO-8601 dates, BigDecimal kept exact). */
public interface JsonCodec {
    String write(Object value);

    /** @throws IllegalArgumentException when the text is not valid JSON for the type */
    <T> T read(String json, Class<T> type);
}
