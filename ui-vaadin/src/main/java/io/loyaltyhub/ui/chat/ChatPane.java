package io.loyaltyhub.ui.chat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.dom.Element;
import io.loyaltyhub.api.chat.Choice;
import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.ui.common.Times;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

/**
 * A conversation drawn like WhatsApp: the user's messages right, the bot's left. Buttons and menu
 * rows of every bubble stay tappable (as on WhatsApp) and hand the tapped choice to the listener
 * as {@link Inbound#choice}, with the title as shown. Titles and texts are shortened to WhatsApp's
 * limits ({@link WhatsAppPreview}) unless {@link #setWhatsApp} is off (Telegram shows them whole).
 *
 * <p>For browser tests: the pane's {@code data-turns} attribute counts the finished turns
 * ({@link #turnDone}); bot bubbles have class {@code sim-bot}, the user's {@code sim-user-msg}, the
 * text of each in a {@code sim-body} child; buttons {@code sim-choice}, the menu's opening button
 * {@code sim-menu-open}, menu rows {@code sim-menu-row}, each choice with {@code data-choice-id}.
 */
public class ChatPane extends Div {

    public static final String ID = "sim-messages";
    static final String TURNS = "data-turns";
    static final String CHOICE_ID = "data-choice-id";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final transient Consumer<Inbound> onChoice;
    private boolean whatsApp = true;
    private int turns;

    /** @param onChoice gets a tapped button or menu row */
    public ChatPane(Consumer<Inbound> onChoice) {
        this.onChoice = onChoice;
        setId(ID);
        getElement().setAttribute(TURNS, "0");
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)")
                .set("overflow-y", "auto").set("box-sizing", "border-box")
                .set("padding", "var(--lumo-space-m)").set("background", "#efeae2")
                .set("border-radius", "var(--lumo-border-radius-l)").set("color", "#111b21");
    }

    /** Whether new bubbles are shortened to WhatsApp's limits (true) or shown whole (Telegram). */
    public void setWhatsApp(boolean whatsApp) {
        this.whatsApp = whatsApp;
    }

    public boolean isWhatsApp() {
        return whatsApp;
    }

    /** Removes every bubble (the conversation on the server stays as it is). */
    public void clear() {
        removeAll();
        turns = 0;
        getElement().setAttribute(TURNS, "0");
    }

    /** Counts a turn as finished, answered or not, for tests waiting on {@code data-turns}. */
    public void turnDone() {
        turns++;
        getElement().setAttribute(TURNS, String.valueOf(turns));
    }

    public int turns() {
        return turns;
    }

    /** The user's message, on the right. */
    public Div addUserMessage(String text) {
        Div bubble = bubble("sim-user-msg", true);
        bubble.add(body(text), time());
        return append(bubble);
    }

    /** A line from the simulator itself (no answer, an error), centred. */
    public Span addNote(String text) {
        Span note = new Span(text);
        note.addClassName("sim-note");
        note.getStyle().set("align-self", "center").set("flex-shrink", "0").set("font-size", "var(--lumo-font-size-xs)")
                .set("background", "#fff3c4").set("color", "#54656f").set("padding", "0.2em 0.8em")
                .set("border-radius", "var(--lumo-border-radius-m)");
        add(note);
        scrollDown();
        return note;
    }

    /** The bot's replies, in order, one bubble each. */
    public void addReplies(List<Reply> replies) {
        replies.forEach(this::addReply);
    }

    public Div addReply(Reply reply) {
        Div bubble = bubble("sim-bot", false);
        switch (reply) {
            case Reply.Text t -> {
                bubble.addClassName("sim-text");
                bubble.add(body(whatsApp ? WhatsAppPreview.textBody(t.body()) : t.body()), time());
            }
            case Reply.Buttons b -> {
                bubble.addClassName("sim-buttons");
                bubble.add(body(whatsApp ? WhatsAppPreview.interactiveBody(b.body()) : b.body()), time());
                Div choices = choices();
                b.buttons().forEach(choice -> choices.add(choiceButton(choice)));
                bubble.add(choices);
            }
            case Reply.Menu m -> {
                bubble.addClassName("sim-menu");
                bubble.add(body(whatsApp ? WhatsAppPreview.interactiveBody(m.body()) : m.body()), time());
                String label = whatsApp ? WhatsAppPreview.menuButton(m.buttonLabel()) : m.buttonLabel();
                Button open = new Button(label, VaadinIcon.LIST_UL.create());
                open.addClassName("sim-menu-open");
                fullWidth(open);
                tooltipIfCut(open, label, m.buttonLabel());
                open.addClickListener(e -> menu(m).open());
                Div choices = choices();
                choices.add(open);
                bubble.add(choices);
            }
            case Reply.PhoneRequest r -> { // the simulator's users are numbers: shown as WhatsApp would, not tappable
                bubble.addClassName("sim-phone-request");
                bubble.add(body(whatsApp ? WhatsAppPreview.interactiveBody(r.body()) : r.body()), time());
                Div choices = choices();
                Button share = new Button("Share phone number", VaadinIcon.PHONE.create());
                share.setEnabled(false);
                fullWidth(share);
                choices.add(share);
                bubble.add(choices);
            }
            case Reply.Template t -> {
                bubble.addClassName("sim-template");
                Div name = new Div("[" + t.name() + "]");
                name.addClassName("sim-template-name");
                name.getElement().setAttribute("title", "Template " + t.name() + " (" + t.language() + ")"
                        + (t.params().isEmpty() ? "" : ", parameters: " + String.join(" | ", t.params())));
                name.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "#54656f")
                        .set("font-family", "monospace");
                bubble.add(name, body(t.fallbackText()), time());
            }
        }
        return append(bubble);
    }

    /** The list a menu's button opens: a row per choice; tapping one closes it and sends the choice. */
    Dialog menu(Reply.Menu menu) {
        Dialog dialog = new Dialog();
        dialog.setId("sim-menu-dialog");
        dialog.setHeaderTitle(whatsApp ? WhatsAppPreview.menuButton(menu.buttonLabel()) : menu.buttonLabel());
        dialog.setWidth("min(24em, 90vw)");
        for (Choice row : menu.rows()) {
            String title = whatsApp ? WhatsAppPreview.rowTitle(row.title()) : row.title();
            String description = whatsApp ? WhatsAppPreview.rowDescription(row.description()) : row.description();
            Div titleLine = new Div(title);
            titleLine.addClassName("sim-menu-row-title");
            titleLine.getStyle().set("font-weight", "500");
            Div line = new Div(titleLine);
            if (!description.isEmpty()) {
                Div descriptionLine = new Div(description);
                descriptionLine.addClassName("sim-menu-row-description");
                descriptionLine.getStyle().set("font-size", "var(--lumo-font-size-s)")
                        .set("color", "var(--lumo-secondary-text-color)");
                line.add(descriptionLine);
            }
            line.addClassName("sim-menu-row");
            line.getElement().setAttribute(CHOICE_ID, row.id());
            line.getElement().setAttribute("role", "button");
            line.getStyle().set("cursor", "pointer").set("padding", "var(--lumo-space-s) 0")
                    .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
            line.addClickListener(e -> {
                dialog.close();
                onChoice.accept(Inbound.choice(row.id(), title));
            });
            dialog.add(line);
        }
        Button close = new Button("Close", e -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        dialog.getFooter().add(close);
        return dialog;
    }

    private Button choiceButton(Choice choice) {
        String title = whatsApp ? WhatsAppPreview.buttonTitle(choice.title()) : choice.title();
        Button button = new Button(title, e -> onChoice.accept(Inbound.choice(choice.id(), title)));
        button.addClassName("sim-choice");
        button.getElement().setAttribute(CHOICE_ID, choice.id());
        tooltipIfCut(button, title, choice.title());
        fullWidth(button);
        return button;
    }

    private static void tooltipIfCut(Component c, String shown, String original) {
        if (!shown.equals(original.strip())) {
            c.getElement().setAttribute("title", original);
        }
    }

    private static void fullWidth(Button button) {
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.setWidthFull();
        button.getStyle().set("margin", "0").set("color", "#027eb5").set("background", "#ffffff")
                .set("border-top", "1px solid #e9edef").set("border-radius", "0");
    }

    private static Div choices() {
        Div choices = new Div();
        choices.addClassName("sim-choices");
        choices.getStyle().set("display", "flex").set("flex-direction", "column")
                .set("margin", "var(--lumo-space-xs) calc(-1 * var(--lumo-space-s)) calc(-1 * var(--lumo-space-xs))");
        return choices;
    }

    private static Div bubble(String className, boolean mine) {
        Div bubble = new Div();
        bubble.addClassName(className);
        // flex-shrink 0: a full pane scrolls instead of squeezing its bubbles
        bubble.getStyle().set("align-self", mine ? "flex-end" : "flex-start").set("max-width", "75%")
                .set("flex-shrink", "0")
                .set("min-width", "6em").set("box-sizing", "border-box")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("background", mine ? "#d9fdd3" : "#ffffff")
                .set("border-radius", mine ? "0.6em 0 0.6em 0.6em" : "0 0.6em 0.6em 0.6em")
                .set("box-shadow", "0 1px 0.5px rgba(11, 20, 26, 0.13)").set("overflow", "hidden");
        return bubble;
    }

    /** The text with WhatsApp formatting (bold, italic, strikethrough, monospace), newlines kept. */
    static Div body(String text) {
        Div body = new Div();
        body.addClassName("sim-body");
        body.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
        for (BubbleText.Run run : BubbleText.parse(text)) {
            String tag = switch (run.style()) {
                case PLAIN -> null;
                case BOLD -> "b";
                case ITALIC -> "i";
                case STRIKE -> "s";
                case MONO -> "code";
            };
            if (tag == null) {
                body.add(new Text(run.text()));
            } else {
                Element styled = new Element(tag);
                styled.setText(run.text());
                body.getElement().appendChild(styled);
            }
        }
        return body;
    }

    private static Span time() {
        Span time = new Span(CLOCK.format(LocalTime.now(Times.zone())));
        time.addClassName("sim-time");
        time.getStyle().set("display", "block").set("text-align", "right").set("font-size", "0.7em")
                .set("color", "#667781");
        return time;
    }

    private Div append(Div bubble) {
        add(bubble);
        scrollDown();
        return bubble;
    }

    private void scrollDown() {
        getElement().executeJs("this.scrollTop = this.scrollHeight");
    }
}
