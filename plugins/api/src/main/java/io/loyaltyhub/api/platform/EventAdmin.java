package io.loyaltyhub.api.platform;

import java.util.List;

/** Event delivery as admins see it: the outbox backlog and the dead letters. */
public interface EventAdmin {
    List<DeadLetter> deadLetters(int limit);

    /** How many deliveries are dead letters now. */
    default long deadLetterCount() {
        return deadLetters(1000).size();
    }

    /** Events not yet applied by all their listeners. */
    long backlog();

    /** Puts a dead letter back in the queue for its listener. */
    void retry(Actor actor, String eventId, String listenerId);
}
