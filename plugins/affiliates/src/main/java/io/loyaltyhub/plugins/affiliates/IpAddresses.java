package io.loyaltyhub.plugins.affiliates;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** Client addresses as text: parsed without any DNS lookup, and shortened when the anonymise-ip setting says so. */
final class IpAddresses {
    private IpAddresses() {
    }

    /** The address if {@code text} is an IPv4 or IPv6 literal (never a name: no DNS lookup happens). */
    static Optional<InetAddress> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        int zone = t.indexOf('%');
        if (zone >= 0) {
            t = t.substring(0, zone);
        }
        boolean v4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = t.contains(":") && t.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return Optional.empty();
        }
        if (v4) {
            for (String octet : t.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.empty(); // else getByName would take it for a name and ask DNS
                }
            }
        }
        try {
            return Optional.of(InetAddress.getByName(t)); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The address as stored: IPv4 with the last octet zeroed (/24), IPv6 cut to its first 48 bits. */
    static String anonymise(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            b[3] = 0;
        } else {
            for (int i = 6; i < b.length; i++) {
                b[i] = 0;
            }
        }
        try {
            return text(InetAddress.getByAddress(b));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How an address is stored: dotted IPv4 (also for IPv4-mapped IPv6), IPv6 in its shortest form. */
    static String text(InetAddress address) {
        if (address instanceof Inet6Address) {
            return compress(address.getAddress());
        }
        return address.getHostAddress();
    }

    /** The stored form of {@code text}, anonymised or not; unparseable text is dropped (null). */
    static String stored(String text, boolean anonymise) {
        return parse(text).map(a -> anonymise ? anonymise(a) : text(a)).orElse(null);
    }

    /** RFC 5952: lower case, leading zeros dropped, the longest run (2+) of zero groups as ::. */
    private static String compress(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (!s.isEmpty() && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(g[i]));
        }
        return s.toString();
    }
}
