package org.careweave.gateway.limits;

/**
 * A token bucket: holds up to {@code capacity} tokens (the burst), refills {@code perSecond} tokens a second, and
 * each request takes one. Time is passed in (nanoseconds) so the arithmetic is testable without sleeping.
 */
final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(int capacity, double perSecond, long now) {
        this.capacity = capacity;
        this.perNano = perSecond / 1_000_000_000d;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes a token: 0 when granted, else the nanoseconds until one is available. */
    synchronized long take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }

    /** Whole tokens left, as of the last {@link #take(long)}. */
    synchronized long remaining() {
        return (long) Math.floor(tokens);
    }

    /** Nanoseconds from {@code now} until the bucket is full again. */
    synchronized long untilFull(long now) {
        refill(now);
        return (long) Math.ceil((capacity - tokens) / perNano);
    }

    /** Full again: forgetting this bucket changes nothing, so idle buckets can be dropped. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        tokens = Math.min(capacity, tokens + (now - updatedAt) * perNano);
        updatedAt = now;
    }
}
