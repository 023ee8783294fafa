package io.loyaltyhub.plugins.affiliates.chat;

import io.loyaltyhub.api.affiliate.Affiliate;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.affiliate.AffiliateStatus;
import io.loyaltyhub.api.chat.Audience;
import io.loyaltyhub.api.chat.ChatFlow;
import io.loyaltyhub.api.chat.ChatStep;
import io.loyaltyhub.api.chat.ChatTurn;
import io.loyaltyhub.api.chat.Intent;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.chat.Texts;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The affiliates' conversation on Telegram (and the simulator). The user id is the Telegram user id. Someone
 * unknown applies ({@link Applying}): a deep link's {@code /start <invite>} leads to name, mobile and payout
 * details, then a pending application. While pending every message says so (with help); a rejected or suspended
 * affiliate gets a polite text with the reason; an approved one gets the menu of links, stats, commissions, payout,
 * leaderboard, language and help ({@link Dashboard}). Telegram commands work as typed text ({@code /links},
 * {@code /stats}, {@code /commissions}, {@code /payout}, {@code /leaderboard}; {@code /menu}, {@code /help} and
 * {@code /stop} arrive as the engine's keywords). Changes are made as the system actor {@code telegram}.
 *
 * <p>Steps: {@code ""} (new), {@code apply}, {@code apply.name}, {@code apply.phone}, {@code apply.payout},
 * {@code pending}, {@code closed}; {@code menu}, {@code links}, {@code link}, {@code link.campaign},
 * {@code link.target}, {@code stats}, {@code commissions}, {@code payout}, {@code payout.confirm},
 * {@code leaderboard}, {@code language}, {@code help}. Choice ids: see {@link Screens}.
 */
@Extension
public class AffiliateChatFlow implements ChatFlow {
    static final String ID = "affiliates.affiliate";
    static final String BUNDLE = "chat/affiliate";
    static final String NEW = "";
    static final String PENDING = "pending";
    static final String CLOSED = "closed";

    private final FlowSupport support;
    private final Applying applying;
    private final Dashboard dashboard;

    public AffiliateChatFlow(PluginContext context) {
        this.support = new FlowSupport(context, BUNDLE);
        this.applying = new Applying(support);
        this.dashboard = new Dashboard(support);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Audience audience() {
        return Audience.AFFILIATE;
    }

    @Override
    public String bundle() {
        return BUNDLE;
    }

    @Override
    public ChatStep handle(ChatTurn turn) {
        Texts t = turn.texts();
        OptionalLong telegramUserId = FlowSupport.telegramUserId(turn);
        if (telegramUserId.isEmpty()) {
            return ChatStep.to(NEW, Reply.text(t.get("no-telegram-id")));
        }
        try {
            Optional<Affiliate> affiliate = support.affiliates().findByTelegramUser(telegramUserId.getAsLong());
            if (affiliate.isEmpty()) {
                return applying.handle(turn, telegramUserId.getAsLong());
            }
            Affiliate a = affiliate.get();
            return switch (a.status()) {
                case APPROVED -> dashboard.handle(turn, a);
                case PENDING -> pending(turn, a);
                case REJECTED, SUSPENDED -> closed(turn, a);
            };
        } catch (Rejected e) {
            return ChatStep.stay(turn, Reply.text(t.get("error.generic")));
        }
    }

    /** Waiting for a manager: any message says so, with what to do meanwhile. */
    private ChatStep pending(ChatTurn turn, Affiliate a) {
        Texts t = turn.texts();
        if (turn.intent() == Intent.STOP) {
            return ChatStep.to(PENDING, Reply.text(t.get("stop.pending")));
        }
        if (turn.intent() == Intent.HELP) {
            return ChatStep.to(PENDING, Reply.text(t.get("help.pending")));
        }
        return ChatStep.to(PENDING, support.screens(t).pending(a.name()));
    }

    /** Rejected or suspended: the reason, politely, and nothing else. */
    private ChatStep closed(ChatTurn turn, Affiliate a) {
        Texts t = turn.texts();
        if (turn.intent() == Intent.STOP) {
            return ChatStep.to(CLOSED, Reply.text(t.get("stop.closed")));
        }
        Screens s = support.screens(t);
        return ChatStep.to(CLOSED, a.status() == AffiliateStatus.REJECTED
                ? s.rejected(a.statusReason()) : s.suspended(a.statusReason()));
    }
}
