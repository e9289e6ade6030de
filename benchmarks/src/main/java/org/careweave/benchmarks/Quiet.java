package org.careweave.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** Waiting for the last deliveries of a load: late ones still count. */
final class Quiet {

    private Quiet() {
    }

    /** Returns once {@code count} has not changed for {@code quietSeconds}, or after {@code maxSeconds}. */
    static void await(LongSupplier count, int quietSeconds, int maxSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        long last = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = count.getAsLong();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(quietSeconds)) {
                return;
            }
            Thread.sleep(200);
        }
    }
}
