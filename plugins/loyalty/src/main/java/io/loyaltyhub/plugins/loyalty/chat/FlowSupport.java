package io.loyaltyhub.plugins.loyalty.chat;

import io.loyaltyhub.api.chat.ChatTurn;
import io.loyaltyhub.api.chat.Texts;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.api.loyalty.RewardsService;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.plugin.PluginContext;
import io.loyaltyhub.plugins.loyalty.LoyaltySettings;
import io.loyaltyhub.plugins.loyalty.ReferralLinks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the steps of the conversation share: the services, settings, bundles and words, and who acts. */
final class FlowSupport {
    static final List<String> LANGUAGES = List.of("en", "hi");
    /** Where consent given or withdrawn in the chat is recorded as coming from. */
    static final String CONSENT_SOURCE = "whatsapp";
    private static final int MAX_KEY = 100; // RewardsService.redeem's idempotency key limit

    private final PluginContext context;
    private volatile Keywords keywords;

    FlowSupport(PluginContext context, String bundle) {
        this.context = context;
    }

    LoyaltyService loyalty() {
        return context.service(LoyaltyService.class).orElseThrow();
    }

    RewardsService rewards() {
        return context.service(RewardsService.class).orElseThrow();
    }

    /** The words users type, in every language at once; read from the bundles on the first turn. */
    Keywords keywords(ChatTurn turn) {
        Keywords k = keywords;
        if (k == null) {
            k = new Keywords(LANGUAGES.stream().map(l -> turn.texts().in(l)).toList(), LANGUAGES);
            keywords = k;
        }
        return k;
    }

    /** The turn's own texts if it is in {@code language}, else the bundle of that language (a language switch). */
    Texts texts(ChatTurn turn, String language) {
        return turn.texts().in(language);
    }

    Screens screens(Texts texts) {
        return new Screens(texts, new Formats(texts, zone()));
    }

    /** The other language offered on the first message (the one the conversation is not in). */
    static String otherLanguage(String language) {
        return LANGUAGES.stream().filter(l -> !l.equals(language)).findFirst().orElse("en");
    }

    ZoneId zone() {
        return ZoneId.of(context.settings().string(LoyaltySettings.TIME_ZONE).trim());
    }

    LocalDate today() {
        return context.clock().instant().atZone(zone()).toLocalDate();
    }

    Optional<String> referralLink(String code) {
        return ReferralLinks.link(context.settings(), code);
    }

    /** Changes made in the chat are the system's, named after the channel (whatsapp, simulator). */
    static Actor actor(ChatTurn turn) {
        return new Actor(Actor.Kind.SYSTEM, 0, turn.user().channel(), null, Set.of("*"));
    }

    /**
     * The idempotency key of what a turn changes: {@code chat:<messageId>}, so a turn that runs again (a crash,
     * a second instance) changes nothing twice. A message id too long for the key is hashed.
     */
    static String idempotencyKey(ChatTurn turn) {
        String key = "chat:" + turn.messageId();
        if (key.length() <= MAX_KEY) {
            return key;
        }
        try {
            return "chat:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(turn.messageId().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
