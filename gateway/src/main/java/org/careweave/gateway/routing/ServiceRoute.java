package org.careweave.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One service behind the gateway: where its replicas listen and which path prefixes it answers. Requests are spread
 * round-robin over the replicas; one that refused a connection is passed over for a while (unless all did).
 */
public final class ServiceRoute {

    /** One replica of the service. */
    public static final class Upstream {

        private final String host;
        private final int port;
        private final boolean ssl;
        private volatile long downUntilNanos;

        Upstream(String host, int port, boolean ssl) {
            this.host = host;
            this.port = port;
            this.ssl = ssl;
        }

        public String host() {
            return host;
        }

        public int port() {
            return port;
        }

        public boolean ssl() {
            return ssl;
        }

        /** It refused a connection: give the others its requests for {@code period}. */
        void markDown(Duration period) {
            downUntilNanos = System.nanoTime() + period.toNanos();
        }

        boolean isUp(long now) {
            return now - downUntilNanos >= 0;
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    private final String name;
    private final List<Upstream> upstreams;
    private final List<String> prefixes;
    private final Duration timeout;
    private final AtomicInteger cursor = new AtomicInteger();

    private ServiceRoute(String name, List<Upstream> upstreams, List<String> prefixes, Duration timeout) {
        this.name = name;
        this.upstreams = List.copyOf(upstreams);
        this.prefixes = List.copyOf(prefixes);
        this.timeout = timeout;
    }

    static ServiceRoute of(String name, URI url, List<String> prefixes, Duration timeout) {
        return of(name, List.of(url), prefixes, timeout);
    }

    static ServiceRoute of(String name, List<URI> urls, List<String> prefixes, Duration timeout) {
        if (urls.isEmpty()) {
            throw new IllegalStateException("Route " + name + ": at least one url is required");
        }
        if (prefixes.isEmpty()) {
            throw new IllegalStateException("Route " + name + ": at least one prefix is required");
        }
        List<Upstream> upstreams = urls.stream().map(url -> upstream(name, url)).toList();
        List<String> normalized = prefixes.stream().map(prefix -> normalizePrefix(name, prefix)).toList();
        return new ServiceRoute(name, upstreams, normalized, timeout);
    }

    private static Upstream upstream(String name, URI url) {
        String scheme = url.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || url.getHost() == null) {
            throw new IllegalStateException("Route " + name + ": url must be http(s)://host[:port], got " + url);
        }
        if (url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/")) {
            // The gateway forwards the client's path as is; a base path on the service would silently be ignored.
            throw new IllegalStateException("Route " + name + ": url must not have a path, got " + url);
        }
        boolean https = "https".equals(scheme);
        int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;
        return new Upstream(url.getHost(), port, https);
    }

    public String name() {
        return name;
    }

    public List<Upstream> upstreams() {
        return upstreams;
    }

    public List<String> prefixes() {
        return prefixes;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The next replica in turn that is not marked down; in turn regardless when every one is. */
    public Upstream next() {
        if (upstreams.size() == 1) {
            return upstreams.get(0);
        }
        int start = Math.floorMod(cursor.getAndIncrement(), upstreams.size());
        long now = System.nanoTime();
        for (int i = 0; i < upstreams.size(); i++) {
            Upstream candidate = upstreams.get((start + i) % upstreams.size());
            if (candidate.isUp(now)) {
                return candidate;
            }
        }
        return upstreams.get(start);
    }

    /** The replica after {@code refused} (for a retry after a refused connection); itself when there is only one. */
    Upstream after(Upstream refused) {
        return upstreams.get((upstreams.indexOf(refused) + 1) % upstreams.size());
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
