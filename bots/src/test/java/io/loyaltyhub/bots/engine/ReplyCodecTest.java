package io.loyaltyhub.bots.engine;

import io.loyaltyhub.api.chat.Choice;
import io.loyaltyhub.api.chat.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.loyaltyhub.bots.engine.FitAssertions.assertWellFormed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplyCodecTest {

    private static Reply roundTrip(Reply reply) {
        String json = ReplyCodec.write(reply);
        Reply back = ReplyCodec.read(json);
        assertThat(back).isEqualTo(reply);
        assertThat(ReplyCodec.write(back)).isEqualTo(json);
        return back;
    }

    @Test
    void text() {
        roundTrip(Reply.text("Hello"));
        roundTrip(Reply.text(""));
        roundTrip(Reply.text("Line \"one\"\nline\ttwo \\ {0} ' ’ 🎁 नमस्ते"));
    }

    @Test
    void buttons() {
        Reply back = roundTrip(Reply.buttons("आपके 1,250 पॉइंट्स हैं। आगे क्या?",
                Choice.of("redeem", "भुनाएँ"), new Choice("history", "History", "ignored for buttons"),
                Choice.of("menu", "Menu 🏠")));

        assertThat(back).isInstanceOf(Reply.Buttons.class);
        assertThat(((Reply.Buttons) back).buttons().get(1).description()).isEqualTo("ignored for buttons");
    }

    @Test
    void menu() {
        List<Choice> rows = List.of(new Choice("balance", "My points", "See your balance and tier"),
                Choice.of("redeem", "Redeem"), new Choice("lang", "भाषा / Language", "हिंदी या English"));
        Reply back = roundTrip(Reply.menu("What would you like to do?", "Open menu", rows));

        assertThat(((Reply.Menu) back).rows()).extracting(Choice::description)
                .containsExactly("See your balance and tier", "", "हिंदी या English");
    }

    @Test
    void menuWithTenRows() {
        List<Choice> rows = java.util.stream.IntStream.rangeClosed(1, 10)
                .mapToObj(i -> new Choice("row-" + i, "Row " + i, "Description " + i)).toList();
        roundTrip(Reply.menu("Pick", "Choose", rows));
    }

    @Test
    void template() {
        roundTrip(new Reply.Template("points_update", "hi", List.of("Asha", "1,250", "line\nbreak"),
                "Asha, you have 1,250 points."));
        roundTrip(new Reply.Template("welcome", "en", List.of(), null));
        roundTrip(new Reply.Template("empty_param", "en_US", List.of(""), ""));
    }

    @Test
    void writesATypeTag() {
        assertThat(ReplyCodec.write(Reply.text("x"))).contains("\"type\":\"text\"");
        assertThat(ReplyCodec.write(Reply.buttons("x", Choice.of("a", "A")))).contains("\"type\":\"buttons\"");
        assertThat(ReplyCodec.write(Reply.menu("x", "b", List.of(Choice.of("a", "A"))))).contains("\"type\":\"menu\"");
        assertThat(ReplyCodec.write(new Reply.Template("t", "en", List.of(), ""))).contains("\"type\":\"template\"");
    }

    @Test
    void unreadableJsonIsAnIllegalArgument() {
        assertThatThrownBy(() -> ReplyCodec.read("{\"type\":\"video\",\"body\":\"x\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown reply type");
        assertThatThrownBy(() -> ReplyCodec.read("{\"body\":\"x\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReplyCodec.read("{\"type\":\"text\",")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void summaryOfEachType() {
        assertThat(ReplyCodec.summary(Reply.text("Hello Asha"))).isEqualTo("Hello Asha");
        assertThat(ReplyCodec.summary(Reply.buttons("Redeem 500 points?", Choice.of("yes", "Yes"),
                Choice.of("no", "No")))).isEqualTo("Redeem 500 points? [Yes] [No]");
        assertThat(ReplyCodec.summary(Reply.menu("Main menu", "Options",
                List.of(Choice.of("a", "My points"), Choice.of("b", "Redeem"), Choice.of("c", "Help")))))
                .isEqualTo("Main menu [Options: My points | Redeem | Help]");
        assertThat(ReplyCodec.summary(new Reply.Template("points_update", "hi", List.of("Asha", "1,250"), "x")))
                .isEqualTo("[template points_update/hi] Asha, 1,250");
        assertThat(ReplyCodec.summary(new Reply.Template("welcome", "en", List.of(), "x")))
                .isEqualTo("[template welcome/en] ");
    }

    @Test
    void longSummaryIsShortenedTo1000WithoutBreakingCharacters() {
        String longText = "🎁".repeat(700);
        String s = ReplyCodec.summary(Reply.text(longText));
        assertThat(s.length()).isLessThanOrEqualTo(1000);
        assertThat(s).endsWith("…");
        assertWellFormed(s);

        String words = "नमस्ते दोस्तों ".repeat(100);
        String h = ReplyCodec.summary(Reply.text(words));
        assertThat(h.length()).isLessThanOrEqualTo(1000).isGreaterThan(900);
        assertThat(h).endsWith("…");
        assertWellFormed(h);

        assertThat(ReplyCodec.summary(Reply.text("x".repeat(1000)))).isEqualTo("x".repeat(1000));
    }
}
