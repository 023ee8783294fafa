package io.loyaltyhub.bots.telegram;

import io.loyaltyhub.api.chat.Audience;
import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.bots.engine.InboundMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Updates shaped exactly as the Bot API sends them. */
class UpdateParserTest {
    private static final String FROM = """
            {"id":612345678,"is_bot":false,"first_name":"Asha","last_name":"Rao","username":"asha_r","language_code":"en"}""";
    private static final String CHAT = """
            {"id":612345678,"first_name":"Asha","last_name":"Rao","username":"asha_r","type":"private"}""";
    private final UpdateParser parser = new UpdateParser();

    private static String message(long updateId, String content) {
        return """
                {"update_id":%d,"message":{"message_id":1365,"from":%s,"chat":%s,"date":1718000000,%s}}"""
                .formatted(updateId, FROM, CHAT, content);
    }

    private UpdateParser.Parsed parse(String json) throws IOException {
        return parser.parse(parser.read(json.getBytes(StandardCharsets.UTF_8)));
    }

    private InboundMessage only(String json) throws IOException {
        UpdateParser.Parsed p = parse(json);
        assertThat(p.ignored()).isNull();
        return p.message().orElseThrow();
    }

    @Test
    void aTextMessage() throws IOException {
        InboundMessage m = only(message(870001, "\"text\":\"hello there\""));
        assertThat(m.messageId()).isEqualTo("tg-870001");
        assertThat(m.channel()).isEqualTo("telegram");
        assertThat(m.audience()).isEqualTo(Audience.AFFILIATE);
        assertThat(m.user().userId()).isEqualTo("612345678");
        assertThat(m.user().displayName()).isEqualTo("Asha Rao");
        assertThat(m.input()).isEqualTo(Inbound.text("hello there"));
        assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1718000000));
        assertThat(m.what()).isNull();
    }

    @Test
    void aDeepLinkStartArrivesWithItsPayload() throws IOException {
        InboundMessage m = only(message(870002, """
                "text":"/start inv_AB12-x","entities":[{"offset":0,"length":6,"type":"bot_command"}]"""));
        assertThat(m.input()).isEqualTo(Inbound.text("/start inv_AB12-x"));
        InboundMessage inGroupStyle = only(message(870003, """
                "text":"/start@loyalty_test_bot inv_AB12","entities":[{"offset":0,"length":23,"type":"bot_command"}]"""));
        assertThat(inGroupStyle.input().text()).isEqualTo("/start inv_AB12");
        assertThat(only(message(870004, "\"text\":\"/start\"")).input().text()).isEqualTo("/start");
    }

    @Test
    void menuHelpAndStopCommandsAreTheEnginesKeywords() {
        assertThat(UpdateParser.command("/help")).isEqualTo("help");
        assertThat(UpdateParser.command("/menu@loyalty_test_bot")).isEqualTo("menu");
        assertThat(UpdateParser.command("/STOP")).isEqualTo("stop");
        assertThat(UpdateParser.command("/links")).isEqualTo("/links");
        assertThat(UpdateParser.command("/help me")).isEqualTo("/help me");
        assertThat(UpdateParser.command("not /help")).isEqualTo("not /help");
    }

    @Test
    void aButtonTapIsAChoiceTitledWithTheButtonsTextAndIsToBeAnswered() throws IOException {
        UpdateParser.Parsed p = parse("""
                {"update_id":870010,"callback_query":{"id":"4382bfdwdsb323b2d9","from":%s,
                 "message":{"message_id":1366,"from":{"id":7000000001,"is_bot":true,"first_name":"Loyalty","username":"loyalty_test_bot"},
                  "chat":%s,"date":1718000005,"text":"What next?",
                  "reply_markup":{"inline_keyboard":[[{"text":"My links","callback_data":"m:links"},{"text":"Stats","callback_data":"m:stats"}]]}},
                 "chat_instance":"-8235235235235235235","data":"m:stats"}}""".formatted(FROM, CHAT));
        assertThat(p.callbackQueryId()).isEqualTo("4382bfdwdsb323b2d9");
        InboundMessage m = p.message().orElseThrow();
        assertThat(m.messageId()).isEqualTo("tg-870010");
        assertThat(m.input()).isEqualTo(Inbound.choice("m:stats", "Stats"));
        assertThat(m.user().userId()).isEqualTo("612345678");
    }

    @Test
    void aMenuRowTapIsTitledWithoutTheDescription() throws IOException {
        UpdateParser.Parsed p = parse("""
                {"update_id":870012,"callback_query":{"id":"77","from":%s,
                 "message":{"message_id":1367,"chat":%s,"date":1718000005,"text":"Menu",
                  "reply_markup":{"inline_keyboard":[[{"text":"My links","callback_data":"m:links"}],
                   [{"text":"Stats · clicks and sales","callback_data":"m:stats"}]]}},
                 "chat_instance":"-1","data":"m:stats"}}""".formatted(FROM, CHAT));
        assertThat(p.message().orElseThrow().input()).isEqualTo(Inbound.choice("m:stats", "Stats"));
    }

    @Test
    void aTapOnAnOldMessageStillCountsAndItsTitleFallsBackToTheData() throws IOException {
        // date 0: Telegram no longer shows the message to the bot (inaccessible)
        UpdateParser.Parsed p = parse("""
                {"update_id":870011,"callback_query":{"id":"99","from":%s,
                 "message":{"message_id":12,"chat":%s,"date":0},"chat_instance":"-1","data":"m:links"}}"""
                .formatted(FROM, CHAT));
        assertThat(p.message().orElseThrow().input()).isEqualTo(Inbound.choice("m:links", "m:links"));
        assertThat(p.callbackQueryId()).isEqualTo("99");
    }

    @Test
    void photosStickersAndOtherMediaAreUnsupported() throws IOException {
        InboundMessage photo = only(message(870020, """
                "photo":[{"file_id":"AgACAgQAAxkBAAIC","file_unique_id":"AQADnbIxG","file_size":1420,"width":90,"height":67}],"caption":"my shop\""""));
        assertThat(photo.input().kind()).isEqualTo(Inbound.Kind.UNSUPPORTED);
        assertThat(photo.what()).isEqualTo("photo");
        InboundMessage sticker = only(message(870021, """
                "sticker":{"file_id":"CAACAgIAAxkBAAIC","file_unique_id":"AgADBQAD","type":"regular","width":512,"height":512,"is_animated":false,"is_video":false,"emoji":"👍","set_name":"HotCherry","file_size":21036}"""));
        assertThat(sticker.input().kind()).isEqualTo(Inbound.Kind.UNSUPPORTED);
        assertThat(sticker.what()).isEqualTo("sticker");
        InboundMessage voice = only(message(870022, """
                "voice":{"file_id":"AwACAgQAAxkB","file_unique_id":"AgADqg","duration":2,"mime_type":"audio/ogg","file_size":7339}"""));
        assertThat(voice.what()).isEqualTo("voice");
    }

    @Test
    void groupsEditsBotsAndMembershipChangesAreNotAnswered() throws IOException {
        UpdateParser.Parsed group = parse("""
                {"update_id":870030,"message":{"message_id":5,"from":%s,
                 "chat":{"id":-1001234567890,"title":"Affiliates","type":"supergroup"},"date":1718000000,"text":"hi"}}"""
                .formatted(FROM));
        assertThat(group.message()).isEmpty();
        assertThat(group.ignored()).isEqualTo("not a private chat");
        UpdateParser.Parsed edited = parse("""
                {"update_id":870031,"edited_message":{"message_id":1365,"from":%s,"chat":%s,"date":1718000000,
                 "edit_date":1718000100,"text":"hello again"}}""".formatted(FROM, CHAT));
        assertThat(edited.message()).isEmpty();
        UpdateParser.Parsed blocked = parse("""
                {"update_id":870032,"my_chat_member":{"chat":%s,"from":%s,"date":1718000200,
                 "old_chat_member":{"user":{"id":7000000001,"is_bot":true,"first_name":"Loyalty"},"status":"member"},
                 "new_chat_member":{"user":{"id":7000000001,"is_bot":true,"first_name":"Loyalty"},"status":"kicked","until_date":0}}}"""
                .formatted(CHAT, FROM));
        assertThat(blocked.message()).isEmpty();
        assertThat(blocked.callbackQueryId()).isNull();
    }

    @Test
    void aNameWithoutLastNameAndUnknownFieldsAreFine() throws IOException {
        InboundMessage m = only("""
                {"update_id":870040,"message":{"message_id":1,"from":{"id":42,"is_bot":false,"first_name":"Ravi","some_future_field":1},
                 "chat":{"id":42,"first_name":"Ravi","type":"private"},"date":1718000000,"text":"hi","another_new_field":{"x":1}}}""");
        assertThat(m.user().displayName()).isEqualTo("Ravi");
        assertThat(m.user().userId()).isEqualTo("42");
    }

    @Test
    void notAnUpdateIsRefused() {
        assertThatThrownBy(() -> parse("{\"ok\":true}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parse("[1,2]")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(IOException.class);
    }
}
