package io.loyaltyhub.plugins.affiliates.chat;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InputsTest {
    private static final Keywords WORDS = new Keywords(List.of(
            new BundleTexts(AffiliateChatFlow.BUNDLE, "en", InputsTest.class.getClassLoader()),
            new BundleTexts(AffiliateChatFlow.BUNDLE, "hi", InputsTest.class.getClassLoader())), FlowSupport.LANGUAGES);

    @Test
    void names() {
        assertThat(Inputs.name("  Priya   Sharma ")).contains("Priya Sharma");
        assertThat(Inputs.name("प्रिया शर्मा")).contains("प्रिया शर्मा");
        assertThat(Inputs.name("D’Souza-Rao")).contains("D’Souza-Rao");
        assertThat(Inputs.name("12345")).isEmpty();
        assertThat(Inputs.name("x".repeat(61))).isEmpty();
        assertThat(Inputs.shortName("Ravi Kumar Verma")).isEqualTo("Ravi V.");
        assertThat(Inputs.shortName("Asha")).isEqualTo("Asha");
    }

    @Test
    void payoutDetails() {
        assertThat(Inputs.payoutDetails("priya.s@okaxis")).contains("UPI: priya.s@okaxis");
        assertThat(Inputs.payoutDetails("UPI priya@ybl")).contains("UPI priya@ybl");
        assertThat(Inputs.payoutDetails("A/C 1234567890\nIFSC SBIN0001234")).contains("A/C 1234567890\nIFSC SBIN0001234");
        assertThat(Inputs.payoutDetails("ab")).isEmpty();
        assertThat(Inputs.payoutDetails("....")).isEmpty();
        assertThat(Inputs.payoutDetails("x".repeat(501))).isEmpty();
    }

    @Test
    void urls() {
        assertThat(Inputs.url("https://shop.example.com/a?b=c")).contains("https://shop.example.com/a?b=c");
        assertThat(Inputs.url("shop.example.com/diwali")).contains("https://shop.example.com/diwali");
        assertThat(Inputs.url("javascript:alert(1)")).isEmpty();
        assertThat(Inputs.url("two words.com")).isEmpty();
        assertThat(Inputs.url("hello")).isEmpty();
        assertThat(Inputs.url("ftp://x.example")).as("the service refuses other schemes, saying why")
                .contains("ftp://x.example");
    }

    @Test
    void startAndInvites() {
        assertThat(Keywords.invite("/start AB3CD7")).contains("AB3CD7");
        assertThat(Keywords.invite("/start@MyBot AB_3-x")).contains("AB_3-x");
        assertThat(Keywords.invite("/start")).isEmpty();
        assertThat(Keywords.invite("/start a b")).isEmpty();
        assertThat(Keywords.invite("start AB3CD7")).isEmpty();
        assertThat(Keywords.isStart("/START")).isTrue();
        assertThat(Keywords.isStart("/started")).isFalse();
    }

    @Test
    void commandsWordsAndNumbers() {
        assertThat(WORDS.task("/links")).contains(Task.LINKS);
        assertThat(WORDS.task("/leaderboard")).contains(Task.LEADERBOARD);
        assertThat(WORDS.task("Stats!")).contains(Task.STATS);
        assertThat(WORDS.task("भुगतान")).contains(Task.PAYOUT);
        assertThat(WORDS.task("4")).contains(Task.PAYOUT);
        assertThat(WORDS.task("8")).isEmpty();
        assertThat(WORDS.task("Diwali group")).isEmpty();
        assertThat(WORDS.isYes("Haan")).isTrue();
        assertThat(WORDS.isNo("नहीं")).isTrue();
        assertThat(WORDS.isSkip("Skip")).isTrue();
        assertThat(WORDS.language("हिन्दी")).contains("hi");
        assertThat(WORDS.language("English")).contains("en");
    }
}
