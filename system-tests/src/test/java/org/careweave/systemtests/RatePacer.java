package org.careweave.systemtests;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client-side token buckets a little below the gateway's rate limits (per token and route group, anonymous callers per
 * address), so the whole-stack tests are paced rather than refused with 429. Buckets start empty: an earlier test of
 * the same run may have used the gateway's.
 */
final class RatePacer {

    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    static String group(String path) {
        return path.startsWith("/api/chat") ? "chat"
                : path.startsWith("/api/intakes") || path.startsWith("/api/prescriptions")
                        || path.startsWith("/api/refill-requests") ? "clinical"
                : "default";
    }

    void acquire(String token, String target) {
        String group = group(target);
        double perMinute;
        double burst;
        if (token == null) {
            perMinute = 55;
            burst = 15;
        } else {
            perMinute = switch (group) {
                case "chat" -> 110;
                case "clinical" -> 55;
                default -> 280;
            };
            burst = switch (group) {
                case "chat" -> 35;
                case "clinical" -> 25;
                default -> 90;
            };
        }
        double[] bucket = buckets.computeIfAbsent((token == null ? "anonymous" : token) + "|" + group,
                k -> new double[] { 0, System.nanoTime() });
        while (true) {
            long wait;
            synchronized (bucket) {
                long now = System.nanoTime();
                bucket[0] = Math.min(burst, bucket[0] + (now - bucket[1]) / 1e9 * perMinute / 60.0);
                bucket[1] = now;
                if (bucket[0] >= 1) {
                    bucket[0] -= 1;
                    return;
                }
                wait = (long) ((1 - bucket[0]) * 60_000 / perMinute) + 1;
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
