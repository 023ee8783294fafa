package io.loyaltyhub.plugins.affiliates;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Link targets: which URLs a link may send visitors to (no open redirect), and the URL with the tracking parameters
 * a visitor is sent to.
 *
 * <p>A target is an absolute {@code http} or {@code https} URL with a host name, no user info (the
 * {@code https://shop.example@evil.example} trick), no backslashes, spaces or control characters, at most 2,000
 * characters, whose host is the public base URL's host or matches the allow list: {@code shop.example.com} (exactly
 * that host), {@code *.example.com} (any subdomain, not the domain itself) or {@code *} (any host).
 */
final class TargetUrls {
    static final int MAX_LENGTH = 2000;
    /** Parameters the redirect sets; the target's own values of these are replaced. */
    static final Set<String> TRACKING = Set.of("utm_source", "utm_medium", "utm_campaign", "ref");

    private TargetUrls() {
    }

    /** The URL as a checked http(s) URI, or empty when it is not one a link may point at (ignoring the host list). */
    static Optional<URI> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.trim();
        if (s.isEmpty() || s.length() > MAX_LENGTH || s.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                return Optional.empty();
            }
        }
        URI u;
        try {
            u = new URI(s);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.isOpaque() || u.getHost() == null
                || u.getRawUserInfo() != null || u.getRawAuthority() == null || u.getRawAuthority().contains("@")) {
            return Optional.empty();
        }
        String host = host(u);
        if (host.isEmpty() || host.startsWith(".")) {
            return Optional.empty();
        }
        return Optional.of(URI.create(u.toASCIIString()));
    }

    /** The host in lower case, without a trailing dot (and without brackets for IPv6 literals). */
    static String host(URI u) {
        String h = u.getHost().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    static boolean hostAllowed(String host, List<String> allowList, String baseHost) {
        if (host.equals(baseHost)) {
            return true;
        }
        for (String entry : allowList) {
            if (entry.equals("*") || entry.equals(host)
                    || (entry.startsWith("*.") && host.endsWith(entry.substring(1)))) {
                return true;
            }
        }
        return false;
    }

    /** Why a target is refused, or empty when a link may point at it. */
    static Optional<String> refusal(String raw, AffiliatesConfig config) {
        Optional<URI> u = parse(raw);
        if (u.isEmpty()) {
            return Optional.of("must be an absolute http(s) URL with a host, without user info, spaces or backslashes, "
                    + "at most " + MAX_LENGTH + " characters");
        }
        String host = host(u.get());
        if (!hostAllowed(host, config.allowedHosts(), config.baseHost())) {
            return Optional.of("links may not point at " + host + " (allowed-target-hosts setting)");
        }
        return Optional.empty();
    }

    /** The entries of the allow-list setting, lower case. */
    static List<String> allowList(String setting) {
        List<String> out = new ArrayList<>();
        for (String e : setting.split(",")) {
            String t = e.trim().toLowerCase(Locale.ROOT);
            while (t.endsWith(".")) {
                t = t.substring(0, t.length() - 1);
            }
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    private static final String LABEL = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";

    static Optional<String> checkAllowList(String setting) {
        for (String e : allowList(setting)) {
            boolean ok = e.equals("*") || e.matches("(\\*\\.)?" + LABEL + "(\\." + LABEL + ")*");
            if (!ok) {
                return Optional.of("'" + e + "' is not a host name, *.domain or *");
            }
        }
        return Optional.empty();
    }

    /**
     * The target with the tracking parameters appended to its query (the target's own parameters kept, except
     * earlier values of the tracking ones), values percent-encoded, the fragment kept at the end.
     */
    static String withTracking(String target, Map<String, String> params) {
        URI u = URI.create(target);
        StringBuilder q = new StringBuilder();
        if (u.getRawQuery() != null) {
            for (String part : u.getRawQuery().split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                String name = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
                if (params.containsKey(name)) {
                    continue;
                }
                q.append(q.isEmpty() ? "" : "&").append(part);
            }
        }
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (p.getValue() == null || p.getValue().isEmpty()) {
                continue;
            }
            q.append(q.isEmpty() ? "" : "&").append(encode(p.getKey())).append('=').append(encode(p.getValue()));
        }
        StringBuilder s = new StringBuilder();
        s.append(u.getScheme().toLowerCase(Locale.ROOT)).append("://").append(u.getRawAuthority());
        s.append(u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath());
        if (!q.isEmpty()) {
            s.append('?').append(q);
        }
        if (u.getRawFragment() != null) {
            s.append('#').append(u.getRawFragment());
        }
        return s.toString();
    }

    /** RFC 3986 percent-encoding of a query value (space as %20, not +). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~");
    }

    static List<String> trackingNames() {
        return Arrays.asList("utm_source", "utm_medium", "utm_campaign", "ref");
    }
}
