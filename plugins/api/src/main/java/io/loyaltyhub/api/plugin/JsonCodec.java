package io.loyaltyhub.api.plugin;

/** JSON as the host encodes it (ISO-8601 dates, BigDecimal kept exact). */
public interface JsonCodec {
    String write(Object value);

    /** @throws IllegalArgumentException when the text is not valid JSON for the type */
    <T> T read(String json, Class<T> type);

    /**
     * Reads a stored event: like {@link #read}, but a field the row lacks is null, or 0 and false for primitives
     * (rows written by older publishers, or by hand, may lack fields a newer record has).
     */
    default <T> T readEvent(String json, Class<T> type) {
        return read(json, type);
    }
}
