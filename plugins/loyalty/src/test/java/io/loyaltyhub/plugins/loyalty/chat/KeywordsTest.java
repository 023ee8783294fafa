package io.loyaltyhub.plugins.loyalty.chat;

import io.loyaltyhub.api.chat.Texts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The words come from the real bundles of both languages, whatever language the chat is in. */
class KeywordsTest {
    private static final Keywords WORDS = new Keywords(List.<Texts>of(new StrictTexts("en"), new StrictTexts("hi")),
            List.of("en", "hi"));

    @Test
    void englishWords() {
        assertThat(WORDS.task("points")).contains(Task.POINTS);
        assertThat(WORDS.task("Balance")).contains(Task.POINTS);
        assertThat(WORDS.task("what is my balance?")).contains(Task.POINTS);
        assertThat(WORDS.task("REWARDS!")).contains(Task.REWARDS);
        assertThat(WORDS.task("my vouchers")).contains(Task.VOUCHERS);
        assertThat(WORDS.task("history")).contains(Task.HISTORY);
        assertThat(WORDS.task("kids")).contains(Task.KIDS);
        assertThat(WORDS.task("refer a friend")).contains(Task.REFER);
        assertThat(WORDS.task("language")).contains(Task.LANGUAGE);
        assertThat(WORDS.task("help")).contains(Task.HELP);
    }

    @Test
    void hindiWords() {
        assertThat(WORDS.task("बैलेंस")).contains(Task.POINTS);
        assertThat(WORDS.task("मेरे पॉइंट")).contains(Task.POINTS);
        assertThat(WORDS.task("पॉइंट कितने हैं?")).contains(Task.POINTS);
        assertThat(WORDS.task("इनाम")).contains(Task.REWARDS);
        assertThat(WORDS.task("इतिहास")).contains(Task.HISTORY);
        assertThat(WORDS.task("बच्चे")).contains(Task.KIDS);
        assertThat(WORDS.task("भाषा")).contains(Task.LANGUAGE);
        assertThat(WORDS.task("सहायता")).contains(Task.HELP);
    }

    @Test
    void theMoreSpecificTaskWins() {
        assertThat(WORDS.task("redeem points")).contains(Task.REWARDS);
        assertThat(WORDS.task("points history")).contains(Task.HISTORY);
        assertThat(WORDS.task("my referral code")).contains(Task.REFER);
    }

    @Test
    void menuNumbersInEitherScript() {
        assertThat(WORDS.task("1")).contains(Task.POINTS);
        assertThat(WORDS.task("2.")).contains(Task.REWARDS);
        assertThat(WORDS.task(" 4 ")).contains(Task.HISTORY);
        assertThat(WORDS.task("९")).contains(Task.MESSAGES);
        assertThat(WORDS.task("10")).isEmpty();
        assertThat(WORDS.task("0")).isEmpty();
    }

    @Test
    void otherTextIsNoTask() {
        assertThat(WORDS.task("asdf")).isEmpty();
        assertThat(WORDS.task("appointment")).as("whole words only").isEmpty();
        assertThat(WORDS.task("")).isEmpty();
        assertThat(WORDS.task("🙂")).isEmpty();
    }

    @Test
    void answers() {
        assertThat(WORDS.isYes("Yes")).isTrue();
        assertThat(WORDS.isYes("ok!")).isTrue();
        assertThat(WORDS.isYes("हाँ")).isTrue();
        assertThat(WORDS.isYes("हां")).isTrue();
        assertThat(WORDS.isYes("yes please tell me more")).isFalse();
        assertThat(WORDS.isNo("No thanks")).isTrue();
        assertThat(WORDS.isNo("नहीं")).isTrue();
        assertThat(WORDS.isSkip("skip")).isTrue();
        assertThat(WORDS.isSkip("छोड़ें")).isTrue();
        assertThat(WORDS.isSkip("15/08")).isFalse();
    }

    @Test
    void languageNames() {
        assertThat(WORDS.language("English")).contains("en");
        assertThat(WORDS.language("hindi")).contains("hi");
        assertThat(WORDS.language("हिंदी")).contains("hi");
        assertThat(WORDS.language("हिन्दी")).contains("hi");
        assertThat(WORDS.language("अंग्रेज़ी")).contains("en");
        assertThat(WORDS.language("french")).isEmpty();
    }

    @Test
    void referralCodes() {
        assertThat(WORDS.referralCode("JOIN AB3CD7")).contains("AB3CD7");
        assertThat(WORDS.referralCode("join ab3cd7")).contains("AB3CD7");
        assertThat(WORDS.referralCode("Hello, JOIN SHOP22 please")).contains("SHOP22");
        assertThat(WORDS.referralCode("जुड़ें AB3CD7")).contains("AB3CD7");
        assertThat(WORDS.referralCode("my friend gave me K7PQ2M")).contains("K7PQ2M");
        assertThat(WORDS.referralCode("hello friend")).as("a word is not a code").isEqualTo(Optional.empty());
        assertThat(WORDS.referralCode("THANKS")).as("no digit: a word").isEmpty();
        assertThat(WORDS.referralCode("919812345678")).isEmpty();
        assertThat(WORDS.referralCode("join")).isEmpty();
    }
}
