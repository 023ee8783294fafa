package io.loyaltyhub.ui.chat;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.loyaltyhub.api.chat.Audience;
import io.loyaltyhub.api.chat.ChatSimulator;
import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.loyalty.Customer;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.ui.PluginServices;
import io.loyaltyhub.ui.common.Notifications;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.security.RequiredScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Talks to the bots as a customer (WhatsApp) or an affiliate (Telegram) without a phone, through
 * the real engine and flows ({@link ChatSimulator}); acts on real data. The pane is drawn like
 * WhatsApp ({@link ChatPane}). Suggests recent customers' mobiles while the loyalty plugin runs.
 * {@code simulator?user=+919812345678&audience=customer} opens it for that user.
 */
@Route(value = "simulator", layout = MainLayout.class)
@PageTitle("Chat simulator | Loyalty admin")
@RequiredScope("messages:write")
public class ChatSimulatorView extends VerticalLayout implements BeforeEnterObserver {

    public static final String USER_PARAM = "user";
    public static final String AUDIENCE_PARAM = "audience";
    static final int SUGGESTIONS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(ChatSimulatorView.class);

    private final transient ChatSimulator simulator;
    private final transient Optional<LoyaltyService> loyalty;
    /** Recent customers' mobiles and their labels ("+919812345678 · Meera Iyer"). */
    private final Map<String, String> customers = new LinkedHashMap<>();
    /** User ids typed in, per audience, so they come back in the list. */
    private final Map<Audience, Set<String>> typed = new EnumMap<>(Audience.class);

    final RadioButtonGroup<Audience> audience = new RadioButtonGroup<>();
    final ComboBox<String> user = new ComboBox<>();
    final TextField input = new TextField();
    final Button send = new Button("Send", VaadinIcon.PAPERPLANE.create());
    final Button reset = new Button("New conversation", VaadinIcon.REFRESH.create());
    final Span channelHint = new Span();
    final ChatPane pane = new ChatPane(this::send);
    /** Where errors go; a notification. */
    transient Consumer<String> errors = Notifications::error;

    public ChatSimulatorView(ChatSimulator simulator, PluginServices plugins) {
        this.simulator = simulator;
        this.loyalty = plugins.find(LoyaltyService.class);
        setMaxWidth("60em");
        for (Audience a : Audience.values()) {
            typed.put(a, new LinkedHashSet<>());
        }

        audience.setId("sim-audience");
        audience.setLabel("Talk as");
        audience.setItems(Audience.values());
        audience.setItemLabelGenerator(ChatSimulatorView::audienceLabel);
        audience.setValue(Audience.CUSTOMER);
        audience.addValueChangeListener(e -> {
            if (e.getValue() == null) {
                audience.setValue(e.getOldValue() == null ? Audience.CUSTOMER : e.getOldValue());
                return;
            }
            switchAudience();
        });

        user.setId("sim-user");
        user.setAllowCustomValue(true);
        user.setClearButtonVisible(true);
        user.setWidth("22em");
        user.setItemLabelGenerator(id -> customers.getOrDefault(id, id));
        user.addCustomValueSetListener(e -> chooseUser(e.getDetail()));
        user.addValueChangeListener(e -> pane.clear());

        input.setId("sim-input");
        input.setPlaceholder("Type a message");
        input.setWidthFull();
        send.setId("sim-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> sendTyped());
        send.addClickShortcut(Key.ENTER).listenOn(input).resetFocusOnActiveElement();

        reset.setId("sim-reset");
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        reset.addClickListener(e -> pane.clear());

        channelHint.setId("sim-channel-hint");
        channelHint.getStyle().set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");

        pane.setWidthFull();
        pane.setHeight("28em");

        HorizontalLayout who = new HorizontalLayout(audience, user);
        who.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        who.setWrap(true);
        HorizontalLayout compose = new HorizontalLayout(input, send);
        compose.setWidthFull();
        compose.expand(input);
        compose.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        Span about = new Span("Messages go through the real bots and flows and change real data (points, "
                + "vouchers); the conversation is kept apart from the user's real WhatsApp or Telegram chat.");
        about.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout paneHead = new HorizontalLayout(channelHint, reset);
        paneHead.setWidthFull();
        paneHead.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        paneHead.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        add(new H2("Chat simulator"), about, who, paneHead, pane, compose);

        loadCustomers();
        switchAudience();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        query.getSingleParameter(AUDIENCE_PARAM).flatMap(ChatSimulatorView::parseAudience)
                .ifPresent(audience::setValue);
        query.getSingleParameter(USER_PARAM).map(ChatSimulatorView::userFromQuery).ifPresent(this::chooseUser);
    }

    /** "Customer on WhatsApp", "Affiliate on Telegram". */
    static String audienceLabel(Audience a) {
        return switch (a) {
            case CUSTOMER -> "Customer on WhatsApp";
            case AFFILIATE -> "Affiliate on Telegram";
        };
    }

    /** "customer" or "AFFILIATE" as an audience; empty for anything else. */
    static Optional<Audience> parseAudience(String text) {
        try {
            return Optional.of(Audience.valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The user id from the address: a hand-typed {@code ?user=+9198...} arrives with a space for the
     * unencoded "+", which is put back.
     */
    static String userFromQuery(String value) {
        String id = value == null ? "" : value.strip();
        return value != null && !value.isEmpty() && value.charAt(0) == ' ' && id.matches("\\d{6,15}") ? "+" + id : id;
    }

    /** The suggestions from customers: mobile to "mobile · name", skipping erased customers (no mobile). */
    static Map<String, String> suggestions(List<Customer> customers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Customer c : customers) {
            if (c.mobile() == null || c.mobile().isBlank()) {
                continue;
            }
            String name = c.name() == null || c.name().isBlank() ? "" : " · " + c.name().strip();
            out.putIfAbsent(c.mobile(), c.mobile() + name);
        }
        return out;
    }

    private void loadCustomers() {
        loyalty.ifPresent(service -> {
            try {
                customers.putAll(suggestions(service.search("", null, SUGGESTIONS)));
            } catch (RuntimeException e) {
                LOG.warn("could not list customers for the chat simulator", e);
            }
        });
    }

    private void switchAudience() {
        Audience a = audience.getValue();
        pane.setWhatsApp(a == Audience.CUSTOMER);
        user.setLabel(a == Audience.CUSTOMER ? "Mobile number" : "Telegram user id");
        user.setPlaceholder(a == Audience.CUSTOMER ? "+919812345678" : "123456789");
        channelHint.setText(a == Audience.CUSTOMER
                ? "As the customer sees it on WhatsApp: titles shortened to WhatsApp's limits."
                : "As the affiliate sees it on Telegram (drawn like WhatsApp, titles whole).");
        refreshUserItems(null);
        pane.clear();
    }

    /** Uses a typed (or linked) user id: trimmed, remembered for this audience, selected. */
    void chooseUser(String text) {
        String id = text == null ? "" : text.strip();
        if (id.isEmpty()) {
            user.clear();
            return;
        }
        typed.get(audience.getValue()).add(id);
        refreshUserItems(id);
    }

    private void refreshUserItems(String select) {
        String keep = select != null ? select : user.getValue();
        List<String> items = new ArrayList<>(typed.get(audience.getValue()));
        if (audience.getValue() == Audience.CUSTOMER) {
            customers.keySet().stream().filter(m -> !items.contains(m)).forEach(items::add);
        }
        user.setItems(items);
        user.setValue(keep != null && items.contains(keep) ? keep : null);
    }

    /** The user id to talk as, or "". */
    String userId() {
        return user.getValue() == null ? "" : user.getValue().strip();
    }

    private void sendTyped() {
        String text = input.getValue();
        if (text == null || text.isBlank()) {
            input.focus();
            return;
        }
        if (send(Inbound.text(text.strip()))) {
            input.clear();
        }
        input.focus();
    }

    /**
     * Sends {@code message} as the chosen user and shows it and the bot's replies.
     *
     * @return whether the simulator answered (false: no user chosen, or it failed)
     */
    boolean send(Inbound message) {
        String userId = userId();
        if (userId.isEmpty()) {
            errors.accept("Pick or type a phone number (or Telegram user id) first.");
            user.focus();
            return false;
        }
        pane.addUserMessage(message.text());
        List<Reply> replies;
        try {
            replies = simulator.send(audience.getValue(), userId, message);
        } catch (RuntimeException e) {
            LOG.warn("chat simulator failed for {} {}", audience.getValue(), userId, e);
            pane.addNote("Not answered: the simulator failed");
            pane.turnDone();
            errors.accept("The simulator failed: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
            return false;
        }
        if (replies == null || replies.isEmpty()) {
            pane.addNote("No answer");
        } else {
            pane.addReplies(replies);
        }
        pane.turnDone();
        return true;
    }
}
