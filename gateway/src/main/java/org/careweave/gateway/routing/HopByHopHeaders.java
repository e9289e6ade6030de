package org.careweave.gateway.routing;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Headers that describe one connection, not the message (RFC 9110 section 7.6.1): they must not cross the gateway in
 * either direction, including any header the {@code Connection} header names.
 */
final class HopByHopHeaders {

    private static final Set<String> FIXED = Set.of("connection", "keep-alive", "te", "trailer", "transfer-encoding",
            "upgrade");

    private HopByHopHeaders() {
    }

    /**
     * The header names a {@code Connection} header lists (lower case), read once per message rather than once per
     * header; empty when there is none.
     */
    static Set<String> namedBy(String connection) {
        if (connection == null) {
            return Set.of();
        }
        Set<String> named = new HashSet<>();
        for (String token : connection.split(",")) {
            named.add(token.strip().toLowerCase(Locale.ROOT));
        }
        return named;
    }

    /** @param named the names the message's {@code Connection} header lists ({@link #namedBy}) */
    static boolean isHopByHop(String name, Set<String> named) {
        // Proxy-Authorization, Proxy-Authenticate, the non-standard Proxy-Connection, ...
        if (name.regionMatches(true, 0, "proxy-", 0, 6)) {
            return true;
        }
        String lowerCase = lowerCase(name);
        return FIXED.contains(lowerCase) || !named.isEmpty() && named.contains(lowerCase);
    }

    /** Header names are ASCII; most arrive in lower case already, and then no copy is made. */
    private static String lowerCase(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return name.toLowerCase(Locale.ROOT);
            }
        }
        return name;
    }
}
