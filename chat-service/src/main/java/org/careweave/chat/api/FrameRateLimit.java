package org.careweave.chat.api;

import java.time.Duration;

/**
 * Per connection, how many typing, read and catch-up frames it may send in a window (a fixed window:
 * cheap, and enough to stop a client flooding the other members' sockets and the database). Sent
 * messages have their own, per user limit. Not thread-safe: a connection's frames arrive one at a time.
 */
final class FrameRateLimit {

    private final int maxFrames;
    private final long windowNanos;
    private long windowStart;
    private int count;

    FrameRateLimit(int maxFrames, Duration window) {
        this.maxFrames = maxFrames;
        this.windowNanos = window.toNanos();
        this.windowStart = System.nanoTime();
    }

    /** Counts the frame; the seconds until the next frame is accepted when over the limit, else 0. */
    synchronized long take() {
        long now = System.nanoTime();
        if (now - windowStart >= windowNanos) {
            windowStart = now;
            count = 0;
        }
        if (count < maxFrames) {
            count++;
            return 0;
        }
        return Math.max(1, Duration.ofNanos(windowNanos - (now - windowStart)).toSeconds() + 1);
    }
}
