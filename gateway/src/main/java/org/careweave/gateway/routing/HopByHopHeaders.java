package org.careweave.gateway.routing;

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

    /** @param connection the message's {@code Connection} header (null when absent), whose tokens name more of them */
    static boolean isHopByHop(String name, String connection) {
        // Proxy-Authorization, Proxy-Authenticate, the non-standard Proxy-Connection, ...
        if (name.regionMatches(true, 0, "proxy-", 0, 6) || FIXED.contains(lowerCase(name))) {
            return true;
        }
        return connection != null && names(connection, name);
    }

    private static boolean names(String connection, String name) {
        for (String token : connection.split(",")) {
            if (token.strip().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
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
