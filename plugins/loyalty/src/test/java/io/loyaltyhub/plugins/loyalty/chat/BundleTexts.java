package io.loyaltyhub.plugins.loyalty.chat;

import io.loyaltyhub.api.chat.Texts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The flow's bundle read straight from the properties files, for tests (the engine gives the flow its
 * texts at run time): {@link #keys()} lets tests check that every key exists in every language.
 */
final class BundleTexts implements Texts {
    private final String baseName;
    private final ClassLoader loader;
    private final String language;
    private final Properties own;
    private final Properties english;

    BundleTexts(String baseName, String language, ClassLoader loader) {
        this.baseName = baseName;
        this.loader = loader;
        this.language = language;
        this.english = load(baseName + "_en.properties", loader);
        Properties p = load(baseName + "_" + language + ".properties", loader);
        this.own = p.isEmpty() ? english : p;
    }

    private static Properties load(String resource, ClassLoader loader) {
        Properties p = new Properties();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return p;
    }

    @Override
    public String get(String key, Object... args) {
        String pattern = own.getProperty(key, english.getProperty(key));
        if (pattern == null) {
            return "[" + key + "]";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.forLanguageTag(language)).format(args);
    }

    @Override
    public String language() {
        return language;
    }

    @Override
    public Texts in(String otherLanguage) {
        return new BundleTexts(baseName, otherLanguage, loader);
    }

    /** The keys of this language's own file (without the English fallback). */
    Set<String> keys() {
        return own.stringPropertyNames();
    }
}
