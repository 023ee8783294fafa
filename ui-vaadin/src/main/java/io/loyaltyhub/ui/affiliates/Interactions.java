package io.loyaltyhub.ui.affiliates;

import io.loyaltyhub.ui.common.Rejections;

import com.vaadin.flow.component.dialog.Dialog;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.ui.common.Notifications;
import io.loyaltyhub.ui.security.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the affiliate views need from the session and the page, in one place so tests can replace
 * it: the logged-in actor, notifications, opening dialogs, the clock. Also runs service calls so
 * that a refusal ({@link Rejected}) becomes a message and nothing else escapes as a crash.
 */
final class Interactions {

    static final String READ = "affiliates:read";
    static final String WRITE = "affiliates:write";
    private static final Logger LOG = LoggerFactory.getLogger(Interactions.class);

    Supplier<Optional<Actor>> actor = CurrentActor::get;
    Consumer<String> success = Notifications::success;
    Consumer<String> error = Notifications::error;
    Consumer<Dialog> dialogs = Dialog::open;
    Clock clock = Clock.systemDefaultZone();
    ZoneId zone = io.loyaltyhub.ui.common.Times.zone();

    /** Whether the logged-in actor may use {@code scope}. */
    boolean may(String scope) {
        return actor.get().map(a -> a.may(scope)).orElse(false);
    }

    boolean mayWrite() {
        return may(WRITE);
    }

    /** The logged-in actor; views behind the access guard always have one. */
    Actor requireActor() {
        return actor.get().orElseThrow(() -> new IllegalStateException("nobody is logged in"));
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    void open(Dialog dialog) {
        dialogs.accept(dialog);
    }

    /**
     * Runs a service call. A refusal goes to {@code onRefused} as text; any other failure is logged
     * and goes there too ("Could not ...: message"), so the page stays usable.
     */
    <T> Optional<T> call(Supplier<T> action, Consumer<String> onRefused) {
        try {
            return Optional.ofNullable(action.get());
        } catch (Rejected e) {
            onRefused.accept(Rejections.message(e));
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warn("affiliate service call failed", e);
            onRefused.accept(failure(e));
            return Optional.empty();
        }
    }

    /** {@link #call} for actions without a result; whether it went through. */
    boolean run(Runnable action, Consumer<String> onRefused) {
        try {
            action.run();
            return true;
        } catch (Rejected e) {
            onRefused.accept(Rejections.message(e));
            return false;
        } catch (RuntimeException e) {
            LOG.warn("affiliate service call failed", e);
            onRefused.accept(failure(e));
            return false;
        }
    }

    /** For a failure that is not a refusal: "Failed: <message>". */
    static String failure(RuntimeException e) {
        String m = e.getMessage();
        return "Failed: " + (m == null || m.isBlank() ? e.getClass().getSimpleName() : m);
    }
}
