package io.loyaltyhub.bots.engine;

import io.loyaltyhub.api.chat.Audience;
import io.loyaltyhub.api.chat.ChatFlow;
import io.loyaltyhub.api.chat.ChatStep;
import io.loyaltyhub.api.chat.ChatTurn;
import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.api.chat.Intent;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.data.Transactions;
import io.loyaltyhub.bots.ChatConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers one inbound message: loads the conversation, runs the flow's turn, and stores the new
 * state, the replies and "answered" in one transaction. The flow runs outside that transaction
 * (its services open their own); if another instance answered the same user meanwhile, the turn
 * runs again on the newer state, which is safe because turns use the message id as their
 * idempotency key.
 */
public final class ConversationEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationEngine.class);
    private static final int MAX_RACES = 5;

    private final Transactions transactions;
    private final Map<Audience, ChatFlow> flows = new LinkedHashMap<>();
    private final Map<String, ChatFlow> flowsById = new LinkedHashMap<>();
    private final ChatConfig config;
    private final Clock clock;
    private final Keywords keywords = new Keywords(ChatConfig.LANGUAGES);
    private final Map<String, BundleTexts> texts = new ConcurrentHashMap<>();
    private final ConversationStore conversations = new ConversationStore();
    private final InboundStore inbound = new InboundStore();
    private final OutboundStore outbound;

    public ConversationEngine(Transactions transactions, List<ChatFlow> flowList, ChatConfig config, Clock clock,
                              OutboundStore outbound) {
        this.transactions = transactions;
        this.config = config;
        this.clock = clock;
        this.outbound = outbound;
        for (ChatFlow f : flowList) {
            if (flowsById.putIfAbsent(f.id(), f) != null) {
                LOG.warn("Two chat flows with id {}: using the first", f.id());
                continue;
            }
            if (flows.putIfAbsent(f.audience(), f) != null) {
                LOG.warn("Chat flow {} ignored: {} already talks to {}", f.id(), flows.get(f.audience()).id(),
                        f.audience());
            }
        }
    }

    public boolean hasFlow(Audience audience) {
        return flows.containsKey(audience);
    }

    InboundStore inboundStore() {
        return inbound;
    }

    /** When the user last wrote on the channel (WhatsApp's 24-hour window), if ever. */
    public java.util.Optional<Instant> lastInbound(String channel, String userId) {
        return transactions.inTransaction(tx -> conversations.lastInbound(tx.sql(), channel, userId));
    }

    /**
     * Answers a stored inbound message (row {@code inboundId}) and marks it answered, queueing the
     * replies with {@code replyStatus}.
     *
     * @return the replies, in order
     */
    public List<Reply> answer(long inboundId, InboundMessage m, OutboundStore.Status replyStatus) {
        for (int race = 0; ; race++) {
            Conversation before = transactions.inTransaction(tx -> conversations
                    .find(tx.sql(), m.channel(), m.audience(), m.user().userId())
                    .orElseGet(() -> Conversation.fresh(m.channel(), m.audience(), m.user().userId(),
                            flowIdFor(m.audience()), config.defaultLanguage())));
            Turned t = turn(before, m);
            Instant wrote = m.sentAt() == null ? clock.instant() : m.sentAt();
            Conversation after = new Conversation(before.channel(), before.audience(), before.userId(), t.flowId,
                    t.step, t.data, t.language, before.version(),
                    before.lastInboundAt() == null || wrote.isAfter(before.lastInboundAt()) ? wrote : before.lastInboundAt());
            boolean saved = transactions.inTransaction(tx -> {
                Instant now = tx.now();
                if (!conversations.save(tx.sql(), before, after, now)) {
                    return false;
                }
                for (int i = 0; i < t.replies.size(); i++) {
                    outbound.enqueue(tx.sql(), m.channel(), m.user().userId(), t.replies.get(i), null,
                            m.channel() + ":" + m.messageId() + ":" + i, replyStatus, now);
                }
                inbound.done(tx.sql(), inboundId, now);
                return true;
            });
            if (saved) {
                return t.replies;
            }
            if (race >= MAX_RACES) {
                throw new IllegalStateException("conversation of " + m.user().userId() + " keeps changing");
            }
        }
    }

    private record Turned(String flowId, String step, Map<String, String> data, String language, List<Reply> replies) {
    }

    /** Runs the flow for one message; never throws for anything the flow does. */
    private Turned turn(Conversation c, InboundMessage m) {
        BundleTexts engineTexts = texts("chat/engine", c.language(), ConversationEngine.class.getClassLoader());
        ChatFlow flow = flowsById.getOrDefault(c.flowId(), flows.get(c.audience()));
        if (flow == null) {
            return same(c, List.of(Reply.text(engineTexts.get("no-flow"))));
        }
        if (m.input().kind() == Inbound.Kind.UNSUPPORTED) {
            return same(c, List.of(Reply.text(engineTexts.get("unsupported"))));
        }
        Intent intent = keywords.of(m.input());
        ChatTurn turn = new ChatTurn(m.user(), m.messageId(), m.input(), intent, c.step(), c.data(),
                texts(flow.bundle(), c.language(), flow.getClass().getClassLoader()));
        try {
            ChatStep step = flow.handle(turn);
            String language = step.language() != null && ChatConfig.LANGUAGES.contains(step.language())
                    ? step.language() : c.language();
            return new Turned(flow.id(), step.step(), step.data(), language, step.replies());
        } catch (RuntimeException e) {
            LOG.error("Chat flow {} failed on message {} of {} in step '{}'", flow.id(), m.messageId(),
                    m.user().userId(), c.step(), e);
            return same(c, List.of(Reply.text(engineTexts.get("failed"))));
        }
    }

    private static Turned same(Conversation c, List<Reply> replies) {
        return new Turned(c.flowId(), c.step(), c.data(), c.language(), replies);
    }

    private String flowIdFor(Audience audience) {
        ChatFlow f = flows.get(audience);
        return f == null ? "" : f.id();
    }

    private BundleTexts texts(String bundle, String language, ClassLoader loader) {
        return texts.computeIfAbsent(bundle + "|" + language + "|" + System.identityHashCode(loader),
                k -> new BundleTexts(bundle, language, loader));
    }
}
