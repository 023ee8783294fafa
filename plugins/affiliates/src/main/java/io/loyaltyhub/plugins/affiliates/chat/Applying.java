package io.loyaltyhub.plugins.affiliates.chat;

import io.loyaltyhub.api.affiliate.Affiliate;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.affiliate.AffiliateStatus;
import io.loyaltyhub.api.affiliate.NewAffiliate;
import io.loyaltyhub.api.chat.ChatStep;
import io.loyaltyhub.api.chat.ChatTurn;
import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.chat.Texts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conversation with someone who is not an affiliate yet. A deep link's {@code /start <invite>} goes straight
 * to the name question (the invite kept in the data as {@code invite}); any other first message gets the welcome
 * with Apply. Then name (the Telegram name in one tap), mobile number (any common format, checked), payout details
 * (a UPI id or bank details), and the application is registered as pending. Nothing is stored about the person
 * until the last answer.
 */
final class Applying {
    static final String WELCOME = "apply";
    static final String NAME = "apply.name";
    static final String PHONE = "apply.phone";
    static final String PAYOUT = "apply.payout";

    private final FlowSupport support;

    Applying(FlowSupport support) {
        this.support = support;
    }

    ChatStep handle(ChatTurn turn, long telegramUserId) {
        Texts t = turn.texts();
        Screens s = support.screens(t);
        String invite = turn.data().get("invite");
        switch (turn.intent()) {
            case STOP -> {
                return ChatStep.to(AffiliateChatFlow.NEW, Reply.text(t.get("stop.guest")));
            }
            case HELP -> {
                ChatStep where = prompt(turn, s);
                List<Reply> replies = new ArrayList<>(where.replies());
                replies.set(0, Screens.lead(t.get("help.guest"), replies.getFirst()));
                return new ChatStep(replies, where.step(), where.data(), null);
            }
            case MENU, START -> {
                return greet(turn, s, invite);
            }
            case NONE -> {
                // below
            }
        }
        Inbound in = turn.input();
        if (in.kind() == Inbound.Kind.CHOICE) {
            String id = in.choice();
            if (id.startsWith(Screens.LANGUAGE_PREFIX) && FlowSupport.LANGUAGES.contains(id.substring(2))) {
                return inLanguage(turn, id.substring(2));
            }
            if (id.equals(Screens.APPLY)) {
                return askName(turn, s, null, null);
            }
        }
        String text = in.kind() == Inbound.Kind.TEXT ? in.text() : null;
        if (Keywords.isStart(text)) {
            return greet(turn, s, Keywords.invite(text).orElse(invite));
        }
        Keywords words = support.keywords(turn);
        switch (turn.step()) {
            case NAME -> {
                Optional<String> name = in.isChoice(Screens.PROFILE_NAME) ? Inputs.name(turn.user().displayName())
                        : text == null ? Optional.empty() : Inputs.name(text);
                if (name.isEmpty()) {
                    return ChatStep.stay(turn, s.nameInvalid(turn.user().displayName()));
                }
                return ChatStep.to(PHONE, s.askPhone(name.get())).withData(data(invite, name.get(), null));
            }
            case PHONE -> {
                Optional<String> mobile = text == null ? Optional.empty() : mobile(text);
                if (mobile.isEmpty()) {
                    return ChatStep.stay(turn, s.phoneInvalid());
                }
                return ChatStep.to(PAYOUT, s.askPayoutDetails()).withData(data(invite, turn.data().get("name"), mobile.get()));
            }
            case PAYOUT -> {
                Optional<String> details = text == null ? Optional.empty() : Inputs.payoutDetails(text);
                if (details.isEmpty()) {
                    return ChatStep.stay(turn, s.payoutDetailsInvalid());
                }
                return register(turn, s, telegramUserId, details.get());
            }
            case WELCOME -> {
                if (text != null) {
                    if (words.isYes(text)) {
                        return askName(turn, s, null, null);
                    }
                    Optional<String> language = words.language(text);
                    if (language.isPresent()) {
                        return inLanguage(turn, language.get());
                    }
                }
                return ChatStep.stay(turn, s.applyExpected(FlowSupport.otherLanguage(t.language())));
            }
            default -> {
                return greet(turn, s, invite);
            }
        }
    }

    /** The number in E.164 when the host can check numbers; else any 7-15 digits, for the service to check. */
    private Optional<String> mobile(String text) {
        var phones = support.phones();
        if (phones.isPresent()) {
            return phones.get().toE164(text.strip(), support.region());
        }
        String digits = text.replaceAll("[\\s().\\-]", "");
        return digits.matches("\\+?[0-9]{7,15}") ? Optional.of(digits) : Optional.empty();
    }

    private static Map<String, String> data(String invite, String name, String mobile) {
        Map<String, String> d = new HashMap<>();
        if (invite != null) {
            d.put("invite", invite);
        }
        if (name != null) {
            d.put("name", name);
        }
        if (mobile != null) {
            d.put("mobile", mobile);
        }
        return d;
    }

    /** With an invite: welcome and the name question at once; without: the welcome and Apply. */
    private ChatStep greet(ChatTurn turn, Screens s, String invite) {
        String other = FlowSupport.otherLanguage(s.texts().language());
        if (invite == null) {
            return ChatStep.to(WELCOME, s.welcome(other));
        }
        String lead = s.texts().get("welcome") + "\n\n" + inviter(invite).map(n -> s.texts().get("welcome.invited", n))
                .orElse(s.texts().get("welcome.invited.unknown"));
        return askName(turn, s, lead, invite).withData(data(invite, null, null));
    }

    /** The first name of the approved affiliate whose code the invite is, if it is one. */
    private Optional<String> inviter(String invite) {
        try {
            return support.affiliates().findByCode(invite).filter(a -> a.status() == AffiliateStatus.APPROVED)
                    .map(a -> a.name().strip().split("\\s+")[0]);
        } catch (Rejected e) {
            return Optional.empty();
        }
    }

    private ChatStep askName(ChatTurn turn, Screens s, String lead, String invite) {
        String other = FlowSupport.otherLanguage(s.texts().language());
        return ChatStep.to(NAME, s.askName(lead, turn.user().displayName(), other))
                .withData(data(invite != null ? invite : turn.data().get("invite"), null, null));
    }

    /** What the current step asks, again (after help or a language switch). */
    private ChatStep prompt(ChatTurn turn, Screens s) {
        return switch (turn.step()) {
            case NAME -> ChatStep.stay(turn, s.askName(null, turn.user().displayName(),
                    FlowSupport.otherLanguage(s.texts().language())));
            case PHONE -> ChatStep.stay(turn, s.askPhone(turn.data().getOrDefault("name", "")));
            case PAYOUT -> ChatStep.stay(turn, s.askPayoutDetails());
            default -> ChatStep.to(WELCOME, s.welcome(FlowSupport.otherLanguage(s.texts().language())))
                    .withData(turn.data());
        };
    }

    private ChatStep inLanguage(ChatTurn turn, String language) {
        return prompt(turn, support.screens(support.texts(turn, language))).inLanguage(language);
    }

    private ChatStep register(ChatTurn turn, Screens s, long telegramUserId, String payoutDetails) {
        Texts t = turn.texts();
        String name = turn.data().get("name");
        String mobile = turn.data().get("mobile");
        String invite = turn.data().get("invite");
        if (name == null || mobile == null) { // data lost somehow: start the questions again
            return askName(turn, s, null, invite);
        }
        try {
            Affiliate a = support.affiliates().register(FlowSupport.ACTOR,
                    new NewAffiliate(name, mobile, null, telegramUserId, payoutDetails, invite));
            return ChatStep.to(AffiliateChatFlow.PENDING, s.applied(a.name()));
        } catch (Rejected e) {
            return switch (e.code()) {
                case "mobile-taken" -> ChatStep.to(PHONE, Screens.lead(t.get("apply.phone.taken"), s.askPhone(name)))
                        .withData(data(invite, name, null));
                case "invalid-mobile" -> ChatStep.to(PHONE, s.phoneInvalid()).withData(data(invite, name, null));
                case "invalid-payout-details" -> ChatStep.stay(turn, s.payoutDetailsInvalid());
                // a deep link's invite that names nobody (any more): they apply all the same, recruited by nobody
                case "unknown-invite" -> register(withoutInvite(turn), s, telegramUserId, payoutDetails);
                case "telegram-user-taken" -> support.affiliates().findByTelegramUser(telegramUserId)
                        // the same turn again (a crash after registering), or a second device: it is done
                        .map(a -> ChatStep.to(AffiliateChatFlow.PENDING, s.applied(a.name())))
                        .orElseGet(() -> ChatStep.to(AffiliateChatFlow.NEW, Reply.text(t.get("apply.failed"))));
                default -> "name".equals(firstField(e))
                        ? ChatStep.to(NAME, s.nameInvalid(turn.user().displayName())).withData(data(invite, null, null))
                        : ChatStep.to(AffiliateChatFlow.NEW, Reply.text(t.get("apply.failed")));
            };
        }
    }

    private static ChatTurn withoutInvite(ChatTurn turn) {
        java.util.Map<String, String> data = new java.util.HashMap<>(turn.data());
        data.remove("invite");
        return new ChatTurn(turn.user(), turn.messageId(), turn.input(), turn.intent(), turn.step(), data, turn.texts());
    }

    private static String firstField(Rejected e) {
        return e.fieldErrors().keySet().stream().findFirst().orElse("");
    }
}
