package io.loyaltyhub.bots.whatsapp;

import io.loyaltyhub.api.chat.Audience;
import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.bots.engine.InboundMessage;

import java.time.Instant;
import java.util.Optional;

/**
 * Business-scoped user ids (BSUID) and the phone numbers they stand for ({@code chat_user_link}). Users are keyed
 * by their number wherever it is known: a message carrying both links them; a message carrying only the BSUID of a
 * linked user is keyed by the number; a user known only by BSUID who shares their own number on request is linked,
 * and their conversation so far moves to the number. A BSUID never becomes a phone number by any other way.
 */
final class WhatsAppUserIds {

    /** The key {@code m} is answered under, recording what it teaches about its sender. */
    InboundMessage resolve(SqlRunner sql, InboundMessage m, Instant now) {
        String bsuid = m.bsuid();
        if (bsuid == null) {
            return m;
        }
        Optional<String> phone = m.user().phone();
        if (phone.isPresent()) {
            link(sql, bsuid, phone.get(), now);
            return m;
        }
        if (m.input().kind() == Inbound.Kind.PHONE_SHARED) {
            String shared = m.input().text();
            link(sql, bsuid, shared, now);
            moveConversation(sql, bsuid, shared);
            return m.keyedBy(shared);
        }
        return linked(sql, bsuid).map(m::keyedBy).orElse(m);
    }

    /** A notice that the user's BSUID changed: the link follows it. */
    void changed(SqlRunner sql, WebhookDelivery.IdChange change, Instant now) {
        Optional<String> phone = Optional.ofNullable(change.phone()).or(() -> linked(sql, change.previous()));
        sql.update("DELETE FROM chat_user_link WHERE channel = ? AND user_id = ?", WebhookParser.CHANNEL, change.previous());
        if (phone.isPresent()) {
            link(sql, change.current(), phone.get(), now);
        } else {
            moveConversation(sql, change.previous(), change.current());
        }
    }

    Optional<String> linked(SqlRunner sql, String bsuid) {
        return sql.one("SELECT phone FROM chat_user_link WHERE channel = ? AND user_id = ?", rs -> rs.getString(1),
                WebhookParser.CHANNEL, bsuid);
    }

    private static void link(SqlRunner sql, String bsuid, String phone, Instant now) {
        sql.update("INSERT INTO chat_user_link (channel, user_id, phone, linked_at) VALUES (?, ?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE phone = VALUES(phone), linked_at = IF(phone = VALUES(phone), linked_at, "
                + "VALUES(linked_at))", WebhookParser.CHANNEL, bsuid, phone, now);
    }

    /** Carries a conversation over to a new key, unless one is already kept under it. */
    private static void moveConversation(SqlRunner sql, String from, String to) {
        sql.update("UPDATE IGNORE chat_conversation SET user_id = ? WHERE channel = ? AND audience = ? AND user_id = ?",
                to, WebhookParser.CHANNEL, Audience.CUSTOMER.name(), from);
    }
}
