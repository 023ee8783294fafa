package io.loyaltyhub.ui.chat;

import io.loyaltyhub.api.chat.Direction;
import io.loyaltyhub.ui.common.Times;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** How channels and messages are named and timed in the admin UI. */
public final class ChannelFacts {

    private ChannelFacts() {
    }

    /** "whatsapp" -> "WhatsApp", "telegram" -> "Telegram", "simulator" -> "Simulator"; others capitalised. */
    public static String channelName(String channel) {
        if (channel == null || channel.isBlank()) {
            return "";
        }
        return switch (channel.strip().toLowerCase(Locale.ROOT)) {
            case "whatsapp" -> "WhatsApp";
            case "telegram" -> "Telegram";
            case "simulator" -> "Simulator";
            default -> {
                String c = channel.strip();
                yield c.substring(0, 1).toUpperCase(Locale.ROOT) + c.substring(1);
            }
        };
    }

    /** The channel as an element id part: "channel-whatsapp". Letters, digits and "-" only. */
    public static String cardId(String channel) {
        String c = channel == null ? "" : channel.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        return "channel-" + c;
    }

    /** "just now", "42 s ago", "5 min ago", "3 h ago", "2 days ago"; "in the future" if after now. */
    public static String ago(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.isNegative()) {
            return d.abs().getSeconds() < 60 ? "just now" : "in the future";
        }
        long s = d.getSeconds();
        if (s < 5) {
            return "just now";
        }
        if (s < 60) {
            return s + " s ago";
        }
        if (s < 3600) {
            return s / 60 + " min ago";
        }
        if (s < 48 * 3600) {
            return s / 3600 + " h ago";
        }
        return s / 86400 + " days ago";
    }

    /** "2026-03-01 10:00:00 (5 min ago)", or "never" for null. */
    public static String lastInbound(Instant at, Instant now) {
        return at == null ? "never" : Times.format(at) + " (" + ago(at, now) + ")";
    }

    /** "← in" for messages from the user, "→ out" for ours; "" for null. */
    public static String direction(Direction direction) {
        if (direction == null) {
            return "";
        }
        return switch (direction) {
            case IN -> "← in";
            case OUT -> "→ out";
        };
    }

    /** "131047 Re-engagement message", the code or the title alone, or "" when neither. */
    public static String error(String code, String title) {
        String c = code == null ? "" : code.strip();
        String t = title == null ? "" : title.strip();
        return (c + " " + t).strip();
    }
}
