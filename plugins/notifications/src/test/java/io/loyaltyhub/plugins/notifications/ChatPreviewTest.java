package io.loyaltyhub.plugins.notifications;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatPreviewTest {
    @Test
    void whatsAppFormattingBecomesHtmlAndEverythingElseIsEscaped() {
        assertThat(ChatPreview.html("Hi <b>A</b>, *120 points*\n_soon_ ~old~", "whatsapp"))
                .isEqualTo("Hi &lt;b&gt;A&lt;/b&gt;, <b>120 points</b><br><i>soon</i> <s>old</s>");
    }

    @Test
    void telegramIsPlainText() {
        assertThat(ChatPreview.html("*not bold*", "telegram")).isEqualTo("*not bold*");
    }
}
