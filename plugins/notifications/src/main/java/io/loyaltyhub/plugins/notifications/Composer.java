package io.loyaltyhub.plugins.notifications;

import io.loyaltyhub.api.affiliate.Affiliate;
import io.loyaltyhub.api.affiliate.AffiliateService;
import io.loyaltyhub.api.chat.Channels;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.chat.WaTemplate;
import io.loyaltyhub.api.chat.WhatsAppTemplates;
import io.loyaltyhub.api.loyalty.Customer;
import io.loyaltyhub.api.loyalty.CustomerStatus;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.api.loyalty.TierInfo;
import io.loyaltyhub.api.plugin.PluginContext;
import io.loyaltyhub.api.plugin.PluginSettings;
import io.loyaltyhub.api.store.StoreDirectory;
import io.loyaltyhub.api.store.StoreInfo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a claimed notification into a message, or says why not. The rules, in order: the trigger is on; the reader
 * exists and may be messaged (customers: status ACTIVE; marketing also needs the marketing opt-in and room under the
 * weekly cap); messages that can wait wait out the quiet hours; the channel is on; on WhatsApp, free-form text only
 * inside the 24-hour window, else the mapped template, approved.
 */
final class Composer {
    static final Duration WINDOW = Duration.ofHours(24);
    private static final Duration WEEK = Duration.ofDays(7);

    private final PluginContext context;
    private final Templates templates;
    private final NotificationLog log;

    Composer(PluginContext context, Templates templates, NotificationLog log) {
        this.context = context;
        this.templates = templates;
        this.log = log;
    }

    /** A reader as the message needs them. */
    private record Reader(String userId, String language, String name, Customer customer) {
    }

    Decision compose(NotificationLog.Claimed n, Instant now) {
        PluginSettings settings = context.settings();
        Trigger trigger = n.trigger();
        if (!NotificationSettings.on(settings, trigger)) {
            return new Decision.Skip("the trigger " + trigger.id + " was switched off");
        }
        Map<String, String> values = new HashMap<>(n.variables());
        Reader reader;
        try {
            reader = trigger.audience == Trigger.Audience.CUSTOMER ? customer(n) : affiliate(n);
        } catch (Refusal r) {
            return new Decision.Refuse(r.getMessage());
        }
        values.put("name", reader.name().isBlank() ? (reader.language().equals("hi") ? "जी" : "there") : reader.name());
        Optional<TemplateView> template = templates.forMessage(trigger, reader.language());
        if (template.isEmpty()) {
            return new Decision.Refuse("there is no template for " + trigger.id + " in " + reader.language()
                    + " or English");
        }
        TemplateView t = template.get();
        if (trigger == Trigger.VOUCHER_EXPIRING && !voucherOpen(values.get("voucherCode"))) {
            return new Decision.Skip("the voucher was used or cancelled meanwhile");
        }
        // what WhatsApp will deliver it as, when it maps to a template: Meta's category counts too (it may recategorise)
        Optional<WaTemplate> wa = t.whatsapp() == null ? Optional.empty() : context.service(WhatsAppTemplates.class)
                .flatMap(s -> s.find(t.whatsapp().name(), t.whatsapp().language()));
        Trigger.Category category = t.category() == Trigger.Category.MARKETING
                || wa.map(w -> "MARKETING".equals(w.category())).orElse(false)
                ? Trigger.Category.MARKETING : Trigger.Category.UTILITY;
        if (category == Trigger.Category.MARKETING && reader.customer() != null) {
            if (!reader.customer().marketing()) {
                return new Decision.Refuse("a marketing message, and the customer has not opted in to marketing");
            }
            long cap = settings.number(NotificationSettings.MARKETING_CAP);
            long sent = context.transactions().inTransaction(tx -> log.marketingSince(tx.sql(), n.recipientId(),
                    now.minus(WEEK)));
            if (sent >= cap) {
                return new Decision.Refuse("the cap of " + cap + " marketing messages per 7 days is reached");
            }
        }
        if (trigger.canWait || category == Trigger.Category.MARKETING) {
            ZoneId zone = zone(n.storeId(), settings);
            Optional<Instant> until = NotificationSettings.quietHours(settings).until(now, zone);
            if (until.isPresent()) {
                return new Decision.Wait(until.get(), "quiet hours: waits until "
                        + until.get().atZone(zone).toLocalTime() + " (" + zone + ")");
            }
        }
        Optional<Channels> channels = context.service(Channels.class);
        if (channels.isEmpty() || !channels.get().enabled(trigger.channel())) {
            return new Decision.Refuse("the " + trigger.channel() + " channel is off");
        }
        try {
            enrich(trigger, values, reader, now);
        } catch (Refusal r) {
            return new Decision.Refuse(r.getMessage());
        }
        String text = TemplateText.render(t.body(), values);
        if (trigger.audience == Trigger.Audience.AFFILIATE) {
            return new Decision.Send(new Composed(reader.userId(), Reply.text(text), null, false, text, t, category));
        }
        return whatsapp(channels.get(), reader, t, wa, category, text, values, now);
    }

    /** Whether the voucher is still unused (the listener forgets it when it is used or cancelled). */
    private boolean voucherOpen(String code) {
        return code != null && context.transactions().inTransaction(tx -> tx.sql().one(
                "SELECT 1 FROM notify_voucher WHERE code = ?", rs -> 1, code).isPresent());
    }

    /** Free-form inside the window (with the template as fallback should the window close first), else the template. */
    private Decision whatsapp(Channels channels, Reader reader, TemplateView t, Optional<WaTemplate> wa,
                             Trigger.Category category, String text, Map<String, String> values, Instant now) {
        boolean inWindow = channels.lastInbound("whatsapp", reader.userId())
                .map(at -> at.plus(WINDOW).isAfter(now)).orElse(false);
        WhatsAppMapping mapping = t.whatsapp();
        Optional<String> unfit = wa.flatMap(w -> unfit(w, mapping));
        Optional<Reply.Template> approved = wa.filter(WaTemplate::approved).filter(w -> unfit.isEmpty())
                .map(w -> template(w, mapping, values, text));
        if (inWindow) {
            return new Decision.Send(new Composed(reader.userId(), Reply.text(text), approved.orElse(null), false, text,
                    t, category));
        }
        if (mapping == null) {
            return new Decision.Refuse("outside the 24-hour window, and the " + t.language()
                    + " template has no WhatsApp template mapped");
        }
        if (wa.isEmpty()) {
            return new Decision.Refuse("outside the 24-hour window, and WhatsApp has no template " + mapping.name() + " ("
                    + mapping.language() + "): create it in WhatsApp Manager, then sync the list");
        }
        if (unfit.isPresent()) {
            return new Decision.Refuse("outside the 24-hour window, and " + unfit.get());
        }
        if (approved.isEmpty()) {
            return new Decision.Refuse("outside the 24-hour window, and the WhatsApp template " + mapping.name() + " ("
                    + mapping.language() + ") is " + wa.get().status()
                    + (wa.get().reason() == null ? "" : ": " + wa.get().reason()));
        }
        return new Decision.Send(new Composed(reader.userId(), approved.get(), null, true, text, t, category));
    }

    /** Why the template Meta has cannot carry the mapping (changed in WhatsApp Manager since it was mapped), if so. */
    static Optional<String> unfit(WaTemplate wa, WhatsAppMapping mapping) {
        if ("UNKNOWN".equals(wa.parameterFormat())) {
            return Optional.of("the WhatsApp template " + wa.name() + " (" + wa.language()
                    + ") is known only from a status webhook: sync the list");
        }
        if (wa.parameters().size() != mapping.parameters().size()) {
            return Optional.of("the WhatsApp template " + wa.name() + " (" + wa.language() + ") has "
                    + wa.parameters().size() + " body parameters, the mapping gives " + mapping.parameters().size()
                    + ": change the mapping");
        }
        return Optional.empty();
    }

    static Reply.Template template(WaTemplate wa, WhatsAppMapping mapping, Map<String, String> values, String text) {
        List<String> params = mapping.parameters().stream().map(p -> {
            String v = values.get(p);
            return v == null || v.isBlank() ? "-" : v; // Meta refuses empty parameters
        }).toList();
        // NAMED: each value goes under the template's own parameter name (Meta's are snake_case, ours camelCase)
        return new Reply.Template(wa.name(), wa.language(), params, text, wa.named() ? wa.parameters() : List.of());
    }

    private Reader customer(NotificationLog.Claimed n) {
        LoyaltyService loyalty = context.service(LoyaltyService.class)
                .orElseThrow(() -> new Refusal("the loyalty plugin is not running"));
        Customer c = loyalty.find(n.recipientId())
                .orElseThrow(() -> new Refusal("customer " + n.recipientId() + " does not exist"));
        if (c.status() != CustomerStatus.ACTIVE) {
            throw new Refusal(switch (c.status()) {
                case OPTED_OUT -> "the customer said STOP: no consent to be messaged";
                case BLOCKED -> "the customer is blocked";
                case ERASED -> "the customer was erased";
                case ACTIVE -> "";
            });
        }
        if (c.mobile() == null) {
            throw new Refusal("the customer has no mobile number");
        }
        String language = c.language() == null || !Templates.LANGUAGES.contains(c.language()) ? "en" : c.language();
        return new Reader(c.mobile(), language, firstName(c.name()), c);
    }

    private Reader affiliate(NotificationLog.Claimed n) {
        Optional<Affiliate> a = context.service(AffiliateService.class).flatMap(s -> s.find(n.recipientId()));
        String telegram = n.userId() != null ? n.userId()
                : a.map(Affiliate::telegramUserId).map(String::valueOf).orElse(null);
        if (telegram == null) {
            throw new Refusal("the affiliate has not started the Telegram bot, so it cannot write to them");
        }
        String name = n.variables().containsKey("name") ? n.variables().get("name") : a.map(Affiliate::name).orElse("");
        return new Reader(telegram, "en", firstName(name), null); // affiliates' language is not stored yet
    }

    /** Values the event did not carry: dates in the reader's language, tier names, the friend's name, balances. */
    private void enrich(Trigger trigger, Map<String, String> values, Reader reader, Instant now) {
        String expiresAt = values.get("expiresAt");
        if (expiresAt != null && !expiresAt.isBlank()) {
            ZoneId zone = NotificationSettings.zone(context.settings());
            values.put("expiresOn", DateTimeFormatter.ofPattern("d MMM yyyy", locale(reader.language()))
                    .format(Instant.parse(expiresAt).atZone(zone)));
        }
        Optional<LoyaltyService> loyalty = context.service(LoyaltyService.class);
        if (loyalty.isEmpty() || reader.customer() == null) {
            return;
        }
        if (values.containsKey("tierCode")) {
            List<TierInfo> tiers = loyalty.get().tiers();
            values.put("tier", tierName(tiers, values.get("tierCode")));
            values.put("previousTier", tierName(tiers, values.get("previousTierCode")));
        }
        if (values.containsKey("friendId")) {
            values.put("friend", loyalty.get().find(Long.parseLong(values.get("friendId")))
                    .map(f -> firstName(f.name())).filter(s -> !s.isBlank()).orElse("A friend"));
        }
        if (trigger == Trigger.POINTS_EXPIRING || trigger == Trigger.POINTS_EXPIRED) {
            values.put("balance", String.valueOf(loyalty.get().balance(reader.customer().id()).available()));
        }
    }

    private static String tierName(List<TierInfo> tiers, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return tiers.stream().filter(t -> t.code().equals(code)).map(TierInfo::name).findFirst().orElse(code);
    }

    private ZoneId zone(String storeId, PluginSettings settings) {
        if (storeId != null) {
            Optional<StoreInfo> store = context.service(StoreDirectory.class).flatMap(d -> d.find(storeId));
            if (store.isPresent()) {
                return ZoneId.of(store.get().timeZone());
            }
        }
        return NotificationSettings.zone(settings);
    }

    private static Locale locale(String language) {
        return Locale.forLanguageTag(language + "-IN");
    }

    private static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        return name.strip().split("\\s+")[0];
    }

    /** Why a notification may not go, thrown while looking up its reader. */
    private static final class Refusal extends RuntimeException {
        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }
}
