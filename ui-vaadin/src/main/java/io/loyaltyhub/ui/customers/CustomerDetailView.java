package io.loyaltyhub.ui.customers;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.loyaltyhub.api.chat.ChatMessage;
import io.loyaltyhub.api.chat.ChatSimulator;
import io.loyaltyhub.api.chat.MessageLog;
import io.loyaltyhub.api.loyalty.Badge;
import io.loyaltyhub.api.loyalty.Birthday;
import io.loyaltyhub.api.loyalty.Customer;
import io.loyaltyhub.api.loyalty.Kid;
import io.loyaltyhub.api.loyalty.LedgerLine;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.api.loyalty.PointsBalance;
import io.loyaltyhub.api.loyalty.RewardsService;
import io.loyaltyhub.api.loyalty.TierChange;
import io.loyaltyhub.api.loyalty.Voucher;
import io.loyaltyhub.api.loyalty.VoucherStatus;
import io.loyaltyhub.ui.PluginServices;
import io.loyaltyhub.ui.chat.ChannelFacts;
import io.loyaltyhub.ui.chat.ChatSimulatorView;
import io.loyaltyhub.ui.common.ErrorText;
import io.loyaltyhub.ui.common.Notifications;
import io.loyaltyhub.ui.common.StatCard;
import io.loyaltyhub.ui.common.Times;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.loyalty.Formats;
import io.loyaltyhub.ui.common.Rejections;
import io.loyaltyhub.ui.security.CurrentActor;
import io.loyaltyhub.ui.security.RequiredScope;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One customer: profile, balance, ledger, kids, tier history, badges and vouchers; adjusting
 * points ({@code points:write}), kids ({@code customers:write}) and cancelling vouchers
 * ({@code points:write}). Vouchers show only while the rewards service is there, the messages
 * to and from the customer only while the message log is there and to actors who may read messages.
 */
@Route(value = "customers/:" + CustomerDetailView.ID, layout = MainLayout.class)
@PageTitle("Customer | Loyalty admin")
@RequiredScope("customers:read")
public class CustomerDetailView extends VerticalLayout implements BeforeEnterObserver {

    public static final String ID = "id";
    static final int HISTORY_LIMIT = 200;
    static final String POINTS_WRITE = "points:write";
    static final String CUSTOMERS_WRITE = "customers:write";
    static final String MESSAGES_READ = "messages:read";
    static final String MESSAGES_WRITE = "messages:write";

    private final transient LoyaltyService loyalty;
    private final transient Optional<RewardsService> rewards;
    private final transient Optional<MessageLog> messageLog;
    private final transient boolean simulator;
    private long customerId;

    private final H2 name = new H2();
    private final Span mobile = new Span();
    private final Span tier = new Span();
    private final Span status = new Span();
    private final ErrorText notFound = new ErrorText("customer-not-found");
    private final VerticalLayout content = new VerticalLayout();

    private final StatCard available = new StatCard("balance-available", "Available", "-");
    private final StatCard pending = new StatCard("balance-pending", "Pending (return window)", "-");
    private final StatCard expiring = new StatCard("balance-expiring", "Expiring soon", "-");
    private final StatCard lifetime = new StatCard("balance-lifetime", "Earned in all", "-");

    private final AdjustPointsForm adjust = new AdjustPointsForm();
    private final Grid<LedgerLine> ledger = new Grid<>();
    private final Grid<Kid> kids = new Grid<>();
    private final VerticalLayout kidForm = new VerticalLayout();
    private final TextField kidName = new TextField("Name");
    private final IntegerField kidDay = new IntegerField("Day");
    private final Select<Month> kidMonth = new Select<>();
    private final IntegerField kidYear = new IntegerField("Year (optional)");
    private final ErrorText kidError = new ErrorText("kid-error");
    private final Grid<TierChange> tierHistory = new Grid<>();
    private final Grid<Badge> badges = new Grid<>();
    private final VerticalLayout voucherSection = new VerticalLayout();
    private final Grid<Voucher> vouchers = new Grid<>();
    private final VerticalLayout messageSection = new VerticalLayout();
    private final Grid<ChatMessage> messages = new Grid<>();
    private final ErrorText messagesError = new ErrorText("messages-error");
    private final RouterLink chatAsCustomer = new RouterLink();

    public CustomerDetailView(LoyaltyService loyalty, PluginServices plugins) {
        this.loyalty = loyalty;
        this.rewards = plugins.find(RewardsService.class);
        this.messageLog = plugins.find(MessageLog.class);
        this.simulator = plugins.find(ChatSimulator.class).isPresent();

        name.setId("customer-name");
        mobile.setId("customer-mobile");
        tier.setId("customer-tier-label");
        status.setId("customer-status");
        HorizontalLayout facts = new HorizontalLayout(labelled("Mobile", mobile), labelled("Tier", tier),
                labelled("Status", status));

        FlexLayout balance = new FlexLayout(available, pending, expiring, lifetime);
        balance.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        balance.getStyle().set("gap", "var(--lumo-space-m)");

        adjust.addAdjustListener(e -> adjust(e.points(), e.reason(), e.idempotencyKey()));

        ledger.setId("ledger-grid");
        ledger.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        ledger.addColumn(l -> Times.format(l.at())).setHeader("Time").setAutoWidth(true);
        ledger.addColumn(l -> Formats.label(l.kind())).setHeader("Kind").setAutoWidth(true);
        ledger.addColumn(l -> Formats.signed(l.points())).setHeader("Points").setAutoWidth(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        ledger.addColumn(l -> l.pending() ? "pending" : "").setHeader("Pending").setAutoWidth(true);
        ledger.addColumn(LedgerLine::reason).setHeader("Reason").setFlexGrow(1);
        ledger.addColumn(LedgerLine::cause).setHeader("Cause").setAutoWidth(true);
        ledger.setHeight("24em");

        kids.setId("kids-grid");
        kids.addColumn(Kid::name).setHeader("Name").setAutoWidth(true);
        kids.addColumn(k -> Formats.birthday(k.birthday())).setHeader("Birthday").setAutoWidth(true);
        kids.addComponentColumn(this::removeKidButton).setHeader("").setFlexGrow(0).setAutoWidth(true);
        kids.setAllRowsVisible(true);
        kidName.setId("kid-name");
        kidDay.setId("kid-day");
        kidDay.setMin(1);
        kidDay.setMax(31);
        kidDay.setWidth("6em");
        kidMonth.setId("kid-month");
        kidMonth.setLabel("Month");
        kidMonth.setItems(Month.values());
        kidMonth.setItemLabelGenerator(m -> m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        kidMonth.setWidth("8em");
        kidYear.setId("kid-year");
        kidYear.setWidth("9em");
        Button addKid = new Button("Add kid", e -> addKid());
        addKid.setId("kid-add");
        HorizontalLayout kidFields = new HorizontalLayout(kidName, kidDay, kidMonth, kidYear, addKid);
        kidFields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        kidFields.setWrap(true);
        kidForm.setPadding(false);
        kidForm.add(kidFields, kidError);

        tierHistory.setId("tier-history-grid");
        tierHistory.addColumn(t -> Times.format(t.at())).setHeader("When").setAutoWidth(true);
        tierHistory.addColumn(TierChange::fromTier).setHeader("From").setAutoWidth(true);
        tierHistory.addColumn(TierChange::toTier).setHeader("To").setAutoWidth(true);
        tierHistory.addColumn(TierChange::reason).setHeader("Reason").setFlexGrow(1);
        tierHistory.setAllRowsVisible(true);

        badges.setId("badges-grid");
        badges.addColumn(Badge::name).setHeader("Badge").setAutoWidth(true);
        badges.addColumn(Badge::code).setHeader("Code").setAutoWidth(true);
        badges.addColumn(b -> Times.format(b.unlockedAt())).setHeader("Unlocked").setAutoWidth(true);
        badges.setAllRowsVisible(true);

        vouchers.setId("vouchers-grid");
        vouchers.addColumn(Voucher::code).setHeader("Code").setAutoWidth(true);
        vouchers.addColumn(Voucher::rewardName).setHeader("Reward").setAutoWidth(true);
        vouchers.addColumn(Voucher::pointsCost).setHeader("Points").setAutoWidth(true);
        vouchers.addColumn(v -> Formats.label(v.status())).setHeader("Status").setAutoWidth(true);
        vouchers.addColumn(v -> Times.format(v.issuedAt())).setHeader("Issued").setAutoWidth(true);
        vouchers.addColumn(v -> Times.format(v.expiresAt())).setHeader("Expires").setAutoWidth(true);
        vouchers.addColumn(v -> Times.format(v.usedAt())).setHeader("Used").setAutoWidth(true);
        vouchers.addComponentColumn(this::cancelVoucherButton).setHeader("").setFlexGrow(0).setAutoWidth(true);
        vouchers.setAllRowsVisible(true);
        voucherSection.setPadding(false);
        voucherSection.add(new H3("Vouchers"), vouchers);

        messages.setId("messages-grid");
        messages.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        messages.addColumn(m -> Times.format(m.at())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        messages.addColumn(m -> ChannelFacts.direction(m.direction())).setHeader("Direction").setAutoWidth(true)
                .setFlexGrow(0);
        messages.addColumn(m -> ChannelFacts.channelName(m.channel())).setHeader("Channel").setAutoWidth(true)
                .setFlexGrow(0);
        messages.addColumn(ChatMessage::summary).setHeader("Content").setWidth("16em").setFlexGrow(1)
                .setTooltipGenerator(ChatMessage::summary);
        // what sent it, for messages that are not replies: a notification's trigger and template version
        messages.addColumn(m -> m.tag() == null ? "" : m.tag()).setHeader("Sent by").setAutoWidth(true).setFlexGrow(0);
        messages.addColumn(m -> Formats.label(m.status())).setHeader("Status").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(m -> m.statusAt() == null ? "" : "Since " + Times.format(m.statusAt()));
        messages.addColumn(m -> ChannelFacts.error(m.errorCode(), m.errorTitle())).setHeader("Error")
                .setAutoWidth(true).setFlexGrow(0);
        messages.setHeight("24em");
        chatAsCustomer.setText("Chat as this customer in the simulator");
        chatAsCustomer.setId("customer-open-simulator");
        messageSection.setPadding(false);
        messageSection.add(new H3("Messages"), chatAsCustomer, messagesError, messages);

        content.setPadding(false);
        content.add(facts, new H3("Points"), balance, adjust, new H3("History"), ledger,
                new H3("Kids"), kids, kidForm, new H3("Tier history"), tierHistory,
                new H3("Badges"), badges, voucherSection, messageSection);
        add(new RouterLink("← Customers", CustomersView.class), name, notFound, content);
    }

    private static Component labelled(String label, Span value) {
        Span caption = new Span(label + ": ");
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return new Div(caption, value);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        OptionalLong id = parseId(event.getRouteParameters().get(ID).orElse(""));
        Optional<Customer> customer = id.isPresent() ? loyalty.find(id.getAsLong()) : Optional.empty();
        content.setVisible(customer.isPresent());
        if (customer.isEmpty()) {
            name.setText("Customer not found");
            notFound.show("There is no customer " + event.getRouteParameters().get(ID).orElse("") + ".");
            return;
        }
        notFound.clear();
        customerId = id.getAsLong();
        adjust.setVisible(CurrentActor.may(POINTS_WRITE));
        adjust.reset();
        kidForm.setVisible(CurrentActor.may(CUSTOMERS_WRITE));
        voucherSection.setVisible(rewards.isPresent());
        show(customer.get());
        refreshPoints();
        tierHistory.setItems(loyalty.tierHistory(customerId));
        badges.setItems(loyalty.badges(customerId));
        refreshVouchers();
        showMessages(customer.get());
    }

    /** The customer id in the address, if it is one. */
    static OptionalLong parseId(String text) {
        try {
            long id = Long.parseLong(text.trim());
            return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private void show(Customer c) {
        name.setText(c.name() == null || c.name().isBlank() ? "(no name)" : c.name());
        mobile.setText(c.mobile());
        tier.setText(Formats.text(c.tier()));
        status.setText(Formats.label(c.status()));
        kids.setItems(c.kids() == null ? List.of() : c.kids());
    }

    private void refreshPoints() {
        PointsBalance b = loyalty.balance(customerId);
        available.setValue(String.valueOf(b.available()));
        pending.setValue(String.valueOf(b.pending()));
        expiring.setValue(String.valueOf(b.expiringSoon()));
        expiring.getElement().setAttribute("title",
                b.expiringBy() == null ? "" : "Expiring by " + Times.format(b.expiringBy()));
        lifetime.setValue(String.valueOf(b.lifetimeEarned()));
        if (b.tier() != null) {
            tier.setText(b.tier());
        }
        ledger.setItems(loyalty.history(customerId, HISTORY_LIMIT));
    }

    /** The customer's messages, newest first, while the message log is there and the actor may read them. */
    private void showMessages(Customer c) {
        boolean mobileKnown = c.mobile() != null && !c.mobile().isBlank();
        messageSection.setVisible(messageLog.isPresent() && CurrentActor.may(MESSAGES_READ));
        chatAsCustomer.setVisible(simulator && mobileKnown && CurrentActor.may(MESSAGES_WRITE));
        if (!messageSection.isVisible()) {
            return;
        }
        if (chatAsCustomer.isVisible()) {
            chatAsCustomer.setRoute(ChatSimulatorView.class);
            chatAsCustomer.setQueryParameters(QueryParameters.simple(Map.of(ChatSimulatorView.USER_PARAM, c.mobile(),
                    ChatSimulatorView.AUDIENCE_PARAM, "customer")));
        }
        messagesError.clear();
        if (!mobileKnown) {
            messages.setItems(List.of());
            return;
        }
        try {
            messages.setItems(messageLog.orElseThrow().history(c.mobile(), HISTORY_LIMIT));
        } catch (RuntimeException e) {
            messages.setItems(List.of());
            messagesError.show("Could not read the messages: " + e.getMessage());
        }
    }

    private void refreshVouchers() {
        rewards.ifPresent(r -> vouchers.setItems(r.vouchersOf(customerId)));
    }

    private void adjust(long points, String reason, String key) {
        if (!CurrentActor.may(POINTS_WRITE)) {
            adjust.showError("Your role may not adjust points.");
            return;
        }
        try {
            loyalty.adjust(CurrentActor.require(), customerId, points, reason, key);
        } catch (Rejected e) {
            adjust.showError(Rejections.message(e));
            return;
        }
        adjust.reset();
        Notifications.success("Points adjusted");
        refreshPoints();
    }

    private Component removeKidButton(Kid kid) {
        Button remove = new Button("Remove", e -> {
            if (Rejections.attempt(() -> loyalty.removeKid(CurrentActor.require(), customerId, kid.id()),
                    Notifications::error)) {
                Notifications.success(kid.name() + " removed");
                reloadCustomer();
            }
        });
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.addClassName("kid-remove");
        remove.setVisible(CurrentActor.may(CUSTOMERS_WRITE));
        return remove;
    }

    private void addKid() {
        kidError.clear();
        String kid = kidName.getValue().trim();
        if (kid.isEmpty() || kidDay.getValue() == null || kidMonth.getValue() == null) {
            kidError.show("Enter the kid's name, birth day and month.");
            return;
        }
        Birthday birthday;
        try {
            birthday = new Birthday(kidMonth.getValue().getValue(), kidDay.getValue(), kidYear.getValue());
        } catch (IllegalArgumentException e) {
            kidError.show("That is not a date.");
            return;
        }
        if (Rejections.attempt(() -> loyalty.addKid(CurrentActor.require(), customerId, kid, birthday), kidError::show)) {
            kidName.clear();
            kidDay.clear();
            kidMonth.clear();
            kidYear.clear();
            Notifications.success(kid + " added");
            reloadCustomer();
        }
    }

    private void reloadCustomer() {
        loyalty.find(customerId).ifPresent(this::show);
    }

    private Component cancelVoucherButton(Voucher voucher) {
        Button cancel = new Button("Cancel", e -> confirmCancel(voucher));
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        cancel.addClassName("voucher-cancel");
        cancel.setVisible(voucher.status() == VoucherStatus.ISSUED && CurrentActor.may(POINTS_WRITE));
        return cancel;
    }

    private void confirmCancel(Voucher voucher) {
        RewardsService service = rewards.orElseThrow();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Cancel voucher " + voucher.code());
        TextField reason = new TextField("Reason");
        reason.setId("voucher-cancel-reason");
        reason.setWidthFull();
        ErrorText error = new ErrorText("voucher-cancel-error");
        Button confirm = new Button("Cancel voucher and refund " + voucher.pointsCost() + " points");
        confirm.setId("voucher-cancel-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.addClickListener(e -> {
            if (reason.getValue().isBlank()) {
                error.show("Say why.");
                return;
            }
            if (Rejections.attempt(() -> service.cancelVoucher(CurrentActor.require(), voucher.code(),
                    reason.getValue().trim()), error::show)) {
                dialog.close();
                Notifications.success("Voucher cancelled, points refunded");
                refreshVouchers();
                refreshPoints();
            }
        });
        Button keep = new Button("Keep it", e -> dialog.close());
        dialog.add(new VerticalLayout(reason, error));
        dialog.getFooter().add(keep, confirm);
        dialog.open();
    }
}
