package io.loyaltyhub.ui.connectors;

import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.ui.common.Notifications;
import io.loyaltyhub.ui.common.Rejections;
import io.loyaltyhub.ui.security.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the connector pages need from the session, in one place so tests can replace it: the logged-in actor,
 * notifications, the clock. Runs service calls so a refusal ({@link Rejected}) becomes a message (through
 * {@link Rejections}) and nothing else escapes as a crash.
 */
final class ConnectorCalls {

    static final String READ = "connectors:read";
    static final String WRITE = "connectors:write";
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorCalls.class);

    Supplier<Optional<Actor>> actor = CurrentActor::get;
    Consumer<String> success = Notifications::success;
    Consumer<String> error = Notifications::error;
    Clock clock = Clock.systemDefaultZone();

    boolean mayWrite() {
        return actor.get().map(a -> a.may(WRITE)).orElse(false);
    }

    Actor requireActor() {
        return actor.get().orElseThrow(() -> new IllegalStateException("nobody is logged in"));
    }

    /**
     * Runs a service call. A refusal goes to {@code onRefused} as text; any other failure is logged and goes there
     * too, so the page stays usable.
     */
    <T> Optional<T> call(Supplier<T> action, Consumer<String> onRefused) {
        try {
            return Optional.ofNullable(action.get());
        } catch (Rejected e) {
            onRefused.accept(Rejections.message(e));
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warn("connector service call failed", e);
            onRefused.accept(failure(e));
            return Optional.empty();
        }
    }

    /** {@link #call} for actions without a result; whether it went through. */
    boolean run(Runnable action, Consumer<String> onRefused) {
        return call(() -> {
            action.run();
            return Boolean.TRUE;
        }, onRefused).isPresent();
    }

    /** For a failure that is not a refusal: "Failed: <message>". */
    static String failure(RuntimeException e) {
        String m = e.getMessage();
        return "Failed: " + (m == null || m.isBlank() ? e.getClass().getSimpleName() : m);
    }
}
