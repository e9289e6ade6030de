package org.careweave.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** One service behind the gateway: where it listens and which path prefixes it answers. */
public record ServiceRoute(String name, String host, int port, boolean ssl, List<String> prefixes, Duration timeout) {

    static ServiceRoute of(String name, URI url, List<String> prefixes, Duration timeout) {
        String scheme = url.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || url.getHost() == null) {
            throw new IllegalStateException("Route " + name + ": url must be http(s)://host[:port], got " + url);
        }
        if (url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/")) {
            // The gateway forwards the client's path as is; a base path on the service would silently be ignored.
            throw new IllegalStateException("Route " + name + ": url must not have a path, got " + url);
        }
        if (prefixes.isEmpty()) {
            throw new IllegalStateException("Route " + name + ": at least one prefix is required");
        }
        List<String> normalized = prefixes.stream().map(prefix -> normalizePrefix(name, prefix)).toList();
        boolean https = "https".equals(scheme);
        int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;
        return new ServiceRoute(name, url.getHost(), port, https, normalized, timeout);
    }

    /** The longest prefix that covers the path on whole segments, or null. */
    String longestPrefixOf(String path) {
        String longest = null;
        for (String prefix : prefixes) {
            boolean covers = path.startsWith(prefix)
                    && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
            if (covers && (longest == null || prefix.length() > longest.length())) {
                longest = prefix;
            }
        }
        return longest;
    }

    private static String normalizePrefix(String route, String prefix) {
        String trimmed = prefix.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        // Only /api/* reaches the routing handler, so any other prefix could never match.
        if (!trimmed.startsWith("/api/") || trimmed.contains("//")) {
            throw new IllegalStateException("Route " + route + ": prefix must look like /api/name, got '" + prefix + "'");
        }
        return trimmed;
    }
}
