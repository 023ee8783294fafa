package io.loyaltyhub.api.chat;

/**
 * The flow's message bundle in the conversation's language ({@code <bundle>_en.properties},
 * {@code <bundle>_hi.properties}, UTF-8, in the flow's jar). A missing key falls back to English,
 * then to the key itself in brackets, so a gap shows up without breaking the chat.
 */
public interface Texts {

    /** The text for {@code key} with {@code {0}}, {@code {1}}... replaced by {@code args} (MessageFormat). */
    String get(String key, Object... args);

    /** The language of these texts, e.g. {@code en}. */
    String language();

    /**
     * The same bundle in another language: to answer in the language just chosen, or to match
     * what users type in any language (someone chatting in Hindi may still type "points").
     */
    Texts in(String language);
}
