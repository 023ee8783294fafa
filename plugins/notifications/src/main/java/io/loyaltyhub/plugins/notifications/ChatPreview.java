package io.loyaltyhub.plugins.notifications;

/**
 * A message as the chat app shows it, as HTML for the editor's preview: WhatsApp's *bold*, _italic_ and ~strike~
 * (Telegram messages are sent as plain text), line breaks kept, everything else escaped.
 */
final class ChatPreview {
    private ChatPreview() {
    }

    static String html(String text, String channel) {
        String h = escape(text == null ? "" : text);
        if (channel.equals("whatsapp")) {
            h = h.replaceAll("\\*([^*\\n]+)\\*", "<b>$1</b>")
                    .replaceAll("(^|\\s)_([^_\\n]+)_", "$1<i>$2</i>")
                    .replaceAll("~([^~\\n]+)~", "<s>$1</s>");
        }
        return h.replace("\n", "<br>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
