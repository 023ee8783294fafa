package io.loyaltyhub.api.chat;

import java.util.List;
import java.util.Objects;

/**
 * One message to the user, channel-neutral. Each channel renders it within its own limits
 * (shortening, never failing), so flows need not know them beyond the counts checked here.
 */
public sealed interface Reply {

    int MAX_BUTTONS = 3;
    int MAX_MENU_ROWS = 10;

    /** Plain text. */
    record Text(String body) implements Reply {
        public Text {
            Objects.requireNonNull(body);
        }
    }

    /** Text with one to three buttons under it. */
    record Buttons(String body, List<Choice> buttons) implements Reply {
        public Buttons {
            Objects.requireNonNull(body);
            buttons = List.copyOf(buttons);
            if (buttons.isEmpty() || buttons.size() > MAX_BUTTONS) {
                throw new IllegalArgumentException("1-" + MAX_BUTTONS + " buttons, got " + buttons.size());
            }
        }
    }

    /**
     * Text with a menu of one to ten rows, opened with a button ({@code buttonLabel}).
     */
    record Menu(String body, String buttonLabel, List<Choice> rows) implements Reply {
        public Menu {
            Objects.requireNonNull(body);
            Objects.requireNonNull(buttonLabel);
            rows = List.copyOf(rows);
            if (rows.isEmpty() || rows.size() > MAX_MENU_ROWS) {
                throw new IllegalArgumentException("1-" + MAX_MENU_ROWS + " menu rows, got " + rows.size());
            }
        }
    }

    /**
     * A pre-approved template, for messages outside WhatsApp's 24-hour window. Other channels
     * send {@code fallbackText} instead.
     *
     * @param language e.g. {@code en} or {@code hi}
     * @param params   the body's parameters, in order
     */
    /**
     * An approved WhatsApp template. {@code paramNames} empty: positional body parameters ({{1}}, {{2}}); else the
     * names of {@code params}, one each, for templates created with {@code parameter_format: NAMED}.
     */
    record Template(String name, String language, List<String> params, String fallbackText, List<String> paramNames)
            implements Reply {
        public Template {
            Objects.requireNonNull(name);
            Objects.requireNonNull(language);
            params = List.copyOf(params);
            fallbackText = fallbackText == null ? "" : fallbackText;
            paramNames = paramNames == null ? List.of() : List.copyOf(paramNames);
            if (!paramNames.isEmpty() && paramNames.size() != params.size()) {
                throw new IllegalArgumentException(params.size() + " parameters, " + paramNames.size() + " names");
            }
        }

        /** With positional parameters. */
        public Template(String name, String language, List<String> params, String fallbackText) {
            this(name, language, params, fallbackText, List.of());
        }
    }

    /**
     * Asks the user to share their own phone number with one tap (WhatsApp's {@code request_contact_info}),
     * for users known only by a business-scoped id. Channels without such a button show the text.
     */
    record PhoneRequest(String body) implements Reply {
        public PhoneRequest {
            Objects.requireNonNull(body);
        }
    }

    static Reply text(String body) {
        return new Text(body);
    }

    static Reply buttons(String body, Choice... buttons) {
        return new Buttons(body, List.of(buttons));
    }

    static Reply menu(String body, String buttonLabel, List<Choice> rows) {
        return new Menu(body, buttonLabel, rows);
    }
}
