package io.loyaltyhub.ui.chat;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import io.loyaltyhub.api.chat.ChannelStatus;

import java.time.Instant;

/**
 * One channel on the channels page: on or off with why, last webhook, and the outbound queue.
 * Updated in place ({@link #show}), so a browser keeps its elements across refreshes. Its id is
 * {@code channel-<name>}; the values are in children with classes {@code channel-state}
 * ("configured" / "off"), {@code channel-detail}, {@code channel-last-inbound}, {@code channel-queued},
 * {@code channel-sent}, {@code channel-failed} and {@code channel-last-error}.
 */
public class ChannelCard extends Div {

    private final H3 title = new H3();
    private final Span state = new Span();
    private final Span detail = value("channel-detail");
    private final Span lastInbound = value("channel-last-inbound");
    private final Span queued = value("channel-queued");
    private final Span sent = value("channel-sent");
    private final Span failed = value("channel-failed");
    private final Span lastError = value("channel-last-error");

    public ChannelCard(String channel) {
        setId(ChannelFacts.cardId(channel));
        addClassName("channel-card");
        title.setText(ChannelFacts.channelName(channel));
        title.getStyle().set("margin", "0");
        state.addClassName("channel-state");
        state.getStyle().set("font-size", "var(--lumo-font-size-s)").set("padding", "0.1em 0.6em")
                .set("border-radius", "var(--lumo-border-radius-m)").set("margin-left", "var(--lumo-space-s)");
        Div head = new Div(title, state);
        head.getStyle().set("display", "flex").set("align-items", "center");
        detail.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(head, detail, row("Last message in", lastInbound), row("Queued", queued), row("Sent (24 h)", sent),
                row("Failed (24 h)", failed), row("Last error", lastError));
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)")
                .set("padding", "var(--lumo-space-m)").set("min-width", "18em").set("max-width", "28em")
                .set("border-radius", "var(--lumo-border-radius-l)").set("background", "var(--lumo-contrast-5pct)");
    }

    public void show(ChannelStatus status, Instant now) {
        state.setText(status.configured() ? "configured" : "off");
        state.getStyle().set("background", status.configured() ? "var(--lumo-success-color-10pct)"
                        : "var(--lumo-contrast-10pct)")
                .set("color", status.configured() ? "var(--lumo-success-text-color)"
                        : "var(--lumo-secondary-text-color)");
        getElement().setAttribute("data-configured", String.valueOf(status.configured()));
        detail.setText(status.detail() == null ? "" : status.detail());
        lastInbound.setText(ChannelFacts.lastInbound(status.lastInbound(), now));
        queued.setText(String.valueOf(status.queued()));
        sent.setText(String.valueOf(status.sent24h()));
        failed.setText(String.valueOf(status.failed24h()));
        failed.getStyle().set("color", status.failed24h() > 0 ? "var(--lumo-error-text-color)" : null);
        boolean hasError = status.lastError() != null && !status.lastError().isBlank();
        lastError.setText(hasError ? status.lastError() : "none");
        lastError.getStyle().set("color", hasError ? "var(--lumo-error-text-color)" : null);
    }

    /** The text of the child with that class name, for tests. */
    String text(String className) {
        return switch (className) {
            case "channel-state" -> state.getText();
            case "channel-detail" -> detail.getText();
            case "channel-last-inbound" -> lastInbound.getText();
            case "channel-queued" -> queued.getText();
            case "channel-sent" -> sent.getText();
            case "channel-failed" -> failed.getText();
            case "channel-last-error" -> lastError.getText();
            default -> throw new IllegalArgumentException(className);
        };
    }

    private static Span value(String className) {
        Span s = new Span();
        s.addClassName(className);
        return s;
    }

    private static Div row(String label, Span value) {
        Span caption = new Span(label + ": ");
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return new Div(caption, value);
    }
}
