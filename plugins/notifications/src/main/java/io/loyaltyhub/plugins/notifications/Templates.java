package io.loyaltyhub.plugins.notifications;

import io.loyaltyhub.api.chat.WaTemplate;
import io.loyaltyhub.api.chat.WhatsAppTemplates;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.plugin.PluginContext;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The templates: one per trigger, channel and language; every save a new version (kept), checked first: every
 * variable known, the text within the channel's limits with sample values, the WhatsApp mapping naming a template
 * Meta has, with as many parameters. The dispatcher reads them from a copy refreshed on every save here and every
 * 30 seconds (for saves on another instance).
 */
final class Templates {
    static final List<String> LANGUAGES = ShippedTemplates.LANGUAGES;
    /** The longest text one WhatsApp or Telegram message carries. */
    static final int MAX_TEXT = 4096;
    /** WhatsApp: a template body with its parameters filled in. */
    static final int MAX_TEMPLATE_BODY = 1024;
    private static final Pattern WA_NAME = Pattern.compile("[a-z0-9_]{1,512}");
    private static final Duration REFRESH = Duration.ofSeconds(30);

    /** @param readAt System.nanoTime: pacing, not business time */
    private record Snapshot(Map<String, TemplateView> byKey, long readAt) {
    }

    private final PluginContext context;
    private final AtomicReference<Snapshot> cache = new AtomicReference<>();

    Templates(PluginContext context) {
        this.context = context;
    }

    /**
     * Fills in the shipped templates (version 1, by "system") of every trigger that has none in any language: a new
     * trigger on first start. A template staff deleted stays deleted. One transaction per trigger; when two instances
     * start at once, the second one's insert loses on the unique key and is skipped.
     */
    void seed() {
        for (Trigger trigger : Trigger.values()) {
            try {
                context.transactions().run(tx -> {
                    var em = tx.em();
                    boolean any = !em.createQuery("select t.id from NotificationTemplate t where t.triggerId = :t",
                            Long.class).setParameter("t", trigger.id).setMaxResults(1).getResultList().isEmpty();
                    if (any) {
                        return null;
                    }
                    for (String language : LANGUAGES) {
                        Optional<TemplateContent> shipped = ShippedTemplates.of(trigger, language);
                        if (shipped.isPresent()) {
                            NotificationTemplate t = new NotificationTemplate(trigger, language, shipped.get(), tx.now(),
                                    "system");
                            em.persist(t);
                            em.flush();
                            em.persist(new TemplateVersion(t.view()));
                        }
                    }
                    return null;
                });
            } catch (RuntimeException raced) {
                boolean seeded = context.transactions().inTransaction(tx -> !tx.em().createQuery("select t.id from "
                        + "NotificationTemplate t where t.triggerId = :t", Long.class).setParameter("t", trigger.id)
                        .getResultList().isEmpty());
                if (!seeded) {
                    throw raced;
                }
            }
        }
        cache.set(null);
    }

    List<TemplateView> list() {
        return List.copyOf(snapshot(true).byKey().values());
    }

    Optional<TemplateView> find(long id) {
        return context.transactions().inTransaction(tx -> Optional.ofNullable(tx.em().find(NotificationTemplate.class, id))
                .map(NotificationTemplate::view));
    }

    /** The template a message of {@code trigger} to a reader of {@code language} uses: theirs, else English. */
    Optional<TemplateView> forMessage(Trigger trigger, String language) {
        Map<String, TemplateView> all = snapshot(false).byKey();
        TemplateView t = all.get(key(trigger.id, language));
        return Optional.ofNullable(t != null ? t : all.get(key(trigger.id, "en")));
    }

    List<TemplateVersion.VersionView> versions(long id) {
        require(id);
        return context.transactions().inTransaction(tx -> tx.em().createQuery("from TemplateVersion v where "
                        + "v.templateId = :id order by v.version desc", TemplateVersion.class).setParameter("id", id)
                .getResultList().stream().map(TemplateVersion::view).toList());
    }

    TemplateView create(Actor actor, String triggerId, String language, TemplateContent content) {
        Trigger trigger = Trigger.byId(triggerId == null ? "" : triggerId).orElseThrow(() -> Rejected.invalid(
                "unknown trigger", Map.of("trigger", "must be one of " + List.of(ids()))));
        if (language == null || !LANGUAGES.contains(language)) {
            throw Rejected.invalid("unsupported language", Map.of("language", "must be one of " + LANGUAGES));
        }
        check(trigger, content, null);
        TemplateView created = context.transactions().inTransaction(tx -> {
            var em = tx.em();
            boolean exists = !em.createQuery("select t.id from NotificationTemplate t where t.triggerId = :t and "
                            + "t.language = :l", Long.class).setParameter("t", trigger.id).setParameter("l", language)
                    .getResultList().isEmpty();
            if (exists) {
                throw Rejected.conflict("template-exists", "There is a " + language + " template for " + trigger.id
                        + " already; change that one.");
            }
            NotificationTemplate t = new NotificationTemplate(trigger, language, content, tx.now(), actor.name());
            em.persist(t);
            em.flush();
            TemplateView view = t.view();
            em.persist(new TemplateVersion(view));
            tx.audit(actor, "notification-template.create", "notification-template", String.valueOf(view.id()), null,
                    view);
            return view;
        });
        cache.set(null);
        return created;
    }

    TemplateView update(Actor actor, long id, TemplateContent content) {
        TemplateView current = require(id);
        check(current.triggerEnum(), content, current.whatsapp());
        TemplateView saved = context.transactions().inTransaction(tx -> {
            // locked: two saves at once become two versions, one after the other
            NotificationTemplate t = tx.em().find(NotificationTemplate.class, id,
                    jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (t == null) {
                throw Rejected.notFound("not-found", "No notification template " + id);
            }
            TemplateView before = t.view();
            t.change(content, tx.now(), actor.name());
            tx.em().flush();
            TemplateView after = t.view();
            tx.em().persist(new TemplateVersion(after));
            tx.audit(actor, "notification-template.update", "notification-template", String.valueOf(id), before, after);
            return after;
        });
        cache.set(null);
        return saved;
    }

    void delete(Actor actor, long id) {
        TemplateView t = require(id);
        if (t.language().equals("en")) {
            throw Rejected.conflict("template-required", "The English template is what other languages fall back to; "
                    + "change it instead of deleting it.");
        }
        context.transactions().run(tx -> {
            NotificationTemplate entity = tx.em().find(NotificationTemplate.class, id);
            if (entity != null) {
                tx.em().remove(entity);
            }
            tx.audit(actor, "notification-template.delete", "notification-template", String.valueOf(id), t, null);
            return null;
        });
        cache.set(null);
    }

    /**
     * Refuses (422, naming the field) what must not be saved for {@code trigger}. A new or changed WhatsApp mapping
     * must name a template Meta has; the mapping the template already had is not checked again, so its text can be
     * edited while WhatsApp is not set up yet.
     */
    void check(Trigger trigger, TemplateContent content, WhatsAppMapping before) {
        Map<String, String> errors = new LinkedHashMap<>();
        String body = content.body() == null ? "" : content.body();
        if (body.isBlank()) {
            errors.put("body", "is required");
        } else {
            List<String> problems = TemplateText.problems(body, trigger);
            if (!problems.isEmpty()) {
                errors.put("body", String.join("; ", problems));
            } else {
                int length = TemplateText.render(body, SampleData.of(trigger)).length();
                if (length > MAX_TEXT) {
                    errors.put("body", "is " + length + " characters with sample values; a message carries at most "
                            + MAX_TEXT);
                }
            }
        }
        if (content.category() == null) {
            errors.put("category", "is required (UTILITY or MARKETING)");
        }
        WhatsAppMapping m = content.whatsapp();
        if (m != null) {
            checkMapping(trigger, m, m.equals(before), errors);
        }
        if (!errors.isEmpty()) {
            throw Rejected.invalid("The template cannot be saved: " + String.join("; ", errors.values()), errors);
        }
    }

    private void checkMapping(Trigger trigger, WhatsAppMapping m, boolean unchanged, Map<String, String> errors) {
        if (trigger.audience != Trigger.Audience.CUSTOMER) {
            errors.put("whatsapp", trigger.id + " goes to affiliates on Telegram; it has no WhatsApp template");
            return;
        }
        if (m.name() == null || !WA_NAME.matcher(m.name()).matches()) {
            errors.put("whatsapp.name", "must be a WhatsApp template name: lower case letters, digits and _");
            return;
        }
        if (m.language() == null || m.language().isBlank()) {
            errors.put("whatsapp.language", "is required, e.g. en or hi");
            return;
        }
        for (String p : m.parameters()) {
            if (!trigger.variables().contains(p)) {
                errors.put("whatsapp.parameters", "unknown variable " + p + "; " + trigger.id + " has "
                        + trigger.variables());
                return;
            }
        }
        Optional<WaTemplate> wa = context.service(WhatsAppTemplates.class).flatMap(s -> s.find(m.name(), m.language()));
        if (wa.isEmpty() && unchanged) {
            return; // checked when it was set; sending outside the window refuses it, with the reason, while Meta lacks it
        }
        if (wa.isEmpty()) {
            errors.put("whatsapp.name", "WhatsApp has no template " + m.name() + " (" + m.language()
                    + "); create it in WhatsApp Manager, then sync the list (WhatsApp templates, Sync now)");
            return;
        }
        if ("UNKNOWN".equals(wa.get().parameterFormat())) {
            errors.put("whatsapp.name", m.name() + " (" + m.language() + ") is known only from a status webhook: "
                    + "sync the list (WhatsApp templates, Sync now) to read its parameters");
        } else if (wa.get().parameters().size() != m.parameters().size()) {
            errors.put("whatsapp.parameters", m.name() + " has " + wa.get().parameters().size()
                    + " body parameters " + wa.get().parameters() + "; the mapping gives " + m.parameters().size()
                    + ", one variable for each, in that order");
        }
    }

    private TemplateView require(long id) {
        return find(id).orElseThrow(() -> Rejected.notFound("not-found", "No notification template " + id));
    }

    private Snapshot snapshot(boolean fresh) {
        Snapshot s = cache.get();
        long now = System.nanoTime();
        if (fresh || s == null || now - s.readAt() > REFRESH.toNanos()) {
            Map<String, TemplateView> all = new LinkedHashMap<>();
            context.transactions().inTransaction(tx -> tx.em().createQuery("from NotificationTemplate t order by "
                    + "t.triggerId, t.language", NotificationTemplate.class).getResultList())
                    .forEach(t -> all.put(key(t.view().trigger(), t.view().language()), t.view()));
            s = new Snapshot(all, now);
            cache.set(s);
        }
        return s;
    }

    private static String key(String trigger, String language) {
        return trigger + "/" + language;
    }

    private static String[] ids() {
        return java.util.Arrays.stream(Trigger.values()).map(t -> t.id).toArray(String[]::new);
    }
}
