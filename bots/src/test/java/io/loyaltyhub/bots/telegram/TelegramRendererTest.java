package io.loyaltyhub.bots.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.api.chat.Choice;
import io.loyaltyhub.api.chat.Reply;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sendMessage bodies as they go to the Bot API. */
class TelegramRendererTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode body(Reply reply) {
        return JSON.valueToTree(TelegramRenderer.render("612345678", reply));
    }

    @Test
    void textIsAPlainMessageWithItsFormattingAsEntities() {
        JsonNode b = body(Reply.text("Your clicks: *120* this week"));
        assertThat(b.path("method").asText()).isEqualTo("sendmessage");
        assertThat(b.path("chat_id").asText()).isEqualTo("612345678");
        assertThat(b.path("text").asText()).isEqualTo("Your clicks: 120 this week");
        assertThat(b.has("parse_mode")).isFalse();
        assertThat(b.path("entities")).hasSize(1);
        assertThat(b.path("entities").path(0).path("type").asText()).isEqualTo("bold");
        assertThat(b.path("entities").path(0).path("offset").asInt()).isEqualTo(13);
        assertThat(b.path("entities").path(0).path("length").asInt()).isEqualTo(3);
        assertThat(b.has("reply_markup")).isFalse();
    }

    @Test
    void buttonsAreOneRowOfAnInlineKeyboardWithTheChoiceIdsAsCallbackData() {
        JsonNode b = body(Reply.buttons("Apply as an affiliate?", Choice.of("a:yes", "Yes, apply"),
                Choice.of("a:no", "No thanks")));
        JsonNode keyboard = b.path("reply_markup").path("inline_keyboard");
        assertThat(keyboard).hasSize(1);
        assertThat(keyboard.path(0)).hasSize(2);
        assertThat(keyboard.path(0).path(0).path("text").asText()).isEqualTo("Yes, apply");
        assertThat(keyboard.path(0).path(0).path("callback_data").asText()).isEqualTo("a:yes");
        assertThat(keyboard.path(0).path(1).path("callback_data").asText()).isEqualTo("a:no");
        assertThat(b.path("text").asText()).isEqualTo("Apply as an affiliate?");
    }

    @Test
    void aMenuIsOneButtonPerRowWithTheDescriptionAfterTheTitle() {
        JsonNode b = body(Reply.menu("Menu", "Open", List.of(Choice.of("m:links", "My links"),
                new Choice("m:stats", "Stats", "clicks, conversions"), Choice.of("m:help", "Help"))));
        JsonNode keyboard = b.path("reply_markup").path("inline_keyboard");
        assertThat(keyboard).hasSize(3);
        keyboard.forEach(row -> assertThat(row).hasSize(1));
        assertThat(keyboard.path(1).path(0).path("text").asText()).isEqualTo("Stats · clicks, conversions");
        assertThat(keyboard.path(1).path(0).path("callback_data").asText()).isEqualTo("m:stats");
    }

    @Test
    void limitsAreKept() {
        String longBody = "word ".repeat(1200); // 6,000 characters
        JsonNode b = body(Reply.buttons(longBody, Choice.of("x", "a very long button label ".repeat(10))));
        assertThat(b.path("text").asText().length()).isLessThanOrEqualTo(TelegramRenderer.TEXT);
        assertThat(b.path("text").asText()).endsWith("…");
        String label = b.path("reply_markup").path("inline_keyboard").path(0).path(0).path("text").asText();
        assertThat(label.length()).isLessThanOrEqualTo(TelegramRenderer.BUTTON_TEXT);
        // the longest id a Choice allows is exactly Telegram's callback-data limit
        String id = "é".repeat(32);
        JsonNode max = body(Reply.buttons("x", Choice.of(id, "t")));
        String data = max.path("reply_markup").path("inline_keyboard").path(0).path(0).path("callback_data").asText();
        assertThat(data).isEqualTo(id);
        assertThat(data.getBytes(StandardCharsets.UTF_8)).hasSize(64);
        assertThat(TelegramRenderer.callbackData("é".repeat(40)).getBytes(StandardCharsets.UTF_8)).hasSize(64);
        assertThat(TelegramRenderer.callbackData("😀".repeat(17))).isEqualTo("😀".repeat(16));
    }

    @Test
    void aTemplateGoesAsItsFallbackText() {
        JsonNode b = body(new Reply.Template("commission_approved", "en", List.of("Asha", "₹420"),
                "Asha, your commission of ₹420 is approved."));
        assertThat(b.path("text").asText()).isEqualTo("Asha, your commission of ₹420 is approved.");
        JsonNode noFallback = body(new Reply.Template("t", "en", List.of("Asha", "₹420"), ""));
        assertThat(noFallback.path("text").asText()).isEqualTo("Asha ₹420");
    }

    @Test
    void anEmptyTextIsNeverSent() {
        assertThat(body(Reply.text("")).path("text").asText()).isEqualTo("-");
        assertThat(body(Reply.text("   ")).path("text").asText()).isEqualTo("-");
    }
}
