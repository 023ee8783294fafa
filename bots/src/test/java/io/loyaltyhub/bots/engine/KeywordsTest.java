package io.loyaltyhub.bots.engine;

import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.api.chat.Intent;
import io.loyaltyhub.bots.ChatConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordsTest {
    private static final Keywords KEYWORDS = new Keywords(ChatConfig.LANGUAGES);

    @ParameterizedTest(name = "<{0}> is {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "MENU|MENU",
            "menu|MENU",
            " menu |MENU",
            "Menu!|MENU",
            "menu.|MENU",
            "Main   Menu|MENU",
            "hi|MENU",
            "0|MENU",
            "मेनू|MENU",
            "मेनू।|MENU",
            "नमस्ते|MENU",
            "stop|STOP",
            "STOP|STOP",
            "Stop!!|STOP",
            "opt out|STOP",
            "रोकें|STOP",
            "बंद करें|STOP",
            "help|HELP",
            "HELP?|HELP",
            "?|HELP",
            "मदद|HELP",
            "start|START",
            "शुरू|START",
    })
    void typedKeywordsAreIntents(String typed, Intent intent) {
        assertThat(KEYWORDS.of(Inbound.text(typed))).isEqualTo(intent);
    }

    @ParameterizedTest(name = "<{0}> is no keyword")
    @ValueSource(strings = {"menu please", "the menu", "stop it", "helpful", "??", "!", "", "   ", "1", "मेनू दिखाओ",
            "I want to stop"})
    void otherTextIsNoIntent(String typed) {
        assertThat(KEYWORDS.of(Inbound.text(typed))).isEqualTo(Intent.NONE);
    }

    @Test
    void choicesAndUnsupportedInputAreNeverKeywords() {
        assertThat(KEYWORDS.of(Inbound.choice("menu", "Menu"))).isEqualTo(Intent.NONE);
        assertThat(KEYWORDS.of(Inbound.choice("stop", "STOP"))).isEqualTo(Intent.NONE);
        assertThat(KEYWORDS.of(Inbound.unsupported("image"))).isEqualTo(Intent.NONE);
    }

    @Test
    void eachLanguageAddsItsOwnWords() {
        Keywords english = new Keywords(List.of("en"));
        assertThat(english.of(Inbound.text("STOP"))).isEqualTo(Intent.STOP);
        assertThat(english.of(Inbound.text("रोकें"))).isEqualTo(Intent.NONE);
    }

    @Test
    void normalise() {
        assertThat(Keywords.normalise("  Main \t MENU!! ")).isEqualTo("main menu");
        assertThat(Keywords.normalise("?")).isEqualTo("?");
        assertThat(Keywords.normalise("help?")).isEqualTo("help");
        assertThat(Keywords.normalise("मदद।")).isEqualTo("मदद");
    }
}
