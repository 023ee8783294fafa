package io.loyaltyhub.host;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.loyaltyhub.host.http.Problems;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/** {@code /metrics} only for {@code Authorization: Bearer <metrics.token>} (compared in constant time). */
final class MetricsGuard implements Filter {
    private final byte[] expected;
    private final Problems problems;

    MetricsGuard(String token, Problems problems) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.problems = problems;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (!path.equals("/metrics") && !path.startsWith("/metrics/")) {
            chain.proceed();
            return;
        }
        byte[] given = req.headers().first(HeaderNames.AUTHORIZATION).orElse("").getBytes(StandardCharsets.UTF_8);
        if (MessageDigest.isEqual(expected, given)) {
            chain.proceed();
            return;
        }
        res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
        problems.send(res, 401, "unauthenticated", "Unauthorized", "Send 'Authorization: Bearer <metrics.token>'.",
                path, Map.of());
    }
}
