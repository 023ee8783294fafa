package io.loyaltyhub.bots.whatsapp;

import io.loyaltyhub.api.chat.Audience;
import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.bots.engine.InboundMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Payloads in src/test/resources/whatsapp are shaped like Meta's Cloud API webhooks (v23). */
class WebhookParserTest {
    static final String PHONE_NUMBER_ID = "106540352242922";

    private final WebhookParser parser = new WebhookParser(PHONE_NUMBER_ID);

    static byte[] payload(String name) {
        try (InputStream in = WebhookParserTest.class.getResourceAsStream("/whatsapp/" + name)) {
            assertThat(in).as("test resource whatsapp/%s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebhookDelivery parse(String name) throws IOException {
        return parser.parse(payload(name));
    }

    private InboundMessage single(String nameOrJson) throws IOException {
        WebhookDelivery d = nameOrJson.startsWith("{") ? parser.parse(nameOrJson.getBytes(StandardCharsets.UTF_8))
                : parse(nameOrJson);
        assertThat(d.messages()).hasSize(1);
        assertThat(d.statuses()).isEmpty();
        assertThat(d.ignored()).isZero();
        return d.messages().get(0);
    }

    @Test
    void text() throws IOException {
        InboundMessage m = single("text.json");

        assertThat(m.input()).isEqualTo(Inbound.text("मेरे पॉइंट्स कितने हैं?"));
        assertThat(m.messageId()).isEqualTo("wamid.HBgMOTE5ODEyMzQ1Njc4FQIAEhggQTFCMkMzRDRFNUY2QTdCOEM5RDBFMUYyQTNCNEM1RDYA");
        assertThat(m.user().channel()).isEqualTo("whatsapp").isEqualTo(m.channel());
        assertThat(m.user().userId()).isEqualTo("+919812345678");
        assertThat(m.user().displayName()).isEqualTo("Asha Verma");
        assertThat(m.audience()).isEqualTo(Audience.CUSTOMER);
        assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1749416383L));
        assertThat(m.what()).isNull();
    }

    @Test
    void interactiveButtonReply() throws IOException {
        InboundMessage m = single("interactive_button_reply.json");

        assertThat(m.input().kind()).isEqualTo(Inbound.Kind.CHOICE);
        assertThat(m.input().choice()).isEqualTo("balance");
        assertThat(m.input().text()).isEqualTo("My points");
        assertThat(m.input().isChoice("balance")).isTrue();
        assertThat(m.what()).isNull();
        assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1749416400L));
    }

    @Test
    void interactiveListReplyWithDescription() throws IOException {
        InboundMessage m = single("interactive_list_reply.json");

        assertThat(m.input()).isEqualTo(Inbound.choice("redeem", "Redeem points"));
        assertThat(m.user().userId()).isEqualTo("+919812345678");
        assertThat(m.what()).isNull();
    }

    @Test
    void legacyTemplateButtonWithPayload() throws IOException {
        InboundMessage m = single("button_legacy.json");

        assertThat(m.input()).isEqualTo(Inbound.choice("stop-promotions", "Stop promotions"));
        assertThat(m.what()).isNull();
    }

    @Test
    void legacyButtonWithoutPayloadIsItsText() throws IOException {
        String json = new String(payload("button_legacy.json"), StandardCharsets.UTF_8)
                .replace("\"payload\": \"stop-promotions\",", "");

        InboundMessage m = parser.parse(json.getBytes(StandardCharsets.UTF_8)).messages().get(0);

        assertThat(m.input()).isEqualTo(Inbound.text("Stop promotions"));
    }

    @Test
    void imageIsUnsupported() throws IOException {
        InboundMessage m = single("image.json");

        assertThat(m.input().kind()).isEqualTo(Inbound.Kind.UNSUPPORTED);
        assertThat(m.input().text()).isEmpty();
        assertThat(m.input().choice()).isNull();
        assertThat(m.what()).isEqualTo("image");
        assertThat(m.user().userId()).isEqualTo("+919812345678");
        assertThat(m.messageId()).startsWith("wamid.");
    }

    @Test
    void locationIsUnsupported() throws IOException {
        InboundMessage m = single("location.json");

        assertThat(m.input().kind()).isEqualTo(Inbound.Kind.UNSUPPORTED);
        assertThat(m.what()).isEqualTo("location");
    }

    @Test
    void stickerIsUnsupported() throws IOException {
        InboundMessage m = single("sticker.json");

        assertThat(m.input().kind()).isEqualTo(Inbound.Kind.UNSUPPORTED);
        assertThat(m.what()).isEqualTo("sticker");
    }

    @Test
    void unsupportedTypeWithErrorsIsUnsupported() throws IOException {
        InboundMessage m = single("unsupported.json");

        assertThat(m.input().kind()).isEqualTo(Inbound.Kind.UNSUPPORTED);
        assertThat(m.what()).isEqualTo("unsupported");
        assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1749416760L));
    }

    @Test
    void unknownInteractiveKindIsUnsupported() throws IOException {
        String json = new String(payload("interactive_button_reply.json"), StandardCharsets.UTF_8)
                .replace("\"type\": \"button_reply\"", "\"type\": \"nfm_reply\"")
                .replace("\"button_reply\": {", "\"nfm_reply\": {");

        InboundMessage m = parser.parse(json.getBytes(StandardCharsets.UTF_8)).messages().get(0);

        assertThat(m.input().kind()).isEqualTo(Inbound.Kind.UNSUPPORTED);
        assertThat(m.what()).isEqualTo("interactive:nfm_reply");
    }

    @Test
    void reactionsAndSystemNoticesAreCountedNotAnswered() throws IOException {
        WebhookDelivery d = parse("reaction_and_system.json");

        assertThat(d.messages()).isEmpty();
        assertThat(d.statuses()).isEmpty();
        assertThat(d.ignored()).isEqualTo(2);
    }

    @Test
    void deliveryStatuses() throws IOException {
        WebhookDelivery d = parse("statuses.json");

        assertThat(d.messages()).isEmpty();
        assertThat(d.ignored()).isZero();
        String wamid = "wamid.HBgMOTE5ODEyMzQ1Njc4FQIAERgSMDAwMDAwMDAwMDAwMDAwMDAxAA==";
        assertThat(d.statuses()).extracting(WebhookDelivery.StatusUpdate::providerId,
                        WebhookDelivery.StatusUpdate::status, WebhookDelivery.StatusUpdate::at,
                        WebhookDelivery.StatusUpdate::errorCode, WebhookDelivery.StatusUpdate::errorTitle)
                .containsExactly(
                        tuple(wamid, "sent", Instant.ofEpochSecond(1750263700L), null, null),
                        tuple(wamid, "delivered", Instant.ofEpochSecond(1750263710L), null, null),
                        tuple(wamid, "read", Instant.ofEpochSecond(1750263773L), null, null));
    }

    @Test
    void failedStatusCarriesMetasCodeAndTitle() throws IOException {
        WebhookDelivery d = parse("status_failed.json");

        assertThat(d.statuses()).hasSize(1);
        WebhookDelivery.StatusUpdate s = d.statuses().get(0);
        assertThat(s.providerId()).isEqualTo("wamid.HBgMOTE5ODEyMzQ1Njc4FQIAERgSMDAwMDAwMDAwMDAwMDAwMDAyAA==");
        assertThat(s.status()).isEqualTo("failed");
        assertThat(s.at()).isEqualTo(Instant.ofEpochSecond(1750263800L));
        assertThat(s.errorCode()).isEqualTo("131047");
        assertThat(s.errorTitle()).isEqualTo("Re-engagement message");
        assertThat(SendOutcome.ofCode(s.errorCode())).isEqualTo(SendOutcome.OUTSIDE_WINDOW);
    }

    @Test
    void failedStatusWithoutTitleUsesTheMessage() throws IOException {
        String json = new String(payload("status_failed.json"), StandardCharsets.UTF_8)
                .replace("\"title\": \"Re-engagement message\",", "")
                .replace("\"message\": \"Re-engagement message\"", "\"message\": \"Re-engagement needed\"");

        WebhookDelivery.StatusUpdate s = parser.parse(json.getBytes(StandardCharsets.UTF_8)).statuses().get(0);

        assertThat(s.errorCode()).isEqualTo("131047");
        assertThat(s.errorTitle()).isEqualTo("Re-engagement needed");
    }

    @Test
    void severalMessagesAndStatusesAcrossEntriesAndChanges() throws IOException {
        WebhookDelivery d = parse("batch.json");

        assertThat(d.messages()).extracting(InboundMessage::messageId, m -> m.user().userId(),
                        m -> m.user().displayName(), m -> m.input().kind(), InboundMessage::what)
                .containsExactly(
                        tuple("wamid.BATCH.A1", "+919812345678", "Asha Verma", Inbound.Kind.TEXT, null),
                        tuple("wamid.BATCH.B1", "+919876543210", "रवि कुमार", Inbound.Kind.UNSUPPORTED, "image"),
                        tuple("wamid.BATCH.C1", "+919900011122", "Meera Iyer", Inbound.Kind.CHOICE, null));
        assertThat(d.messages().get(0).input().text()).isEqualTo("menu");
        assertThat(d.messages().get(2).input()).isEqualTo(Inbound.choice("history", "History"));
        assertThat(d.messages()).extracting(InboundMessage::sentAt).containsExactly(
                Instant.ofEpochSecond(1749417100L), Instant.ofEpochSecond(1749417101L),
                Instant.ofEpochSecond(1749417103L));
        assertThat(d.statuses()).extracting(WebhookDelivery.StatusUpdate::providerId,
                        WebhookDelivery.StatusUpdate::status)
                .containsExactly(tuple("wamid.BATCH.OUT1", "sent"), tuple("wamid.BATCH.OUT1", "delivered"),
                        tuple("wamid.BATCH.OUT2", "read"));
        assertThat(d.ignored()).as("the reaction").isEqualTo(1);
    }

    @Test
    void deliveryForAnotherPhoneNumberIsIgnored() throws IOException {
        WebhookDelivery d = parse("other_number.json");

        assertThat(d.messages()).isEmpty();
        assertThat(d.statuses()).isEmpty();
        assertThat(d.ignored()).isEqualTo(2);
    }

    @Test
    void withoutAConfiguredNumberEveryNumberIsTakenIn() throws IOException {
        WebhookDelivery d = new WebhookParser("").parse(payload("other_number.json"));

        assertThat(d.messages()).hasSize(1);
        assertThat(d.statuses()).hasSize(1);
        assertThat(d.messages().get(0).user().userId()).isEqualTo("+919876543210");
    }

    @Test
    void contactMissingGivesAnEmptyDisplayName() throws IOException {
        String json = new String(payload("text.json"), StandardCharsets.UTF_8)
                .replace("\"wa_id\": \"919812345678\"", "\"wa_id\": \"910000000000\"");

        InboundMessage m = parser.parse(json.getBytes(StandardCharsets.UTF_8)).messages().get(0);

        assertThat(m.user().displayName()).isEmpty();
        assertThat(m.user().userId()).isEqualTo("+919812345678");
    }

    @Test
    void missingOrBadTimestampGivesNoSentAt() throws IOException {
        String json = new String(payload("text.json"), StandardCharsets.UTF_8)
                .replace("\"timestamp\": \"1749416383\",", "");
        assertThat(parser.parse(json.getBytes(StandardCharsets.UTF_8)).messages().get(0).sentAt()).isNull();

        String bad = new String(payload("text.json"), StandardCharsets.UTF_8)
                .replace("\"timestamp\": \"1749416383\"", "\"timestamp\": \"yesterday\"");
        assertThat(parser.parse(bad.getBytes(StandardCharsets.UTF_8)).messages().get(0).sentAt()).isNull();
    }

    @Test
    void messageWithoutSenderOrIdIsIgnored() throws IOException {
        String json = new String(payload("text.json"), StandardCharsets.UTF_8)
                .replace("\"from\": \"919812345678\",", "");

        WebhookDelivery d = parser.parse(json.getBytes(StandardCharsets.UTF_8));

        assertThat(d.messages()).isEmpty();
        assertThat(d.ignored()).isEqualTo(1);
    }

    @Test
    void objectWithoutEntriesIsAnEmptyDelivery() throws IOException {
        WebhookDelivery d = parser.parse("{\"object\":\"whatsapp_business_account\",\"entry\":[]}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(d.messages()).isEmpty();
        assertThat(d.statuses()).isEmpty();
        assertThat(d.ignored()).isZero();
    }

    @Test
    void malformedJsonIsAnIOException() {
        for (String body : new String[]{"{\"object\":\"whatsapp_business_account\",\"entry\":[", "not json", "",
                "[1,2,3]", "\"text\"", "null"}) {
            assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8)))
                    .as("body <%s>", body).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aSenderWithoutAVisibleNumberIsKeyedByTheBusinessScopedId() throws IOException {
        InboundMessage m = single("bsuid-text-no-phone.json");
        assertThat(m.user().userId()).isEqualTo("US.13491208655302741918");
        assertThat(m.user().phone()).isEmpty();
        assertThat(m.user().displayName()).isEqualTo("Sheena Nelson");
        assertThat(m.bsuid()).isEqualTo("US.13491208655302741918");
        assertThat(m.input()).isEqualTo(Inbound.text("Does it come in another color?"));
    }

    @Test
    void aSenderWithBothIsKeyedByTheNumberAndNamesTheId() throws IOException {
        InboundMessage m = single("bsuid-text-with-phone.json");
        assertThat(m.user().userId()).isEqualTo("+16505551234");
        assertThat(m.bsuid()).isEqualTo("US.13491208655302741918");
    }

    @Test
    void aBusinessScopedIdInFromIsNotAPhoneNumber() throws IOException {
        String json = new String(payload("text.json"), StandardCharsets.UTF_8)
                .replace("\"from\": \"919812345678\"", "\"from\": \"US.13491208655302741918\"");
        InboundMessage m = single(json);
        assertThat(m.user().userId()).isEqualTo("US.13491208655302741918");
        assertThat(m.user().phone()).isEmpty();
    }

    @Test
    void theNumberSharedOnRequestIsTheUsersOwnAndACardSharedByHandIsNot() throws IOException {
        InboundMessage shared = single("bsuid-contact-shared.json");
        assertThat(shared.input()).isEqualTo(Inbound.phoneShared("+16505551234"));
        assertThat(shared.user().userId()).isEqualTo("US.13491208655302741918");

        String byHand = new String(payload("bsuid-contact-shared.json"), StandardCharsets.UTF_8)
                .replace("contact_request", "other");
        InboundMessage card = single(byHand);
        assertThat(card.input().kind()).isEqualTo(Inbound.Kind.UNSUPPORTED);
        assertThat(card.what()).isEqualTo("contacts");
    }

    @Test
    void aChangedIdIsReportedAndNotAnswered() throws IOException {
        WebhookDelivery d = parse("bsuid-changed.json");
        assertThat(d.messages()).isEmpty();
        assertThat(d.idChanges()).containsExactly(new WebhookDelivery.IdChange("US.13491208655302741918",
                "US.99991208655302741918", null));
    }

    @Test
    void aTemplateStatusChangeIsReadWithMetasReason() throws IOException {
        WebhookDelivery d = parse("template_status.json");
        assertThat(d.isEmpty()).isFalse();
        assertThat(d.templateUpdates()).containsExactly(new WebhookDelivery.TemplateUpdate("loyalty_points_earned", "en",
                "PAUSED", "Your template has been paused for 3 hours due to low quality.", "UTILITY"));
        assertThat(d.messages()).isEmpty();
    }

    @Test
    void marketingPreferencesAreReadPerUser() throws IOException {
        WebhookDelivery d = parse("user_preferences.json");
        assertThat(d.preferences()).containsExactly(
                new WebhookDelivery.PreferenceUpdate("+919876543210", false, java.time.Instant.ofEpochSecond(1764739200)),
                new WebhookDelivery.PreferenceUpdate("+919876543211", true, java.time.Instant.ofEpochSecond(1764739260)));
        assertThat(d.messages()).isEmpty();
    }

    @Test
    void preferencesOfAnotherNumberOrAnotherCategoryAreNotOurs() throws IOException {
        String other = new String(payload("user_preferences.json"), StandardCharsets.UTF_8)
                .replace("106540352242922", "999999999999999");
        assertThat(parser.parse(other.getBytes(StandardCharsets.UTF_8)).preferences()).isEmpty();
        String category = new String(payload("user_preferences.json"), StandardCharsets.UTF_8)
                .replace("marketing_messages", "something_else");
        assertThat(parser.parse(category.getBytes(StandardCharsets.UTF_8)).preferences()).isEmpty();
    }
}
