package org.careweave.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aBurstIsGrantedThenTheWaitForTheNextTokenIsTold() {
        TokenBucket bucket = new TokenBucket(3, 0.5, 0); // 30 a minute
        assertEquals(0, bucket.take(0));
        assertEquals(0, bucket.take(0));
        assertEquals(0, bucket.take(0));
        assertEquals(2 * SECOND, bucket.take(0));
        assertEquals(SECOND, bucket.take(SECOND));
        assertEquals(0, bucket.take(2 * SECOND));
    }

    @Test
    void refillsUpToCapacityOnly() {
        TokenBucket bucket = new TokenBucket(2, 1, 0);
        bucket.take(0);
        bucket.take(0);
        assertFalse(bucket.isFull(SECOND));
        assertTrue(bucket.isFull(100 * SECOND));
        assertEquals(0, bucket.take(100 * SECOND));
        assertEquals(0, bucket.take(100 * SECOND));
        assertTrue(bucket.take(100 * SECOND) > 0);
    }
}
