package io.loyaltyhub.bots.engine;

import io.loyaltyhub.api.chat.Texts;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * {@link Texts} over a properties bundle in a flow's jar (UTF-8 since Java 9). A missing key
 * falls back to English, then to {@code [key]}, so a gap shows without breaking the chat.
 */
final class BundleTexts implements Texts {
    private static final ResourceBundle.Control NO_SYSTEM_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String baseName;
    private final ClassLoader loader;
    private final String language;
    private final ResourceBundle bundle;
    private final ResourceBundle english;

    BundleTexts(String baseName, String language, ClassLoader loader) {
        this.baseName = baseName;
        this.loader = loader;
        this.language = language;
        this.english = load(baseName, "en", loader);
        ResourceBundle own = load(baseName, language, loader);
        this.bundle = own == null ? english : own;
    }

    private static ResourceBundle load(String baseName, String language, ClassLoader loader) {
        try {
            return ResourceBundle.getBundle(baseName, Locale.forLanguageTag(language), loader, NO_SYSTEM_FALLBACK);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    @Override
    public String get(String key, Object... args) {
        String pattern = raw(key);
        if (pattern == null) {
            return "[" + key + "]";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.forLanguageTag(language)).format(args);
    }

    /** The text without formatting, or null when neither the language nor English has it. */
    String raw(String key) {
        for (ResourceBundle b : new ResourceBundle[]{bundle, english}) {
            if (b != null && b.containsKey(key)) {
                return b.getString(key);
            }
        }
        return null;
    }

    @Override
    public String language() {
        return language;
    }

    @Override
    public Texts in(String otherLanguage) {
        return otherLanguage.equals(language) ? this : new BundleTexts(baseName, otherLanguage, loader);
    }
}
