package org.careweave.gateway.tracing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TraceContextTest {

    @Test
    void acceptsWellFormedParents() {
        assertTrue(TraceContext.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        assertTrue(TraceContext.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"));
        // a later version may append fields
        assertTrue(TraceContext.isValid("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"));
    }

    @Test
    void rejectsMalformedParents() {
        assertFalse(TraceContext.isValid("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"));
        assertFalse(TraceContext.isValid("00-00000000000000000000000000000000-00f067aa0ba902b7-01"));
        assertFalse(TraceContext.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"));
        assertFalse(TraceContext.isValid("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        assertFalse(TraceContext.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"));
        assertFalse(TraceContext.isValid("garbage"));
    }

    @Test
    void generatesValidSampledParents() {
        for (int i = 0; i < 100; i++) {
            String traceparent = TraceContext.newTraceparent();
            assertTrue(TraceContext.isValid(traceparent), traceparent);
            assertTrue(traceparent.endsWith("-01"));
        }
    }
}
