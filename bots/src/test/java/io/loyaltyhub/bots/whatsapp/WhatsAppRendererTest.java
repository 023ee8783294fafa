package io.loyaltyhub.bots.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.api.chat.Choice;
import io.loyaltyhub.api.chat.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.loyaltyhub.bots.engine.FitAssertions.assertCleanCut;
import static io.loyaltyhub.bots.engine.FitAssertions.assertCutAtWordEnd;
import static io.loyaltyhub.bots.engine.FitAssertions.assertWellFormed;
import static org.assertj.core.api.Assertions.assertThat;

/** Request bodies as the Cloud API's POST /{phone-number-id}/messages expects them. */
class WhatsAppRendererTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TO = "+919812345678";

    static final String ENGLISH = "You have 1,250 points. Redeem them for a gift voucher, a discount on your next "
            + "bill, or save them for something bigger at the end of the season. ";
    static final String HINDI = "आपके खाते में एक हज़ार दो सौ पचास पॉइंट्स हैं। इन्हें उपहार वाउचर, अगले बिल पर छूट के लिए "
            + "भुनाएँ या सीज़न के अंत में किसी बड़ी चीज़ के लिए बचाकर रखें। ";
    static final String EMOJI = "🎁🎉👍🏽👨‍👩‍👧‍👦🇮🇳❤️✨";

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Long input in each script: words (English, Hindi) and a run of emoji without spaces. */
    static Stream<String> longTexts() {
        return Stream.of(ENGLISH.repeat(80), HINDI.repeat(80), EMOJI.repeat(400), (HINDI + EMOJI + " ").repeat(60));
    }

    static Stream<String> longTitles() {
        return Stream.of("Redeem points for a gift voucher", "पॉइंट्स भुनाएँ और उपहार वाउचर पाएँ",
                "पॉइंट्सभुनाएँऔरउपहारवाउचरपाएँ", EMOJI + EMOJI + EMOJI, "Gift 🎁 voucher 🎁 for 🎁 you 🎁 today");
    }

    // ---------------------------------------------------------------- shapes

    @Test
    void text() {
        ObjectNode n = WhatsAppRenderer.render(TO, Reply.text("Hello Asha, you have *1,250* points."));

        assertThat(n).isEqualTo(json("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"919812345678","type":"text",
                 "text":{"preview_url":false,"body":"Hello Asha, you have *1,250* points."}}"""));
    }

    @Test
    void textWithALinkPreviewsIt() {
        ObjectNode n = WhatsAppRenderer.render("919812345678", Reply.text("See https://shop.example.in/points"));

        assertThat(n.path("to").asText()).isEqualTo("919812345678");
        assertThat(n.path("text").path("preview_url").asBoolean()).isTrue();
    }

    @Test
    void emptyTextIsNeverSentEmpty() {
        ObjectNode n = WhatsAppRenderer.render(TO, Reply.text("   "));

        assertThat(n.path("text").path("body").asText()).isNotBlank();
    }

    @Test
    void buttons() {
        ObjectNode n = WhatsAppRenderer.render(TO, Reply.buttons("Redeem 500 points for a ₹100 voucher?",
                Choice.of("redeem:500", "Yes, redeem"), new Choice("menu", "Not now", "descriptions are for rows"),
                Choice.of("help", "Help")));

        assertThat(n).isEqualTo(json("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"919812345678","type":"interactive",
                 "interactive":{"type":"button",
                   "body":{"text":"Redeem 500 points for a ₹100 voucher?"},
                   "action":{"buttons":[
                     {"type":"reply","reply":{"id":"redeem:500","title":"Yes, redeem"}},
                     {"type":"reply","reply":{"id":"menu","title":"Not now"}},
                     {"type":"reply","reply":{"id":"help","title":"Help"}}]}}}"""));
    }

    @Test
    void list() {
        ObjectNode n = WhatsAppRenderer.render(TO, Reply.menu("What would you like to do?", "Menu",
                List.of(new Choice("balance", "My points", "Balance, tier and expiry"), Choice.of("redeem", "Redeem"),
                        new Choice("lang", "भाषा / Language", "हिंदी या English"))));

        assertThat(n).isEqualTo(json("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"919812345678","type":"interactive",
                 "interactive":{"type":"list",
                   "body":{"text":"What would you like to do?"},
                   "action":{"button":"Menu","sections":[{"rows":[
                     {"id":"balance","title":"My points","description":"Balance, tier and expiry"},
                     {"id":"redeem","title":"Redeem"},
                     {"id":"lang","title":"भाषा / Language","description":"हिंदी या English"}]}]}}}"""));
    }

    @Test
    void template() {
        ObjectNode n = WhatsAppRenderer.render(TO, new Reply.Template("points_update", "hi",
                List.of("आशा", "1,250"), "आशा, आपके 1,250 पॉइंट्स हैं।"));

        assertThat(n).isEqualTo(json("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"919812345678","type":"template",
                 "template":{"name":"points_update","language":{"code":"hi"},
                   "components":[{"type":"body","parameters":[
                     {"type":"text","text":"आशा"},{"type":"text","text":"1,250"}]}]}}"""));
    }

    @Test
    void templateWithoutParametersHasNoComponents() {
        ObjectNode n = WhatsAppRenderer.render(TO, new Reply.Template("welcome", "en", List.of(), "Welcome!"));

        assertThat(n).isEqualTo(json("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"919812345678","type":"template",
                 "template":{"name":"welcome","language":{"code":"en"}}}"""));
    }

    @Test
    void templateParametersHaveNoNewLinesTabsOrLongSpaceRuns() {
        ObjectNode n = WhatsAppRenderer.render(TO, new Reply.Template("fallback", "en",
                List.of("Line one\nline two\r\n\tindented", "a     b", " ", "x".repeat(2000)), ""));

        JsonNode params = n.path("template").path("components").path(0).path("parameters");
        assertThat(params).hasSize(4);
        for (JsonNode p : params) {
            String text = p.path("text").asText();
            assertThat(p.path("type").asText()).isEqualTo("text");
            assertThat(text).isNotBlank().doesNotContain("\n", "\r", "\t", "    ");
            assertThat(text.length()).isLessThanOrEqualTo(WhatsAppLimits.TEMPLATE_PARAM);
        }
        assertThat(params.path(0).path("text").asText()).isEqualTo("Line one line two indented");
        assertThat(params.path(1).path("text").asText()).isEqualTo("a   b");
    }

    @Test
    void idsAreKeptAsTheyAre() {
        String id = "redeem:" + "r".repeat(57); // 64 bytes, Choice's maximum
        ObjectNode b = WhatsAppRenderer.render(TO, Reply.buttons("x", Choice.of(id, "Redeem")));
        ObjectNode l = WhatsAppRenderer.render(TO, Reply.menu("x", "y", List.of(Choice.of(id, "Redeem"))));

        assertThat(b.at("/interactive/action/buttons/0/reply/id").asText()).isEqualTo(id);
        assertThat(l.at("/interactive/action/sections/0/rows/0/id").asText()).isEqualTo(id);
    }

    // ---------------------------------------------------------------- limits

    @ParameterizedTest
    @MethodSource("longTexts")
    void textBodyWithin4096(String body) {
        String sent = WhatsAppRenderer.render(TO, Reply.text(body)).path("text").path("body").asText();

        assertCleanCut(body, sent, WhatsAppLimits.TEXT_BODY);
        assertThat(sent.length()).isGreaterThan(WhatsAppLimits.TEXT_BODY - 100);
    }

    @ParameterizedTest
    @MethodSource("longTexts")
    void buttonsBodyWithin1024(String body) {
        ObjectNode n = WhatsAppRenderer.render(TO, Reply.buttons(body, Choice.of("a", "A")));

        assertCleanCut(body, n.at("/interactive/body/text").asText(), WhatsAppLimits.BUTTONS_BODY);
    }

    @ParameterizedTest
    @MethodSource("longTexts")
    void listBodyWithin4096(String body) {
        ObjectNode n = WhatsAppRenderer.render(TO, Reply.menu(body, "Menu", List.of(Choice.of("a", "A"))));

        assertCleanCut(body, n.at("/interactive/body/text").asText(), WhatsAppLimits.LIST_BODY);
    }

    @ParameterizedTest
    @MethodSource("longTitles")
    void buttonTitleWithin20(String title) {
        ObjectNode n = WhatsAppRenderer.render(TO, Reply.buttons("Pick one", Choice.of("a", title)));

        assertCleanCut(title, n.at("/interactive/action/buttons/0/reply/title").asText(), WhatsAppLimits.BUTTON_TITLE);
    }

    @ParameterizedTest
    @MethodSource("longTitles")
    void listButtonLabelWithin20(String label) {
        ObjectNode n = WhatsAppRenderer.render(TO, Reply.menu("Pick one", label, List.of(Choice.of("a", "A"))));

        assertCleanCut(label, n.at("/interactive/action/button").asText(), WhatsAppLimits.LIST_BUTTON);
    }

    @ParameterizedTest
    @MethodSource("longTitles")
    void rowTitleWithin24(String title) {
        String longer = title + " " + title;
        ObjectNode n = WhatsAppRenderer.render(TO, Reply.menu("Pick one", "Menu", List.of(Choice.of("a", longer))));

        assertCleanCut(longer, n.at("/interactive/action/sections/0/rows/0/title").asText(), WhatsAppLimits.ROW_TITLE);
    }

    @ParameterizedTest
    @MethodSource("longTexts")
    void rowDescriptionWithin72(String description) {
        ObjectNode n = WhatsAppRenderer.render(TO, Reply.menu("Pick one", "Menu",
                List.of(new Choice("a", "A", description))));

        assertCleanCut(description, n.at("/interactive/action/sections/0/rows/0/description").asText(),
                WhatsAppLimits.ROW_DESCRIPTION);
    }

    @Test
    void englishAndHindiTitlesAreCutAtAWordEnd() {
        ObjectNode b = WhatsAppRenderer.render(TO, Reply.buttons("x", Choice.of("a", "Redeem points for a gift voucher"),
                Choice.of("b", "पॉइंट्स भुनाएँ और उपहार वाउचर पाएँ")));

        assertThat(b.at("/interactive/action/buttons/0/reply/title").asText()).isEqualTo("Redeem points for a…");
        assertCutAtWordEnd("पॉइंट्स भुनाएँ और उपहार वाउचर पाएँ", b.at("/interactive/action/buttons/1/reply/title").asText(),
                WhatsAppLimits.BUTTON_TITLE);
    }

    @Test
    void everyStringOfAFullMenuIsWithinItsLimit() {
        List<Choice> rows = new ArrayList<>();
        for (int i = 0; i < Reply.MAX_MENU_ROWS; i++) {
            rows.add(new Choice("row" + i, i % 2 == 0 ? HINDI : ENGLISH, EMOJI.repeat(10) + HINDI));
        }
        ObjectNode n = WhatsAppRenderer.render(TO, Reply.menu(HINDI.repeat(100), EMOJI.repeat(5), rows));

        JsonNode action = n.path("interactive").path("action");
        assertThat(n.at("/interactive/body/text").asText().length()).isLessThanOrEqualTo(WhatsAppLimits.LIST_BODY);
        assertThat(action.path("button").asText().length()).isLessThanOrEqualTo(WhatsAppLimits.LIST_BUTTON);
        JsonNode rendered = action.path("sections").path(0).path("rows");
        assertThat(rendered).hasSize(Reply.MAX_MENU_ROWS);
        List<String> titles = new ArrayList<>();
        for (JsonNode r : rendered) {
            String title = r.path("title").asText();
            String description = r.path("description").asText();
            assertThat(title.length()).isLessThanOrEqualTo(WhatsAppLimits.ROW_TITLE);
            assertThat(description.length()).isLessThanOrEqualTo(WhatsAppLimits.ROW_DESCRIPTION);
            assertWellFormed(title);
            assertWellFormed(description);
            titles.add(title);
        }
        assertThat(titles).doesNotHaveDuplicates();
    }

    // ---------------------------------------------------------------- distinct titles

    @Test
    void duplicateTitlesAreMadeDistinct() {
        ObjectNode n = WhatsAppRenderer.render(TO, Reply.buttons("x", Choice.of("a", "Gift"), Choice.of("b", "Gift"),
                Choice.of("c", "Gift")));

        assertThat(n.findValuesAsText("title")).containsExactly("Gift", "Gift 2", "Gift 3");
    }

    @Test
    void titlesThatBecomeEqualWhenShortenedAreMadeDistinct() {
        ObjectNode n = WhatsAppRenderer.render(TO, Reply.buttons("x",
                Choice.of("card", "Redeem points for a gift card"),
                Choice.of("voucher", "Redeem points for a gift voucher"),
                Choice.of("hamper", "Redeem points for a gift hamper")));

        List<String> titles = n.findValuesAsText("title");
        assertThat(titles).doesNotHaveDuplicates().allSatisfy(t -> {
            assertThat(t.length()).isLessThanOrEqualTo(WhatsAppLimits.BUTTON_TITLE);
            assertWellFormed(t);
        });
        assertThat(titles).containsExactly("Redeem points for a…", "Redeem points for… 2", "Redeem points for… 3");
    }

    @Test
    void distinctHindiAndEmojiTitlesStayWithinTheLimit() {
        for (String title : longTitles().toList()) {
            List<String> titles = WhatsAppRenderer.distinct(List.of(title, title, title), WhatsAppLimits.BUTTON_TITLE);
            assertThat(titles).as("from <%s>", title).doesNotHaveDuplicates().allSatisfy(t -> {
                assertThat(t.length()).isLessThanOrEqualTo(WhatsAppLimits.BUTTON_TITLE);
                assertWellFormed(t);
            });
        }
    }

    @Test
    void aSuffixedTitleDoesNotCollideWithAnExistingOne() {
        List<String> titles = WhatsAppRenderer.distinct(List.of("Gift", "Gift 2", "Gift", "Gift 2"), 20);

        assertThat(titles).doesNotHaveDuplicates().startsWith("Gift", "Gift 2");
    }

    @Test
    void blankTitlesBecomeADash() {
        List<String> titles = WhatsAppRenderer.distinct(List.of(" ", ""), 20);

        assertThat(titles).containsExactly("-", "- 2");
    }

    @Test
    void manyDuplicateRowTitles() {
        List<Choice> rows = IntStream.range(0, 10).mapToObj(i -> Choice.of("r" + i, "Same long row title for all")).toList();
        ObjectNode n = WhatsAppRenderer.render(TO, Reply.menu("x", "Menu", rows));

        List<String> titles = new ArrayList<>();
        n.at("/interactive/action/sections/0/rows").forEach(r -> titles.add(r.path("title").asText()));
        assertThat(titles).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(WhatsAppLimits.ROW_TITLE));
        assertThat(titles.get(9)).endsWith(" 10");
    }

    @Test
    void aBusinessScopedIdIsARecipientAndTheNumberRequestIsOneTap() {
        ObjectNode n = WhatsAppRenderer.render("US.13491208655302741918", new Reply.PhoneRequest("Share your number"));

        assertThat(n).isEqualTo(json("""
                {"messaging_product":"whatsapp","recipient_type":"individual","recipient":"US.13491208655302741918",
                 "type":"interactive","interactive":{"type":"request_contact_info","body":{"text":"Share your number"},
                 "action":{"name":"request_contact_info"}}}"""));
    }
}
