package io.loyaltyhub.bots.telegram;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramTextTest {

    private static List<String> spans(TelegramText.Formatted f) {
        return f.entities().stream().map(e -> e.getType() + ":" + f.text().substring(e.getOffset(),
                e.getOffset() + e.getLength())).toList();
    }

    @Test
    void whatsAppMarkersBecomeEntities() {
        TelegramText.Formatted f = TelegramText.format("*Bold* and _italic_, ~gone~ and ```code```");
        assertThat(f.text()).isEqualTo("Bold and italic, gone and code");
        assertThat(spans(f)).containsExactly("bold:Bold", "italic:italic", "strikethrough:gone", "code:code");
    }

    @Test
    void offsetsCountUtf16UnitsLikeTelegram() {
        TelegramText.Formatted f = TelegramText.format("😀 आपके *१२०* अंक");
        MessageEntity e = f.entities().getFirst();
        assertThat(f.text()).isEqualTo("😀 आपके १२० अंक");
        assertThat(e.getOffset()).isEqualTo(f.text().indexOf("१२०"));
        assertThat(e.getLength()).isEqualTo(3);
    }

    @Test
    void textThatOnlyLooksLikeMarkersStaysAsItIs() {
        for (String s : List.of("2*3*4 = 24", "snake_case_name", "a * b * c", "*not closed", "**", "_ _",
                "*across\nlines*", "Price: ₹1,200 (10% off) [new] #1 <b>x</b> \\ ` . ! -")) {
            TelegramText.Formatted f = TelegramText.format(s);
            assertThat(f.text()).as(s).isEqualTo(s);
            assertThat(f.entities()).as(s).isEmpty();
        }
    }

    @Test
    void multiLineMonospaceIsAPreBlock() {
        TelegramText.Formatted f = TelegramText.format("Links:\n```a 10\nb 20```");
        assertThat(f.text()).isEqualTo("Links:\na 10\nb 20");
        assertThat(spans(f)).containsExactly("pre:a 10\nb 20");
    }
}
