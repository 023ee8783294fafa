package io.loyaltyhub.plugins.affiliates;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A list of address ranges (IPv4 and IPv6 CIDR), e.g. the data-centre ranges of the bot-traffic rule. */
final class Cidrs {
    record Range(String text, byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final String source;
    private final List<Range> ranges;

    private Cidrs(String source, List<Range> ranges) {
        this.source = source;
        this.ranges = List.copyOf(ranges);
    }

    private static volatile Cidrs last = new Cidrs("", List.of());

    /** Parsed once per distinct setting value. */
    static Cidrs cached(String text) {
        Cidrs c = last;
        if (!c.source.equals(text)) {
            c = parse(text);
            last = c;
        }
        return c;
    }

    static Cidrs parse(String text) {
        List<Range> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (!p.isEmpty()) {
                out.add(range(p).orElseThrow(() -> new IllegalArgumentException("not a CIDR range: " + p)));
            }
        }
        return new Cidrs(text, out);
    }

    static Optional<String> check(String text) {
        for (String part : text.split(",")) {
            String p = part.trim();
            if (!p.isEmpty() && range(p).isEmpty()) {
                return Optional.of("'" + p + "' is not a range like 203.0.113.0/24 or 2001:db8::/32");
            }
        }
        return Optional.empty();
    }

    static Optional<Range> range(String p) {
        int slash = p.indexOf('/');
        Optional<InetAddress> address = IpAddresses.parse(slash < 0 ? p : p.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        byte[] network = address.get().getAddress();
        int bits = network.length * 8;
        if (slash >= 0) {
            String b = p.substring(slash + 1);
            if (!b.matches("\\d{1,3}")) {
                return Optional.empty();
            }
            bits = Integer.parseInt(b);
            if (bits > network.length * 8) {
                return Optional.empty();
            }
        }
        return Optional.of(new Range(p, network, bits));
    }

    /** The range that holds {@code ip} (an address literal), if any. */
    Optional<String> match(String ip) {
        if (ip == null || ranges.isEmpty()) {
            return Optional.empty();
        }
        Optional<InetAddress> a = IpAddresses.parse(ip);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = a.get().getAddress();
        for (Range r : ranges) {
            if (r.contains(bytes)) {
                return Optional.of(r.text());
            }
        }
        return Optional.empty();
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }
}
