package io.loyaltyhub.api.plugin;

/** How a setting's text is read and shown. */
public enum SettingType {
    STRING,
    /** A whole number (long). */
    INTEGER,
    /** An exact decimal, e.g. money or a rate. */
    DECIMAL,
    BOOLEAN,
    /** One of {@link SettingDefinition#choices()}. */
    CHOICE,
    /** ISO-8601 duration (PT15M, P30D) or a short form such as 15m, 30d, 12h. */
    DURATION,
    /** An absolute http(s) URL. */
    URL,
    /** Like STRING but never shown back in clear. */
    SECRET
}
