package io.loyaltyhub.api.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a turn answers and where the conversation goes next.
 *
 * @param replies  sent in order
 * @param step     the next step; the same step with a "what is expected" reply for invalid input
 * @param data     what to remember for the next turn (replaces the old data)
 * @param language a new conversation language (e.g. after "language"), or null to keep it
 */
public record ChatStep(List<Reply> replies, String step, Map<String, String> data, String language) {
    public ChatStep {
        replies = List.copyOf(replies);
        Objects.requireNonNull(step);
        data = Map.copyOf(data);
    }

    public static ChatStep to(String step, Reply... replies) {
        return new ChatStep(List.of(replies), step, Map.of(), null);
    }

    /** Stays where it was, keeping its data: for invalid input. */
    public static ChatStep stay(ChatTurn turn, Reply... replies) {
        return new ChatStep(List.of(replies), turn.step(), turn.data(), null);
    }

    public ChatStep with(String key, String value) {
        Map<String, String> d = new HashMap<>(data);
        d.put(key, value);
        return new ChatStep(replies, step, d, language);
    }

    public ChatStep withData(Map<String, String> newData) {
        return new ChatStep(replies, step, newData, language);
    }

    public ChatStep inLanguage(String newLanguage) {
        return new ChatStep(replies, step, data, newLanguage);
    }

    public ChatStep andThen(Reply more) {
        List<Reply> r = new ArrayList<>(replies);
        r.add(more);
        return new ChatStep(r, step, data, language);
    }
}
