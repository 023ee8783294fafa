package io.loyaltyhub.plugins.affiliates.chat;

import io.loyaltyhub.api.affiliate.AffiliateService;
import io.loyaltyhub.api.affiliate.Money;
import io.loyaltyhub.api.chat.ChatTurn;
import io.loyaltyhub.api.chat.Texts;
import io.loyaltyhub.api.common.PhoneNumbers;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.plugin.PluginContext;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/** What the steps of the conversation share: the services, settings, bundles and words, and who acts. */
final class FlowSupport {
    static final List<String> LANGUAGES = List.of("en", "hi");
    /** Changes made in the chat are the system's, named after the affiliates' channel. */
    static final Actor ACTOR = new Actor(Actor.Kind.SYSTEM, 0, "telegram", null, Set.of("*"));
    /** The plugin's setting for numbers typed without a country code. */
    static final String REGION_SETTING = "default-region";
    /** The plugin's zone months are counted in (stats periods, leaderboard); India's time if it is not set. */
    static final String TIME_ZONE_SETTING = "time-zone";
    /** The plugin's smallest approved balance a payout may be requested for, if it has one. */
    static final String PAYOUT_MINIMUM_SETTING = "payout-minimum";
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Kolkata");
    private static final Pattern TELEGRAM_ID = Pattern.compile("[1-9][0-9]{0,18}");

    private final PluginContext context;
    private volatile Keywords keywords;

    FlowSupport(PluginContext context, String bundle) {
        this.context = context;
    }

    AffiliateService affiliates() {
        return context.service(AffiliateService.class).orElseThrow();
    }

    Optional<PhoneNumbers> phones() {
        return context.service(PhoneNumbers.class);
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

    /** The other language offered before the menu (the one the conversation is not in). */
    static String otherLanguage(String language) {
        return LANGUAGES.stream().filter(l -> !l.equals(language)).findFirst().orElse("en");
    }

    String region() {
        String r = context.settings().asMap().get(REGION_SETTING);
        return r == null || r.isBlank() ? "IN" : r.trim().toUpperCase(Locale.ROOT);
    }

    ZoneId zone() {
        String z = context.settings().asMap().get(TIME_ZONE_SETTING);
        if (z == null || z.isBlank()) {
            return DEFAULT_ZONE;
        }
        try {
            return ZoneId.of(z.trim());
        } catch (DateTimeException e) {
            return DEFAULT_ZONE;
        }
    }

    /** The payout minimum from the settings, in the balance's currency; empty if there is none or it is unreadable. */
    Optional<Money> payoutMinimum(String currency) {
        String m = context.settings().asMap().get(PAYOUT_MINIMUM_SETTING);
        if (m == null || m.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Money(new BigDecimal(m.trim()), currency));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    Instant now() {
        return context.clock().instant();
    }

    /** The Telegram user id of the conversation, if its user id is one (the simulator accepts any id). */
    static OptionalLong telegramUserId(ChatTurn turn) {
        String id = turn.user().userId().strip();
        if (!TELEGRAM_ID.matcher(id).matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
