package io.loyaltyhub.ui.chat;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.loyaltyhub.api.chat.ChannelStatus;
import io.loyaltyhub.api.chat.Channels;
import io.loyaltyhub.ui.common.ErrorText;
import io.loyaltyhub.ui.common.Times;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.security.RequiredScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WhatsApp and Telegram (and any other channel): configured or not and why, the last webhook, the
 * outbound queue and failures. Refreshes itself every {@link #POLL_MILLIS} ms while open.
 */
@Route(value = "channels", layout = MainLayout.class)
@PageTitle("WhatsApp & Telegram | Loyalty admin")
@RequiredScope("messages:read")
public class ChannelsView extends VerticalLayout implements BeforeEnterObserver {

    static final int POLL_MILLIS = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(ChannelsView.class);

    private final transient Channels channels;
    private final Map<String, ChannelCard> cards = new LinkedHashMap<>();
    final FlexLayout cardRow = new FlexLayout();
    final Span updated = new Span();
    final ErrorText error = new ErrorText("channels-error");
    final Span empty = new Span("No channels.");
    transient Clock clock = Clock.systemUTC();
    private Registration poll;

    public ChannelsView(Channels channels) {
        this.channels = channels;
        cardRow.setId("channel-cards");
        cardRow.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cardRow.getStyle().set("gap", "var(--lumo-space-m)");
        updated.setId("channels-updated");
        updated.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        empty.setId("channels-empty");
        empty.setVisible(false);
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("channels-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout top = new HorizontalLayout(refresh, updated);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        add(new H2("WhatsApp & Telegram"), top, error, empty, cardRow);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        ui.setPollInterval(POLL_MILLIS);
        poll = ui.addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.remove();
            poll = null;
        }
        event.getUI().setPollInterval(-1);
        super.onDetach(event);
    }

    /** Reads the channels again and updates the cards in place (new channels added, gone ones removed). */
    void refresh() {
        List<ChannelStatus> all;
        try {
            all = channels.status();
        } catch (RuntimeException e) {
            LOG.warn("could not read the channels' status", e);
            error.show("Could not read the channels: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
            return;
        }
        error.clear();
        Instant now = clock.instant();
        Map<String, ChannelCard> seen = new LinkedHashMap<>();
        for (ChannelStatus status : all) {
            ChannelCard card = cards.remove(status.channel());
            if (card == null) {
                card = new ChannelCard(status.channel());
            }
            card.show(status, now);
            seen.put(status.channel(), card);
        }
        cards.values().forEach(cardRow::remove);
        cards.clear();
        cards.putAll(seen);
        // keeps existing elements where they are when the order did not change
        List<ChannelCard> inOrder = List.copyOf(seen.values());
        if (!cardRow.getChildren().toList().equals(inOrder)) {
            cardRow.removeAll();
            inOrder.forEach(cardRow::add);
        }
        empty.setVisible(seen.isEmpty());
        updated.setText("Updated " + Times.format(now) + ", every " + POLL_MILLIS / 1000 + " s while open");
    }

    /** The card of a channel, for tests. */
    ChannelCard card(String channel) {
        return cards.get(channel);
    }
}
