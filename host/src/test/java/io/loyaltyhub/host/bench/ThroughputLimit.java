package io.loyaltyhub.host.bench;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.loyaltyhub.host.chat.MetaGraphApi;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes WireMock enforce a messages-per-second limit like the Cloud API does: a send beyond
 * {@code perSecond} in any one-second window is refused with Meta's 130429 error.
 */
final class ThroughputLimit implements ResponseDefinitionTransformerV2 {
    private final int perSecond;
    private final ArrayDeque<Long> window = new ArrayDeque<>();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong refused = new AtomicLong();

    ThroughputLimit(int perSecond) {
        this.perSecond = perSecond;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        long now = System.nanoTime();
        synchronized (window) {
            while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
                window.pollFirst();
            }
            if (window.size() >= perSecond) {
                refused.incrementAndGet();
                return MetaGraphApi.error(400, 130429, "Rate limit hit",
                        "Cloud API message throughput has been reached.").build();
            }
            window.addLast(now);
        }
        accepted.incrementAndGet();
        return serveEvent.getResponseDefinition();
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public String getName() {
        return "throughput-limit";
    }
}
