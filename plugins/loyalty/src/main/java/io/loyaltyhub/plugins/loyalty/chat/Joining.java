package io.loyaltyhub.plugins.loyalty.chat;

import io.loyaltyhub.api.chat.ChatStep;
import io.loyaltyhub.api.chat.ChatTurn;
import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.chat.Texts;
import io.loyaltyhub.api.loyalty.Birthday;
import io.loyaltyhub.api.loyalty.Customer;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.loyalty.NewCustomer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conversation with someone who is not a customer: greeting and consent (Yes, join / No thanks), name
 * (the WhatsApp profile name in one tap), birthday (or Skip), then joining. A friend's referral code in
 * the first message ("JOIN AB3CD7") is kept in the data ({@code ref}) until the join. Nothing is stored
 * about the person until they have said yes and answered.
 */
final class Joining {
    static final String CONSENT = "consent";
    static final String NAME = "join.name";
    static final String BIRTHDAY = "join.birthday";

    private final FlowSupport support;

    Joining(FlowSupport support) {
        this.support = support;
    }

    ChatStep handle(ChatTurn turn) {
        Texts t = turn.texts();
        Screens s = support.screens(t);
        switch (turn.intent()) {
            case STOP -> {
                return ChatStep.to(CustomerChatFlow.NEW, Reply.text(t.get("stop.guest")));
            }
            case HELP -> {
                ChatStep where = prompt(turn, s);
                return new ChatStep(List.of(Screens.lead(t.get("help.guest"), where.replies().getFirst())), where.step(),
                        where.data(), null);
            }
            case MENU, START -> {
                return greet(turn, s, turn.data().get("ref"));
            }
            case NONE -> {
                // below
            }
        }
        Inbound in = turn.input();
        if (in.kind() == Inbound.Kind.CHOICE) {
            String id = in.choice();
            if (id.startsWith("l:") && FlowSupport.LANGUAGES.contains(id.substring(2))) {
                return inLanguage(turn, id.substring(2));
            }
            if (id.equals("c:no")) {
                return declined(t);
            }
            if (id.equals("c:yes")) {
                return askName(turn, s);
            }
        }
        String text = in.kind() == Inbound.Kind.TEXT ? in.text() : null;
        Keywords words = support.keywords(turn);
        switch (turn.step()) {
            case NAME -> {
                Optional<String> name = in.isChoice("n:profile") ? Names.clean(turn.user().displayName())
                        : text == null ? Optional.empty() : Names.clean(text);
                if (name.isEmpty()) {
                    return ChatStep.stay(turn, s.nameInvalid(turn.user().displayName()));
                }
                return ChatStep.to(BIRTHDAY, s.askBirthday(name.get())).withData(data(turn.data().get("ref"), name.get()));
            }
            case BIRTHDAY -> {
                if (in.isChoice("b:skip") || (text != null && words.isSkip(text))) {
                    return join(turn, null);
                }
                Optional<Birthday> birthday = text == null ? Optional.empty() : BirthdayParser.parse(text, support.today());
                return birthday.map(b -> join(turn, b)).orElseGet(() -> ChatStep.stay(turn, s.birthdayInvalid()));
            }
            case CONSENT -> {
                if (text != null) {
                    if (words.isYes(text)) {
                        return askName(turn, s);
                    }
                    if (words.isNo(text)) {
                        return declined(t);
                    }
                    Optional<String> language = words.language(text);
                    if (language.isPresent()) {
                        return inLanguage(turn, language.get());
                    }
                    Optional<String> code = words.referralCode(text);
                    if (code.isPresent()) {
                        return greet(turn, s, code.get());
                    }
                }
                return ChatStep.stay(turn, s.consentExpected(FlowSupport.otherLanguage(t.language())));
            }
            default -> {
                return greet(turn, s, text == null ? null : words.referralCode(text).orElse(null));
            }
        }
    }

    /**
     * Someone WhatsApp shows only by a business-scoped id: nothing can be joined or looked up without their number,
     * so every message is answered with the request to share it (one tap). STOP and a friend's code still work.
     */
    ChatStep withoutNumber(ChatTurn turn) {
        Texts t = turn.texts();
        if (turn.intent() == io.loyaltyhub.api.chat.Intent.STOP) {
            return ChatStep.to(CustomerChatFlow.NEW, Reply.text(t.get("stop.guest")));
        }
        String ref = turn.input().kind() == Inbound.Kind.TEXT
                ? support.keywords(turn).referralCode(turn.input().text()).orElse(turn.data().get("ref"))
                : turn.data().get("ref");
        return ChatStep.to(CustomerChatFlow.NEW, new Reply.PhoneRequest(t.get("join.share-number")))
                .withData(data(ref, null));
    }

    private static Map<String, String> data(String ref, String name) {
        Map<String, String> d = new HashMap<>();
        if (ref != null) {
            d.put("ref", ref);
        }
        if (name != null) {
            d.put("name", name);
        }
        return d;
    }

    private ChatStep greet(ChatTurn turn, Screens s, String ref) {
        return ChatStep.to(CONSENT, s.greeting(ref, FlowSupport.otherLanguage(s.texts().language()))).withData(data(ref, null));
    }

    private ChatStep askName(ChatTurn turn, Screens s) {
        return ChatStep.to(NAME, s.askName(turn.user().displayName())).withData(data(turn.data().get("ref"), null));
    }

    private static ChatStep declined(Texts t) {
        return ChatStep.to(CustomerChatFlow.NEW, Reply.text(t.get("declined")));
    }

    /** What the current step asks, again (after help or a language switch). */
    private ChatStep prompt(ChatTurn turn, Screens s) {
        return switch (turn.step()) {
            case NAME -> ChatStep.stay(turn, s.askName(turn.user().displayName()));
            case BIRTHDAY -> ChatStep.stay(turn, s.askBirthday(turn.data().getOrDefault("name", "")));
            default -> greet(turn, s, turn.data().get("ref"));
        };
    }

    private ChatStep inLanguage(ChatTurn turn, String language) {
        ChatStep again = prompt(turn, support.screens(support.texts(turn, language)));
        return again.inLanguage(language);
    }

    private ChatStep join(ChatTurn turn, Birthday birthday) {
        Texts t = turn.texts();
        Customer c;
        try {
            c = support.loyalty().join(FlowSupport.actor(turn), new NewCustomer(turn.user().userId(),
                    turn.data().get("name"), birthday, t.language(), FlowSupport.CONSENT_SOURCE, turn.data().get("ref")));
        } catch (Rejected e) {
            return ChatStep.to(CustomerChatFlow.NEW, Reply.text(t.get("join.failed")));
        }
        Screens s = support.screens(t);
        String points = s.formats().number(support.loyalty().balance(c.id()).available());
        String welcome = c.name() == null ? t.get("join.welcome.noname", points) : t.get("join.welcome", c.name(), points);
        return ChatStep.to(Membership.MENU, Screens.lead(welcome, s.menu(c)));
    }
}
