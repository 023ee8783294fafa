package io.loyaltyhub.plugins.notifications;

import java.time.Instant;

/** What the dispatcher does with a notification. */
sealed interface Decision {
    /** Hand it to the channel's queue. */
    record Send(Composed message) implements Decision {
    }

    /** It may not go; the reason is shown in the log (status REFUSED). */
    record Refuse(String reason) implements Decision {
    }

    /** There is nothing to say any more (status SKIPPED), e.g. its trigger was switched off meanwhile. */
    record Skip(String reason) implements Decision {
    }

    /** Not now (quiet hours): pending again until {@code until}. */
    record Wait(Instant until, String reason) implements Decision {
    }
}
