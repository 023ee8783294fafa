package io.loyaltyhub.bots.engine;

import io.loyaltyhub.api.chat.Audience;
import io.loyaltyhub.api.chat.ChatSimulator;
import io.loyaltyhub.api.chat.ChatUser;
import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.common.PhoneNumbers;
import io.loyaltyhub.api.data.Transactions;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The simulator channel: the same engine and flows, answered at once. Messages are logged on
 * channel {@code simulator} (replies as delivered), so staff can see what a test conversation did.
 * Customers are identified by mobile number, normalised like everywhere else.
 */
public final class Simulator implements ChatSimulator {
    public static final String CHANNEL = "simulator";

    private final Transactions transactions;
    private final ConversationEngine engine;
    private final Optional<PhoneNumbers> phones;
    private final String defaultRegion;
    private final Clock clock;

    public Simulator(Transactions transactions, ConversationEngine engine, Optional<PhoneNumbers> phones,
                     String defaultRegion, Clock clock) {
        this.defaultRegion = defaultRegion;
        this.transactions = transactions;
        this.engine = engine;
        this.phones = phones;
        this.clock = clock;
    }

    @Override
    public List<Reply> send(Audience audience, String userId, Inbound input) {
        String user = userId == null ? "" : userId.strip();
        if (audience == Audience.CUSTOMER && phones.isPresent()) {
            user = phones.get().toE164(user, defaultRegion)
                    .orElseThrow(() -> new IllegalArgumentException("not a mobile number: " + userId));
        }
        if (user.isEmpty() || user.length() > 64) {
            throw new IllegalArgumentException("a user id of 1-64 characters is needed");
        }
        InboundMessage m = new InboundMessage(new ChatUser(CHANNEL, user, ""), audience,
                "sim-" + UUID.randomUUID(), input, null, clock.instant());
        // not NEW: the inbound worker must not answer it as well
        long id = transactions.inTransaction(tx -> engine.inboundStore().insertOne(tx.sql(), m, tx.now(),
                InboundStore.DIRECT));
        return engine.answer(id, m, OutboundStore.Status.DELIVERED);
    }
}
