package io.loyaltyhub.plugins.notifications;

import io.loyaltyhub.api.chat.WaTemplate;
import io.loyaltyhub.api.chat.WhatsAppTemplates;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.platform.PluginAdmin;
import io.loyaltyhub.api.plugin.PluginContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notifications plugin's composition root and the one place its REST API and admin screens go through: the
 * templates, the delivery log, the trigger switches, the WhatsApp template list. Built once by
 * {@link NotificationsPlugin}.
 */
public final class Notifications {
    private final PluginContext context;
    private final Templates templates;
    private final NotificationLog log;
    private final RewardCosts rewardCosts;
    private final Dispatcher dispatcher;

    Notifications(PluginContext context) {
        this.context = context;
        this.templates = new Templates(context);
        this.log = new NotificationLog(context.json());
        this.rewardCosts = new RewardCosts(context);
        this.dispatcher = new Dispatcher(context, log, new Composer(context, templates, log), rewardCosts);
    }

    PluginContext context() {
        return context;
    }

    NotificationLog log() {
        return log;
    }

    RewardCosts rewardCosts() {
        return rewardCosts;
    }

    Templates templates() {
        return templates;
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    // ---- triggers ----

    List<TriggerInfo> triggers() {
        var settings = context.settings();
        return Arrays.stream(Trigger.values()).map(t -> TriggerInfo.of(t, NotificationSettings.on(settings, t))).toList();
    }

    /** Switches a trigger on or off (a plugin setting: validated, audited, seen at once). */
    TriggerInfo switchTrigger(Actor actor, String id, boolean on) {
        Trigger t = Trigger.byId(id).orElseThrow(() -> Rejected.notFound("not-found", "No trigger " + id));
        PluginAdmin admin = context.service(PluginAdmin.class)
                .orElseThrow(() -> new IllegalStateException("plugin settings are not available"));
        admin.updateSettings(actor, context.pluginId(), Map.of(t.settingKey(), String.valueOf(on)));
        return TriggerInfo.of(t, NotificationSettings.on(context.settings(), t));
    }

    // ---- templates ----

    /** The template rendered with sample values, and the problems that would stop it from being saved. */
    Preview preview(String triggerId, String body, WhatsAppMapping mapping) {
        Trigger trigger = Trigger.byId(triggerId == null ? "" : triggerId)
                .orElseThrow(() -> Rejected.invalid("unknown trigger", Map.of("trigger", "is not a trigger")));
        String text = TemplateText.render(body == null ? "" : body, SampleData.of(trigger));
        List<String> problems = new ArrayList<>(TemplateText.problems(body == null ? "" : body, trigger));
        if (text.length() > Templates.MAX_TEXT) {
            problems.add("the message is " + text.length() + " characters; at most " + Templates.MAX_TEXT);
        }
        Preview.WhatsAppPreview wa = null;
        if (mapping != null && mapping.name() != null && !mapping.name().isBlank()) {
            Map<String, String> samples = SampleData.of(trigger);
            Optional<WaTemplate> known = context.service(WhatsAppTemplates.class)
                    .flatMap(s -> s.find(mapping.name(), mapping.language()));
            List<String> names = known.map(WaTemplate::parameters).orElse(List.of());
            List<Preview.Parameter> params = new ArrayList<>();
            for (int i = 0; i < mapping.parameters().size(); i++) {
                String p = mapping.parameters().get(i);
                params.add(new Preview.Parameter(i < names.size() ? names.get(i) : ShippedTemplates.snake(p),
                        samples.getOrDefault(p, "")));
            }
            wa = new Preview.WhatsAppPreview(mapping.name(), mapping.language(),
                    known.map(WaTemplate::status).orElse("UNKNOWN"), params);
        }
        return new Preview(text, text.length(), Templates.MAX_TEXT, wa, problems);
    }

    // ---- the log ----

    List<NotificationView> search(NotificationFilter filter) {
        return context.transactions().inTransaction(tx -> log.search(tx.sql(), filter));
    }

    Optional<NotificationView> find(long id) {
        return context.transactions().inTransaction(tx -> log.find(tx.sql(), id));
    }

    /** Counts per trigger of the last {@code days} days. */
    List<TriggerCounts> counts(int days) {
        Instant since = context.clock().instant().minus(Duration.ofDays(days));
        return context.transactions().inTransaction(tx -> log.counts(tx.sql(), since));
    }

    /** Sends a failed or refused notification again (composed anew: consent, window and template checked again). */
    NotificationView retry(Actor actor, long id) {
        NotificationView before = find(id).orElseThrow(() -> Rejected.notFound("not-found", "No notification " + id));
        boolean retried = context.transactions().inTransaction(tx -> {
            boolean ok = log.retry(tx.sql(), id, tx.now());
            if (ok) {
                tx.audit(actor, "notification.retry", "notification", String.valueOf(id),
                        Map.of("status", before.status()), Map.of("status", "PENDING"));
            }
            return ok;
        });
        if (!retried) {
            throw Rejected.conflict("not-retryable", "Notification " + id + " is " + before.status()
                    + "; only failed or refused notifications can be sent again.");
        }
        dispatcher.wake();
        return find(id).orElseThrow();
    }

    // ---- WhatsApp templates ----

    List<WaTemplate> whatsappTemplates() {
        return context.service(WhatsAppTemplates.class).map(WhatsAppTemplates::list).orElse(List.of());
    }

    /** Reads the list from Meta now; a failure is a readable conflict (channel off, no account id, Meta's error). */
    List<WaTemplate> syncWhatsAppTemplates(Actor actor) {
        WhatsAppTemplates wa = context.service(WhatsAppTemplates.class)
                .orElseThrow(() -> Rejected.conflict("whatsapp-off", "The WhatsApp channel is not available."));
        int count;
        try {
            count = wa.sync();
        } catch (IllegalStateException e) {
            throw Rejected.conflict("whatsapp-templates-unavailable", e.getMessage());
        }
        context.transactions().run(tx -> {
            tx.audit(actor, "whatsapp-templates.sync", "whatsapp-templates", "all", null, Map.of("templates", count));
            return null;
        });
        return wa.list();
    }
}
