package io.loyaltyhub.bots.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;

/** Sends message bodies to {@code POST {base}/{version}/{phone-number-id}/messages} over OkHttp. */
public final class GraphApiClient implements AutoCloseable {
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;
    private final String url;
    private final String graphBase;
    private final String authorization;

    /**
     * What came back.
     *
     * @param providerId the wamid when accepted
     * @param httpStatus 0 when there was no answer (timeout, connection refused)
     * @param code       Meta's error code ({@code error.code}), or null
     */
    public record Result(String providerId, int httpStatus, String code, String title) {
        public boolean accepted() {
            return providerId != null;
        }
    }

    public GraphApiClient(WhatsAppConfig config) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(256);
        dispatcher.setMaxRequestsPerHost(256);
        this.http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
                .connectTimeout(config.timeout())
                .readTimeout(config.timeout())
                .writeTimeout(config.timeout())
                .callTimeout(config.timeout().multipliedBy(2))
                .retryOnConnectionFailure(false) // the queue retries, and knows when not to
                .build();
        String base = config.apiBaseUrl().endsWith("/") ? config.apiBaseUrl().substring(0, config.apiBaseUrl().length() - 1)
                : config.apiBaseUrl();
        this.graphBase = base + "/" + config.apiVersion();
        this.url = graphBase + "/" + config.phoneNumberId() + "/messages";
        this.authorization = "Bearer " + config.accessToken().orElse("");
    }

    public Result send(ObjectNode body) {
        Request request = new Request.Builder().url(url)
                .header("Authorization", authorization)
                .post(RequestBody.create(body.toString(), JSON_TYPE))
                .build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody rb = response.body();
            String text = rb == null ? "" : rb.string();
            JsonNode json = parse(text);
            if (response.isSuccessful()) {
                String id = json.path("messages").path(0).path("id").asText("");
                if (!id.isEmpty()) {
                    return new Result(id, response.code(), null, null);
                }
                return new Result(null, response.code(), "no-id", "accepted without a message id");
            }
            JsonNode error = json.path("error");
            String code = error.hasNonNull("code") ? error.path("code").asText() : null;
            String title = error.path("error_data").path("details").asText(error.path("message").asText(
                    response.message()));
            return new Result(null, response.code(), code, title);
        } catch (InterruptedIOException e) {
            return new Result(null, 0, "timeout", "no answer within " + e.getMessage());
        } catch (IOException e) {
            return new Result(null, 0, "io", e.toString());
        }
    }

    /**
     * Every message template of a business account: {@code GET /{waba-id}/message_templates}, page by page (the
     * {@code paging.cursors.after} cursor while there is a {@code next} page).
     *
     * @throws IOException with Meta's message when a page cannot be read
     */
    public java.util.List<JsonNode> templates(String businessAccountId) throws IOException {
        java.util.List<JsonNode> all = new java.util.ArrayList<>();
        String after = null;
        for (int page = 0; page < 200; page++) {
            okhttp3.HttpUrl.Builder u = okhttp3.HttpUrl.get(graphBase + "/" + businessAccountId + "/message_templates")
                    .newBuilder()
                    .addQueryParameter("fields", "name,language,status,category,parameter_format,components,rejected_reason")
                    .addQueryParameter("limit", "100");
            if (after != null) {
                u.addQueryParameter("after", after);
            }
            Request request = new Request.Builder().url(u.build()).header("Authorization", authorization).get().build();
            JsonNode json;
            try (Response response = http.newCall(request).execute()) {
                ResponseBody rb = response.body();
                json = parse(rb == null ? "" : rb.string());
                if (!response.isSuccessful()) {
                    JsonNode error = json.path("error");
                    throw new IOException("Meta answered " + response.code() + (error.has("code")
                            ? " (" + error.path("code").asText() + "): " + error.path("message").asText() : ""));
                }
            }
            json.path("data").forEach(all::add);
            after = json.path("paging").path("cursors").path("after").asText("");
            if (!json.path("paging").hasNonNull("next") || after.isEmpty()) {
                return all;
            }
        }
        return all;
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            return n == null ? JSON.createObjectNode() : n;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
