package org.careweave.gateway.resilience;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * One circuit breaker per service. After repeated failures the gateway stops calling the service and answers 503 at
 * once (a dead service should not hold clients for a connect timeout each); after a pause one call probes it, and a
 * success closes the breaker again.
 */
@Singleton
public class ServiceBreakers {

    private static final Logger LOG = Logger.getLogger(ServiceBreakers.class);

    private final Vertx vertx;
    private final CircuitBreakerOptions options;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    ServiceBreakers(Vertx vertx, ResilienceConfig config) {
        this.vertx = vertx;
        this.options = new CircuitBreakerOptions()
                .setMaxFailures(config.breakerFailures())
                .setFailuresRollingWindow(config.failureWindow().toMillis())
                .setResetTimeout(config.breakerOpenFor().toMillis())
                // The route timeout already bounds each exchange; no retries here (see ServiceProxy), no event bus.
                .setTimeout(-1)
                .setMaxRetries(0)
                .setNotificationAddress(null);
    }

    /** Runs the exchange through the service's breaker; fails with {@code OpenCircuitException} while it is open. */
    public <T> Future<T> call(String service, Supplier<Future<T>> exchange) {
        return breakers.computeIfAbsent(service, this::create).execute(promise -> exchange.get().onComplete(promise));
    }

    public CircuitBreakerState state(String service) {
        CircuitBreaker breaker = breakers.get(service);
        return breaker == null ? CircuitBreakerState.CLOSED : breaker.state();
    }

    private CircuitBreaker create(String service) {
        return CircuitBreaker.create(service, vertx, options)
                .openHandler(ignored -> LOG.warnf("Circuit for %s opened: calls answer 503 for %d ms", service,
                        options.getResetTimeout()))
                .halfOpenHandler(ignored -> LOG.infof("Circuit for %s half-open: probing", service))
                .closeHandler(ignored -> LOG.infof("Circuit for %s closed", service));
    }

    @PreDestroy
    void close() {
        breakers.values().forEach(CircuitBreaker::close);
    }
}
