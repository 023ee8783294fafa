package io.loyaltyhub.ui.chat;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import io.loyaltyhub.api.chat.Audience;
import io.loyaltyhub.api.chat.ChatSimulator;
import io.loyaltyhub.api.chat.Choice;
import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.loyalty.Customer;
import io.loyaltyhub.api.loyalty.CustomerStatus;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.ui.PluginServices;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator page without a browser: components built, clicks fired on the server side. */
class ChatSimulatorViewTest {

    record Sent(Audience audience, String userId, Inbound input) {
    }

    /** A simulator answering with {@code answer}, remembering what was sent. */
    static final class FakeSimulator implements ChatSimulator {
        final List<Sent> sent = new ArrayList<>();
        Function<Inbound, List<Reply>> answer = in -> List.of(Reply.text("You said " + in.text()));

        @Override
        public List<Reply> send(Audience audience, String userId, Inbound input) {
            sent.add(new Sent(audience, userId, input));
            return answer.apply(input);
        }
    }

    final FakeSimulator simulator = new FakeSimulator();
    final List<String> errors = new ArrayList<>();

    ChatSimulatorView view(PluginServices plugins) {
        ChatSimulatorView view = new ChatSimulatorView(simulator, plugins);
        view.errors = errors::add;
        return view;
    }

    ChatSimulatorView viewAs(String userId) {
        ChatSimulatorView view = view(PluginServices.none());
        view.chooseUser(userId);
        return view;
    }

    static Stream<Component> tree(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(ChatSimulatorViewTest::tree));
    }

    static List<Component> withClass(Component root, String className) {
        return tree(root).filter(c -> c instanceof HasStyle s && s.hasClassName(className)).toList();
    }

    static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    static String body(Component bubble) {
        return text(withClass(bubble, "sim-body").getFirst());
    }

    static void type(ChatSimulatorView view, String text) {
        view.input.setValue(text);
        view.send.click();
    }

    @Test
    void hasTheIdsBrowserTestsUse() {
        ChatSimulatorView view = view(PluginServices.none());
        assertThat(Stream.of(view.audience, view.user, view.input, view.send, view.pane, view.reset))
                .map(c -> c.getId().orElse(""))
                .containsExactly("sim-audience", "sim-user", "sim-input", "sim-send", "sim-messages", "sim-reset");
        assertThat(view.audience.getValue()).isEqualTo(Audience.CUSTOMER);
    }

    @Test
    void typedTextGoesToTheSimulatorAndBothSidesShow() {
        ChatSimulatorView view = viewAs(" +919812345678 ");
        type(view, "  hi ");

        assertThat(simulator.sent).containsExactly(
                new Sent(Audience.CUSTOMER, "+919812345678", Inbound.text("hi")));
        assertThat(withClass(view.pane, "sim-user-msg")).singleElement().satisfies(b -> assertThat(body(b)).isEqualTo("hi"));
        assertThat(withClass(view.pane, "sim-bot")).singleElement()
                .satisfies(b -> assertThat(body(b)).isEqualTo("You said hi"));
        assertThat(view.input.getValue()).as("cleared after sending").isEmpty();
        assertThat(view.pane.getElement().getAttribute("data-turns")).isEqualTo("1");
        assertThat(errors).isEmpty();
    }

    @Test
    void blankInputSendsNothing() {
        ChatSimulatorView view = viewAs("+919812345678");
        type(view, "   ");
        assertThat(simulator.sent).isEmpty();
        assertThat(view.pane.getChildren()).isEmpty();
    }

    @Test
    void noUserNoSending() {
        ChatSimulatorView view = view(PluginServices.none());
        type(view, "hi");
        assertThat(simulator.sent).isEmpty();
        assertThat(errors).singleElement().asString().contains("phone number");
        assertThat(view.input.getValue()).as("kept to send later").isEqualTo("hi");
    }

    @Test
    void buttonsAreTappableAndSendTheirIdWithTheTitleAsShown() {
        simulator.answer = in -> in.kind() == Inbound.Kind.TEXT
                ? List.of(Reply.buttons("What now?", Choice.of("balance", "Balance"),
                        Choice.of("rewards", "Rewards you can redeem now")))
                : List.of(Reply.text("ok " + in.choice()));
        ChatSimulatorView view = viewAs("+919812345678");
        type(view, "menu");

        List<Component> buttons = withClass(view.pane, "sim-choice");
        assertThat(buttons).extracting(b -> ((Button) b).getText())
                .containsExactly("Balance", "Rewards you can red…");
        assertThat(buttons).extracting(b -> b.getElement().getAttribute("data-choice-id"))
                .containsExactly("balance", "rewards");
        assertThat(buttons.get(1).getElement().getAttribute("title")).isEqualTo("Rewards you can redeem now");

        ((Button) buttons.get(1)).click();
        assertThat(simulator.sent.getLast().input()).isEqualTo(Inbound.choice("rewards", "Rewards you can red…"));
        assertThat(withClass(view.pane, "sim-user-msg")).extracting(ChatSimulatorViewTest::body)
                .containsExactly("menu", "Rewards you can red…");

        ((Button) buttons.get(0)).click(); // an older bubble's button still works
        assertThat(simulator.sent.getLast().input()).isEqualTo(Inbound.choice("balance", "Balance"));
        assertThat(view.pane.turns()).isEqualTo(3);
    }

    @Test
    void affiliatesOnTelegramSeeWholeTitles() {
        simulator.answer = in -> List.of(Reply.buttons("Hi", Choice.of("payouts", "Payouts of this month so far")));
        ChatSimulatorView view = view(PluginServices.none());
        view.audience.setValue(Audience.AFFILIATE);
        view.chooseUser("12345");
        type(view, "hi");
        assertThat(simulator.sent.getLast().audience()).isEqualTo(Audience.AFFILIATE);
        assertThat(withClass(view.pane, "sim-choice")).extracting(b -> ((Button) b).getText())
                .containsExactly("Payouts of this month so far");
    }

    @Test
    void menuOpensItsRowsAndARowSendsItsChoice() {
        Reply.Menu menu = new Reply.Menu("Pick one", "Options", List.of(
                new Choice("balance", "Points balance", "See your points"),
                new Choice("history", "History of all your purchases", "d".repeat(80))));
        simulator.answer = in -> List.of(menu);
        ChatSimulatorView view = viewAs("+919812345678");
        type(view, "menu");

        Component bubble = withClass(view.pane, "sim-bot").getFirst();
        assertThat(bubble.getElement().getClassList()).contains("sim-menu");
        assertThat(withClass(bubble, "sim-menu-open")).singleElement()
                .satisfies(b -> assertThat(((Button) b).getText()).isEqualTo("Options"));

        Dialog dialog = view.pane.menu(menu);
        List<Component> rows = withClass(dialog, "sim-menu-row");
        assertThat(rows).extracting(r -> r.getElement().getAttribute("data-choice-id")).containsExactly("balance", "history");
        assertThat(text(withClass(rows.get(1), "sim-menu-row-title").getFirst())).isEqualTo("History of all your pur…");
        assertThat(text(withClass(rows.get(1), "sim-menu-row-description").getFirst()))
                .hasSize(WhatsAppPreview.ROW_DESCRIPTION);

        Div row = (Div) rows.get(0);
        ComponentUtil.fireEvent(row, new ClickEvent<>(row));
        assertThat(simulator.sent.getLast().input()).isEqualTo(Inbound.choice("balance", "Points balance"));
    }

    @Test
    void textKeepsNewlinesAndBold() {
        simulator.answer = in -> List.of(Reply.text("Hi *Meera*\nYou have 120 points"));
        ChatSimulatorView view = viewAs("+919812345678");
        type(view, "balance");
        Component body = withClass(withClass(view.pane, "sim-bot").getFirst(), "sim-body").getFirst();
        assertThat(text(body)).isEqualTo("Hi Meera\nYou have 120 points");
        assertThat(body.getElement().getChild(1).getTag()).isEqualTo("b");
        assertThat(body.getElement().getChild(1).getText()).isEqualTo("Meera");
    }

    @Test
    void templateShowsItsNameAndFallback() {
        simulator.answer = in -> List.of(new Reply.Template("points_expiring", "en", List.of("120"),
                "Your 120 points expire soon"));
        ChatSimulatorView view = viewAs("+919812345678");
        type(view, "x");
        Component bubble = withClass(view.pane, "sim-bot").getFirst();
        assertThat(text(withClass(bubble, "sim-template-name").getFirst())).isEqualTo("[points_expiring]");
        assertThat(body(bubble)).isEqualTo("Your 120 points expire soon");
    }

    @Test
    void aFailingSimulatorIsANotificationNotACrash() {
        simulator.answer = in -> {
            throw new IllegalStateException("no flow for affiliates");
        };
        ChatSimulatorView view = viewAs("+919812345678");
        type(view, "hi");
        assertThat(errors).singleElement().asString().contains("no flow for affiliates");
        assertThat(withClass(view.pane, "sim-note")).hasSize(1);
        assertThat(view.input.getValue()).as("kept to try again").isEqualTo("hi");
        assertThat(view.pane.turns()).isEqualTo(1);
    }

    @Test
    void noRepliesShowANote() {
        simulator.answer = in -> List.of();
        ChatSimulatorView view = viewAs("+919812345678");
        type(view, "hi");
        assertThat(withClass(view.pane, "sim-bot")).isEmpty();
        assertThat(withClass(view.pane, "sim-note")).hasSize(1);
    }

    @Test
    void newConversationClearsThePaneAndSoDoesAnotherUser() {
        ChatSimulatorView view = viewAs("+919812345678");
        type(view, "hi");
        view.reset.click();
        assertThat(view.pane.getChildren()).isEmpty();
        assertThat(view.pane.getElement().getAttribute("data-turns")).isEqualTo("0");
        type(view, "again");
        view.chooseUser("+919900000042");
        assertThat(view.pane.getChildren()).isEmpty();
    }

    @Test
    void suggestsRecentCustomersWhenLoyaltyRuns() {
        List<Customer> recent = List.of(customer(1, "+919812345678", "Meera Iyer"), customer(2, null, null),
                customer(3, "+919900000042", " "));
        LoyaltyService loyalty = (LoyaltyService) Proxy.newProxyInstance(LoyaltyService.class.getClassLoader(),
                new Class<?>[] {LoyaltyService.class}, (p, m, a) -> {
                    if (m.getName().equals("search")) {
                        assertThat(a).containsExactly("", null, ChatSimulatorView.SUGGESTIONS);
                        return recent;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        ChatSimulatorView view = view(new PluginServices() {
            @Override
            public <T> Optional<T> find(Class<T> type) {
                return Optional.ofNullable(type.cast(Map.of(LoyaltyService.class, loyalty).get(type)));
            }
        });
        assertThat(view.user.getListDataView().getItems()).containsExactly("+919812345678", "+919900000042");
        assertThat(view.user.getItemLabelGenerator().apply("+919812345678")).isEqualTo("+919812345678 · Meera Iyer");

        view.chooseUser("+910000000001");
        assertThat(view.user.getListDataView().getItems())
                .containsExactly("+910000000001", "+919812345678", "+919900000042");
        view.audience.setValue(Audience.AFFILIATE);
        assertThat(view.user.getListDataView().getItems()).as("customers are not affiliates").isEmpty();
        assertThat(view.userId()).isEmpty();
    }

    @Test
    void userAndAudienceFromTheAddress() {
        assertThat(ChatSimulatorView.userFromQuery("+919812345678")).isEqualTo("+919812345678");
        assertThat(ChatSimulatorView.userFromQuery(" 919812345678")).as("an unencoded +").isEqualTo("+919812345678");
        assertThat(ChatSimulatorView.userFromQuery(" 12345 ")).isEqualTo("12345");
        assertThat(ChatSimulatorView.parseAudience("affiliate")).hasValue(Audience.AFFILIATE);
        assertThat(ChatSimulatorView.parseAudience("nobody")).isEmpty();
        assertThat(ChatSimulatorView.audienceLabel(Audience.CUSTOMER)).isEqualTo("Customer on WhatsApp");
    }

    static Customer customer(long id, String mobile, String name) {
        return new Customer(id, mobile, name, null, "en", CustomerStatus.ACTIVE, "SILVER", null, null, null, List.of(), null);
    }
}
