package io.loyaltyhub.bots.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BundleTextsTest {
    private static final ClassLoader LOADER = BundleTextsTest.class.getClassLoader();

    @Test
    void hindiTextsOfTheEngine() {
        BundleTexts hi = new BundleTexts("chat/engine", "hi", LOADER);

        assertThat(hi.language()).isEqualTo("hi");
        assertThat(hi.get("unsupported")).startsWith("क्षमा करें").contains("*मेनू*");
        assertThat(hi.get("failed")).startsWith("क्षमा करें");
        assertThat(hi.raw("keywords.stop")).contains("रोकें");
    }

    @Test
    void englishTextsOfTheEngine() {
        BundleTexts en = new BundleTexts("chat/engine", "en", LOADER);

        assertThat(en.language()).isEqualTo("en");
        assertThat(en.get("unsupported")).startsWith("Sorry, I can only read text messages");
    }

    @Test
    void ownLanguageFirst() {
        BundleTexts hi = new BundleTexts("chat/testbundle", "hi", LOADER);

        assertThat(hi.get("both")).isEqualTo("हिंदी में");
    }

    @Test
    void keyMissingInHindiFallsBackToEnglish() {
        BundleTexts hi = new BundleTexts("chat/testbundle", "hi", LOADER);

        assertThat(hi.get("only.english")).isEqualTo("This text exists only in English.");
        assertThat(hi.raw("only.english")).isEqualTo("This text exists only in English.");
    }

    @Test
    void keyMissingEverywhereShowsTheKey() {
        BundleTexts hi = new BundleTexts("chat/testbundle", "hi", LOADER);

        assertThat(hi.get("no.such.key")).isEqualTo("[no.such.key]");
        assertThat(hi.get("no.such.key", "arg")).isEqualTo("[no.such.key]");
        assertThat(hi.raw("no.such.key")).isNull();
    }

    @Test
    void languageWithoutABundleIsEnglish() {
        BundleTexts ta = new BundleTexts("chat/testbundle", "ta", LOADER);

        assertThat(ta.language()).isEqualTo("ta");
        assertThat(ta.get("both")).isEqualTo("In English");
    }

    @Test
    void missingBundleShowsKeys() {
        BundleTexts none = new BundleTexts("chat/no-such-bundle", "hi", LOADER);

        assertThat(none.get("greeting", "Asha", 5)).isEqualTo("[greeting]");
    }

    @Test
    void messageFormatArguments() {
        BundleTexts en = new BundleTexts("chat/testbundle", "en", LOADER);
        BundleTexts hi = new BundleTexts("chat/testbundle", "hi", LOADER);

        assertThat(en.get("greeting", "Asha", 1250)).isEqualTo("Hello Asha, you have 1,250 points.");
        assertThat(hi.get("greeting", "आशा", 1250)).isEqualTo("नमस्ते आशा, आपके 1,250 पॉइंट्स हैं।");
        assertThat(hi.get("greeting", "Asha", "12")).isEqualTo("नमस्ते Asha, आपके 12 पॉइंट्स हैं।");
        assertThat(en.get("quoted", "GIFT50")).isEqualTo("Use the code ’GIFT50’ at the till.");
    }

    @Test
    void withoutArgumentsThePatternIsReturnedAsIs() {
        BundleTexts en = new BundleTexts("chat/testbundle", "en", LOADER);

        assertThat(en.get("greeting")).isEqualTo("Hello {0}, you have {1} points.");
    }
}
