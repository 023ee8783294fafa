package io.loyaltyhub.host.http.chat;

import io.loyaltyhub.api.chat.Audience;
import io.loyaltyhub.api.chat.ChannelStatus;
import io.loyaltyhub.api.chat.ChatMessage;
import io.loyaltyhub.api.chat.ChatSimulator;
import io.loyaltyhub.api.chat.Channels;
import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.api.chat.MessageLog;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiProblem;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.api.http.QueryParam;
import io.loyaltyhub.bots.engine.ReplyCodec;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/v1/chat}: talk to the bots as a user would (the simulator, also used by the
 * command-line chat), the message history of a user, and the channels' status.
 */
public final class ChatEndpoint implements ApiEndpoint {

    /** One simulated message: {@code text}, or a tapped {@code choice} (its id and title). */
    public record SimulatorMessage(String audience, String user, String text, String choice, String choiceTitle) {
    }

    public record SimulatorAnswer(List<Map<String, Object>> replies) {
    }

    private final ChatSimulator simulator;
    private final MessageLog log;
    private final Channels channels;

    public ChatEndpoint(ChatSimulator simulator, MessageLog log, Channels channels) {
        this.simulator = simulator;
        this.log = log;
        this.channels = channels;
    }

    @Override
    public String area() {
        return "chat";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/simulator", "messages:write", "Send a message to the bots as a user, get the replies",
                        SimulatorMessage.class, SimulatorAnswer.class, this::simulate),
                ApiRoute.get("/messages", "messages:read", "A user's messages on every channel, newest first "
                        + "(?user=<mobile or id>&limit=)", ChatMessage[].class, this::messages)
                        .query(QueryParam.text("user", "a mobile (any format) or a channel's user id"), QueryParam.integer("limit", "at most this many")),
                ApiRoute.get("/channels", "messages:read", "Each channel: on or off, last webhook, queue, failures",
                        ChannelStatus[].class, r -> ApiResponse.ok(channels.status())));
    }

    private ApiResponse simulate(ApiRequest r) {
        SimulatorMessage m = r.body(SimulatorMessage.class);
        Audience audience;
        try {
            audience = Audience.valueOf((m.audience() == null ? "customer" : m.audience()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("audience", "customer or affiliate");
        }
        if (m.user() == null || m.user().isBlank()) {
            throw bad("user", "a mobile number (customers) or a user id (affiliates) is needed");
        }
        boolean hasText = m.text() != null && !m.text().isBlank();
        boolean hasChoice = m.choice() != null && !m.choice().isBlank();
        if (hasText == hasChoice) {
            throw bad("text", "send either text or a choice id");
        }
        if (hasText && m.text().length() > 4096) {
            throw bad("text", "at most 4096 characters");
        }
        Inbound input = hasText ? Inbound.text(m.text()) : Inbound.choice(m.choice(),
                m.choiceTitle() == null ? m.choice() : m.choiceTitle());
        List<Reply> replies;
        try {
            replies = simulator.send(audience, m.user(), input);
        } catch (IllegalArgumentException e) {
            throw bad("user", e.getMessage());
        }
        return ApiResponse.ok(new SimulatorAnswer(replies.stream().map(ChatEndpoint::asMap).toList()));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The reply as the queue stores it (one JSON shape for every reply, see {@link ReplyCodec}). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Reply reply) {
        try {
            return JSON.readValue(ReplyCodec.write(reply), Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiProblem bad(String field, String message) {
        return ApiProblem.invalid(field + ": " + message, Map.of(field, message));
    }

    private ApiResponse messages(ApiRequest r) {
        String user = r.query("user").filter(s -> !s.isBlank())
                .orElseThrow(() -> bad("user", "?user=<mobile in E.164 or user id> is needed"));
        int limit;
        try {
            limit = Integer.parseInt(r.query("limit").orElse("100"));
        } catch (NumberFormatException e) {
            throw bad("limit", "a whole number from 1 to 1000");
        }
        if (limit < 1 || limit > 1000) {
            throw bad("limit", "a whole number from 1 to 1000");
        }
        return ApiResponse.ok(log.history(user.strip().replace(' ', '+'), limit));
    }
}
