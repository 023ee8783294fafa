package io.loyaltyhub.host.http;

import java.util.Set;

/**
 * The caller's address: the direct peer, unless the peer is a configured trusted proxy
 * ({@code server.trusted-proxies}); then the right-most X-Forwarded-For entry that is not itself a
 * trusted proxy. Entries a client could forge (left of the first untrusted hop) are never used.
 */
final class ClientAddress {
    private final Set<String> trustedProxies;

    ClientAddress(Set<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    String of(String peer, String forwardedFor) {
        if (forwardedFor == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }
}
