package org.careweave.platform.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.careweave.platform.events.CloudEvent;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.reactive.messaging.TracingMetadata;

/**
 * Carries a trace across the transactional outbox: the writer's W3C {@code traceparent} is stored with the outbox
 * row, the relay sends the row as a continuation of it (the Kafka connector's producer span, whose context it writes
 * into the record's {@code traceparent} header), and each inbox handler runs in a span under the consumer's receive
 * span. One trace thus leads from an HTTP request through every event it caused.
 */
@ApplicationScoped
public class EventTraces {

    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    EventTraces(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("org.careweave.platform");
    }

    /** The current span as a W3C traceparent; null when nothing is traced (tracing off, or no span). */
    public String currentTraceparent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * {@code work} in a server span continuing {@code traceparent} (a new trace when null): for requests that arrive
     * outside an instrumented HTTP exchange, such as frames on a WebSocket opened under that trace. Anything the work
     * writes to the outbox then carries this span's trace on to Kafka.
     */
    public <T> T inSpan(String name, String traceparent, Supplier<T> work) {
        Context parent = traceparent == null ? Context.root()
                : W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent), FROM_MAP);
        Span span = tracer.spanBuilder(name).setParent(parent).setSpanKind(SpanKind.SERVER).startSpan();
        try (Scope scope = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    /** {@code metadata} plus the stored trace as the parent of the message's producer span. */
    public Metadata continuing(String traceparent, Metadata metadata) {
        if (traceparent == null) {
            return metadata;
        }
        Context parent = W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent), FROM_MAP);
        return metadata.with(TracingMetadata.withCurrent(parent));
    }

    /**
     * {@code handler} running in a span of {@code consumer}, a child of the message's receive span (which continues
     * the producer's trace from the record's headers). The span names the event's type and id, never its data.
     */
    public Consumer<CloudEvent> traced(String consumer, Message<?> message, Consumer<CloudEvent> handler) {
        Context parent = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext)
                .filter(Objects::nonNull).orElseGet(Context::current);
        return event -> {
            Span span = tracer.spanBuilder(consumer + " apply").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("careweave.consumer", consumer)
                    .setAttribute("careweave.event.type", event.type())
                    .setAttribute("careweave.event.id", event.id())
                    .startSpan();
            try (Scope scope = span.makeCurrent()) {
                handler.accept(event);
            } catch (RuntimeException e) {
                // The class only: exception messages may quote patient data.
                span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
                throw e;
            } finally {
                span.end();
            }
        };
    }
}
