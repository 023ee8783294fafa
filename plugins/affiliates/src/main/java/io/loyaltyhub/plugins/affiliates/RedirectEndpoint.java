package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.http.ApiProblem;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.api.http.HttpMethod;
import io.loyaltyhub.api.http.WebEndpoint;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.net.InetAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET} and {@code HEAD /r/{code}}: records the visit (durably, in a group commit) and answers 302 to the link's
 * target with the tracking parameters, or to the fallback URL for an unknown code. See docs/adr/0009.
 */
@Extension
public class RedirectEndpoint implements WebEndpoint {
    static final String COOKIE = "lh_vid";
    static final int COOKIE_MAX_AGE = 365 * 24 * 3600;
    private static final long WRITE_TIMEOUT_SECONDS = 10;

    private final PluginContext context;
    private final Clicks clicks;
    private final UserAgents userAgents = new UserAgents();
    private final GeoIp geo = new GeoIp();
    /** The parsed settings, kept while the host hands out the same settings object (it does until they change). */
    private volatile ConfigOf config;

    private record ConfigOf(io.loyaltyhub.api.plugin.PluginSettings settings, AffiliatesConfig config) {
    }

    public RedirectEndpoint(PluginContext context) {
        this.context = context;
        this.clicks = new Clicks(context.transactions());
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(HttpMethod.GET, "/r/{code}", ApiRoute.PUBLIC,
                        "Referral link: records the click, then 302 to the link's target", null, null, r -> visit(r, false)),
                new ApiRoute(HttpMethod.HEAD, "/r/{code}", ApiRoute.PUBLIC,
                        "Referral link without a body: recorded, not counted as a click", null, null, r -> visit(r, true)));
    }

    private ApiResponse visit(ApiRequest r, boolean head) {
        AffiliatesConfig config = config();
        Instant at = context.clock().instant();
        Optional<String> cookie = visitorCookie(r.header("Cookie").orElse(null));
        String visitorId = cookie.orElseGet(Codes::opaqueId);
        String userAgent = cut(r.header("User-Agent").orElse(null), 500);
        String clientIp = r.clientAddress();
        Optional<InetAddress> address = IpAddresses.parse(clientIp);
        String storedIp = address.map(a -> config.anonymiseIp() ? IpAddresses.anonymise(a) : IpAddresses.text(a)).orElse(null);
        Clicks.Visit v = new Clicks.Visit(Codes.visitKey(System.currentTimeMillis()), code(r.pathParam("code")), head, at, visitorId, cookie.isEmpty(),
                storedIp, userAgent, userAgents.classify(userAgent), cut(r.header("Referer").orElse(null), 1000),
                geo.lookup(config.geoipDatabase(), address.orElse(null)));
        Clicks.Outcome outcome;
        try {
            outcome = clicks.record(v).get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notRecorded();
        } catch (ExecutionException | TimeoutException e) {
            throw notRecorded();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", "no-store");
        headers.put("X-Robots-Tag", "noindex");
        if (cookie.isEmpty()) {
            headers.put("Set-Cookie", COOKIE + "=" + visitorId + "; Max-Age=" + COOKIE_MAX_AGE + "; Path=/r; HttpOnly; SameSite=Lax"
                    + (config.publicBaseUrl().startsWith("https:") ? "; Secure" : ""));
        }
        return ApiResponse.redirect(location(outcome.link(), config), headers);
    }

    private AffiliatesConfig config() {
        io.loyaltyhub.api.plugin.PluginSettings settings = context.settings();
        ConfigOf c = config;
        if (c == null || c.settings() != settings) {
            c = new ConfigOf(settings, AffiliatesConfig.from(settings));
            config = c;
        }
        return c.config();
    }

    /** Where the visitor goes: the link's target with the tracking parameters, or the fallback URL. */
    static String location(Clicks.Link link, AffiliatesConfig config) {
        if (link == null) {
            return config.fallbackUrl();
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("utm_source", link.utmSource());
        params.put("utm_medium", link.utmMedium());
        params.put("utm_campaign", link.utmCampaign());
        params.put("ref", link.affiliateCode());
        return TargetUrls.withTracking(link.target(), params);
    }

    /** The code as looked up: upper case (codes are typed too); anything that cannot be a code is kept, cut, as an orphan. */
    static String code(String raw) {
        String c = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
        return c.length() > 64 ? c.substring(0, 64) : c;
    }

    /** The visitor id from the Cookie header, if it carries a well-formed one. */
    static Optional<String> visitorCookie(String header) {
        if (header == null) {
            return Optional.empty();
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith(COOKIE + "=")) {
                String value = p.substring(COOKIE.length() + 1).trim();
                if (Codes.isOpaqueId(value)) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    private static String cut(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static ApiProblem notRecorded() {
        return new ApiProblem(503, "click-not-recorded", "Service unavailable",
                "The visit could not be recorded just now; please try the link again.");
    }
}
