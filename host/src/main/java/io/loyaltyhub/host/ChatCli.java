package io.loyaltyhub.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar loyalty-server.jar chat [--url http://localhost:8080] [--affiliate] <mobile or id>}:
 * talk to a running server's bots from a terminal, through the same simulator the admin UI uses
 * ({@code POST /api/v1/chat/simulator}, an API key with {@code messages:write} in
 * {@code LOYALTY_API_KEY}). Buttons and menu rows are numbered; type the number to tap one.
 */
final class ChatCli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Choice(String id, String title) {
    }

    private ChatCli() {
    }

    static int run(String[] args, InputStream in, PrintStream out, Map<String, String> env) {
        String url = env.getOrDefault("LOYALTY_URL", "http://localhost:8080");
        String audience = "customer";
        String user = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = i + 1 < args.length ? args[++i] : url;
                case "--affiliate" -> audience = "affiliate";
                default -> user = args[i];
            }
        }
        String key = env.getOrDefault("LOYALTY_API_KEY", env.getOrDefault("API_BOOTSTRAP_KEY", ""));
        if (user == null || key.isEmpty()) {
            out.println("usage: LOYALTY_API_KEY=<key with messages:write> java -jar loyalty-server.jar chat "
                    + "[--url http://localhost:8080] [--affiliate] <mobile number or user id>");
            return 2;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        out.println("Chatting as " + user + " with " + url + ". Type a message, a number to tap, or Ctrl-D to leave.");
        List<Choice> offered = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            out.print("> ");
            out.flush();
            for (String line; (line = lines.readLine()) != null; ) {
                String text = line.strip();
                if (text.isEmpty()) {
                    out.print("> ");
                    out.flush();
                    continue;
                }
                ObjectNode body = JSON.createObjectNode().put("audience", audience).put("user", user);
                if (text.matches("\\d{1,2}") && Integer.parseInt(text) >= 1 && Integer.parseInt(text) <= offered.size()) {
                    Choice c = offered.get(Integer.parseInt(text) - 1);
                    body.put("choice", c.id()).put("choiceTitle", c.title());
                    out.println("  (tapped " + c.title() + ")");
                } else {
                    body.put("text", text);
                }
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/chat/simulator"))
                                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode answer = JSON.readTree(r.body());
                if (r.statusCode() != 200) {
                    out.println("! " + r.statusCode() + " " + answer.path("detail").asText(r.body()));
                } else {
                    offered.clear();
                    for (JsonNode reply : answer.path("replies")) {
                        print(reply, offered, out);
                    }
                }
                out.print("> ");
                out.flush();
            }
        } catch (IOException e) {
            out.println("! cannot reach " + url + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        return 0;
    }

    private static void print(JsonNode reply, List<Choice> offered, PrintStream out) {
        String type = reply.path("type").asText();
        String body = type.equals("template") ? "[template " + reply.path("name").asText() + "] "
                + reply.path("fallbackText").asText() : reply.path("body").asText();
        out.println("bot: " + body.replace("\n", "\n     "));
        if (type.equals("menu")) {
            out.println("     [" + reply.path("button").asText() + "]");
        }
        for (JsonNode c : reply.path("choices")) {
            offered.add(new Choice(c.path("id").asText(), c.path("title").asText()));
            String description = c.path("description").asText("");
            out.println("     " + offered.size() + ") " + c.path("title").asText()
                    + (description.isEmpty() ? "" : " - " + description));
        }
    }
}
