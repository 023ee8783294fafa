package io.loyaltyhub.bots.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The Bot API calls the channel makes: {@code sendMessage}, {@code answerCallbackQuery},
 * {@code setWebhook} and {@code deleteWebhook} through telegrambots' {@link OkHttpTelegramClient},
 * and {@code getUpdates} as a plain long poll (so each update is read on its own: one the library
 * cannot read is skipped, not a poll that fails forever).
 */
final class BotApi implements AutoCloseable {
    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final OkHttpClient pollHttp;
    private final OkHttpTelegramClient client;
    private final String updatesUrl;

    /**
     * What came back from a send.
     *
     * @param providerId  {@code <chat id>:<message id>} when accepted
     * @param code        Telegram's {@code error_code} (its HTTP status), or {@code timeout}, {@code io},
     *                    {@code bad-response}, {@code invalid}; null when accepted
     * @param retryAfter  seconds, from {@code parameters.retry_after} of a 429; else null
     */
    record Result(String providerId, String code, String description, Integer retryAfter) {
        boolean accepted() {
            return providerId != null;
        }

        static Result failure(Throwable e) {
            if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() != 0) {
                Integer retryAfter = r.getParameters() == null ? null : r.getParameters().getRetryAfter();
                return new Result(null, Integer.toString(r.getErrorCode()),
                        r.getApiResponse() == null ? "" : r.getApiResponse(), retryAfter);
            }
            if (e instanceof TelegramApiValidationException v) {
                return new Result(null, "invalid", v.getMessage(), null);
            }
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof InterruptedIOException) {
                    return new Result(null, "timeout", "no answer in time: " + c.getMessage(), null);
                }
                if (c instanceof IOException && !(c instanceof com.fasterxml.jackson.core.JacksonException)) {
                    return new Result(null, "io", c.toString(), null);
                }
            }
            return new Result(null, "bad-response", String.valueOf(e.getMessage()), null);
        }
    }

    BotApi(TelegramConfig config) {
        String token = config.botToken().orElseThrow();
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(256);
        dispatcher.setMaxRequestsPerHost(256);
        this.http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES))
                .connectTimeout(config.timeout())
                .readTimeout(config.timeout())
                .writeTimeout(config.timeout())
                .callTimeout(config.timeout().multipliedBy(2))
                .retryOnConnectionFailure(false) // the queue retries, and knows when not to
                .addInterceptor(BotApi::telegramShapedErrors)
                .build();
        Duration pollWait = config.pollTimeout().plus(config.timeout());
        this.pollHttp = http.newBuilder().readTimeout(pollWait).callTimeout(pollWait.plus(config.timeout())).build();
        this.client = new OkHttpTelegramClient(http, token, config.telegramUrl());
        var u = config.telegramUrl();
        this.updatesUrl = u.getSchema() + "://" + u.getHost() + ":" + u.getPort() + "/bot" + token + "/getUpdates";
    }

    /**
     * A proxy or gateway in front of the API may answer 502 with an HTML page: turn any error
     * that is not Telegram's JSON into Telegram's shape, so it is read as that status.
     */
    private static Response telegramShapedErrors(Interceptor.Chain chain) throws IOException {
        Response r = chain.proceed(chain.request());
        if (r.isSuccessful()) {
            return r;
        }
        ResponseBody peek = r.peekBody(64 * 1024);
        try {
            JsonNode n = JSON.readTree(peek.string());
            if (n != null && n.has("ok")) {
                return r;
            }
        } catch (IOException notJson) {
            // replaced below
        }
        ObjectNode shaped = JSON.createObjectNode().put("ok", false).put("error_code", r.code())
                .put("description", "HTTP " + r.code() + (r.message().isEmpty() ? "" : " " + r.message()));
        ResponseBody body = ResponseBody.create(shaped.toString(), JSON_TYPE);
        r.close();
        return r.newBuilder().body(body).header("Content-Type", JSON_TYPE.toString()).build();
    }

    Result send(SendMessage message) throws InterruptedException {
        try {
            Message m = call(message);
            return new Result(m.getChatId() + ":" + m.getMessageId(), null, null, null);
        } catch (TelegramApiException e) {
            return Result.failure(e);
        }
    }

    void answerCallback(String callbackQueryId) throws TelegramApiException, InterruptedException {
        call(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build());
    }

    void setWebhook(String url, String secret) throws TelegramApiException {
        client.execute(SetWebhook.builder().url(url).secretToken(secret).allowedUpdates(ALLOWED_UPDATES)
                .dropPendingUpdates(false).build());
    }

    void deleteWebhook() throws TelegramApiException, InterruptedException {
        call(DeleteWebhook.builder().dropPendingUpdates(false).build());
    }

    /** One updates batch as Telegram sent it: {@code ok}, {@code result} (raw updates) or the error. */
    record Updates(List<JsonNode> updates, Result error) {
    }

    /**
     * Long-polls {@code getUpdates}. Passing {@code offset} confirms every update below it: call it
     * with the last stored update id + 1 only once those updates are durable.
     */
    Updates getUpdates(Long offset, int timeoutSeconds, int limit) throws InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        if (offset != null) {
            body.put("offset", offset);
        }
        body.put("timeout", timeoutSeconds).put("limit", limit);
        ALLOWED_UPDATES.forEach(body.putArray("allowed_updates")::add);
        Request request = new Request.Builder().url(updatesUrl).post(RequestBody.create(body.toString(), JSON_TYPE))
                .build();
        var call = pollHttp.newCall(request);
        try (Response response = call.execute()) {
            ResponseBody rb = response.body();
            JsonNode n = JSON.readTree(rb == null ? "" : rb.string());
            if (n == null || !n.path("ok").asBoolean(false)) {
                JsonNode p = n == null ? null : n.path("parameters").path("retry_after");
                return new Updates(List.of(), new Result(null, n == null ? "bad-response"
                        : n.path("error_code").asText("bad-response"), n == null ? "" : n.path("description").asText(""),
                        p == null || !p.isInt() ? null : p.asInt()));
            }
            List<JsonNode> updates = new ArrayList<>();
            n.path("result").forEach(updates::add);
            return new Updates(updates, null);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("polling stopped");
            }
            return new Updates(List.of(), Result.failure(e));
        }
    }

    private <T extends Serializable> T call(BotApiMethod<T> method) throws TelegramApiException, InterruptedException {
        CompletableFuture<T> f = client.executeAsync(method);
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TelegramApiException t) {
                throw t;
            }
            throw new TelegramApiException("Unable to execute " + method.getMethod(), e.getCause());
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        }
    }

    /** Ends every call in progress (a long poll waits up to its timeout otherwise). */
    void cancelCalls() {
        http.dispatcher().cancelAll();
    }

    @Override
    public void close() {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
