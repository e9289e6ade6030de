package org.careweave.gateway.resilience;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;

/**
 * One circuit breaker per service. After repeated failures the gateway stops calling the service and answers 503 at
 * once (a dead service should not hold clients for a connect timeout each); after a pause one call probes it, and a
 * success closes the breaker again.
 * <p>
 * Each exchange is judged by its caller: only the service's own failures count (no connection, no answer in time, a
 * broken exchange, a 5xx answer). A client that hangs up says nothing about the service, so it counts as nothing —
 * phones drop connections all the time, and that must never cut a healthy service off.
 */
@Singleton
public class ServiceBreakers {

    private static final Logger LOG = Logger.getLogger(ServiceBreakers.class);

    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    /** What one exchange says about the service. */
    public enum Verdict {
        HEALTHY, FAILED, NO_VERDICT;

        /**
         * A service's answer: a 5xx is a failure, except 503, which a live service gives on purpose (its database is
         * away, with Retry-After) and which would otherwise keep its breaker open after the database is back.
         */
        public static Verdict of(int status) {
            return status >= 500 && status != 503 ? FAILED : HEALTHY;
        }
    }

    /** The breaker is open: the call was not made. */
    public static final class OpenException extends RuntimeException {

        OpenException(String service) {
            super("Circuit for " + service + " is open", null, false, false);
        }
    }

    private final int maxFailures;
    private final long windowNanos;
    private final long openForNanos;
    private final Map<String, Breaker> breakers = new ConcurrentHashMap<>();

    ServiceBreakers(ResilienceConfig config) {
        this.maxFailures = config.breakerFailures();
        this.windowNanos = config.failureWindow().toNanos();
        this.openForNanos = config.breakerOpenFor().toNanos();
    }

    /**
     * Runs the exchange through the service's breaker, which learns from {@code judge}; fails with
     * {@link OpenException} without calling {@code exchange} while the breaker is open.
     */
    public <T> Future<T> call(String service, Supplier<Future<T>> exchange, Function<AsyncResult<T>, Verdict> judge) {
        Breaker breaker = breakers.computeIfAbsent(service, Breaker::new);
        Ticket ticket = breaker.admit();
        if (ticket == Ticket.REFUSED) {
            return Future.failedFuture(new OpenException(service));
        }
        Future<T> outcome;
        try {
            outcome = exchange.get();
        } catch (RuntimeException e) {
            breaker.record(ticket, Verdict.FAILED);
            return Future.failedFuture(e);
        }
        return outcome.onComplete(result -> breaker.record(ticket, judge.apply(result)));
    }

    public State state(String service) {
        Breaker breaker = breakers.get(service);
        return breaker == null ? State.CLOSED : breaker.state();
    }

    private enum Ticket {
        REFUSED, CALL, PROBE
    }

    /** Consecutive failures within the window open it; a success forgets them. Synchronized: event loops share it. */
    private final class Breaker {

        private final String service;
        private final ArrayDeque<Long> failures = new ArrayDeque<>();
        private State state = State.CLOSED;
        private long openedAt;
        private boolean probing;

        Breaker(String service) {
            this.service = service;
        }

        synchronized State state() {
            return state;
        }

        synchronized Ticket admit() {
            if (state == State.OPEN) {
                if (System.nanoTime() - openedAt < openForNanos) {
                    return Ticket.REFUSED;
                }
                state = State.HALF_OPEN;
                probing = false;
                LOG.infof("Circuit for %s half-open: probing", service);
            }
            if (state == State.HALF_OPEN) {
                if (probing) {
                    return Ticket.REFUSED;
                }
                probing = true;
                return Ticket.PROBE;
            }
            return Ticket.CALL;
        }

        synchronized void record(Ticket ticket, Verdict verdict) {
            if (ticket == Ticket.PROBE) {
                probing = false;
                if (verdict == Verdict.HEALTHY) {
                    state = State.CLOSED;
                    failures.clear();
                    LOG.infof("Circuit for %s closed", service);
                } else if (verdict == Verdict.FAILED) {
                    open();
                }
                // No verdict (the client left): the next call probes instead.
                return;
            }
            if (state != State.CLOSED) {
                // A call admitted before the breaker opened: the probe decides.
                return;
            }
            if (verdict == Verdict.HEALTHY) {
                failures.clear();
            } else if (verdict == Verdict.FAILED) {
                long now = System.nanoTime();
                failures.addLast(now);
                while (now - failures.peekFirst() > windowNanos) {
                    failures.removeFirst();
                }
                if (failures.size() >= maxFailures) {
                    open();
                }
            }
        }

        private void open() {
            state = State.OPEN;
            openedAt = System.nanoTime();
            failures.clear();
            LOG.warnf("Circuit for %s opened: calls answer 503 for %d ms", service, openForNanos / 1_000_000);
        }
    }
}
