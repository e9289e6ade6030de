package org.careweave.gateway.routing;

import java.util.concurrent.TimeoutException;

import org.careweave.gateway.limits.LimitedBody;
import org.careweave.gateway.problem.Problem;
import org.careweave.gateway.resilience.ServiceBreakers;
import org.careweave.gateway.resilience.ServiceBreakers.Verdict;
import org.careweave.gateway.tracing.TraceContext;
import org.jboss.logging.Logger;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * One request on its way to a service: what the gateway changes going out and coming back, and the problem it
 * answers with when the service cannot be reached or its breaker is open (503), is too slow (504), breaks the exchange
 * (502), or a streamed body turns out too large (413).
 */
final class UpstreamExchange implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamExchange.class);

    private final ServiceRoute route;
    private final String uri;
    private final ServiceBreakers breakers;
    private final long bodyLimit;
    private final Runnable ended;

    /** @param ended run once the answer has been sent or has failed on its way (a stream frees its place then) */
    UpstreamExchange(ServiceRoute route, String uri, ServiceBreakers breakers, long bodyLimit, Runnable ended) {
        this.route = route;
        this.uri = uri;
        this.breakers = breakers;
        this.bodyLimit = bodyLimit;
        this.ended = ended;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
        ProxyRequest request = ctx.request();
        request.setURI(uri);
        HopByHopHeaders.remove(request.headers());
        ForwardedHeaders.replace(request.headers(), request.proxiedRequest());
        TraceContext.ensure(request.headers());
        // Authorization and X-Request-Id stay as they are: services validate the token again and log the id.
        LimitedBody limited = limitUndeclaredBody(request);
        HttpServerRequest client = request.proxiedRequest();
        return breakers.<ProxyResponse> call(route.name(), () -> ctx.sendRequest().recover(failure -> limited != null
                && limited.exceeded()
                        // The client's fault, not the service's: answered inside the breaker so it counts as a success.
                        ? Future.succeededFuture(problemResponse(ctx, 413, "The request body is larger than "
                                + bodyLimit + " bytes", failure))
                        : Future.failedFuture(failure)), result -> verdict(result, client))
                .recover(failure -> Future.succeededFuture(problemResponse(ctx, failure)));
    }

    /** Only the service's failures count; an exchange the client broke off by hanging up says nothing about it. */
    private static Verdict verdict(AsyncResult<ProxyResponse> result, HttpServerRequest client) {
        if (result.failed()) {
            return clientLeft(client) ? Verdict.NO_VERDICT : Verdict.FAILED;
        }
        return Verdict.of(result.result().getStatusCode());
    }

    /** The client's connection is gone: the proxy then resets the exchange with the service ("Stream reset"). */
    private static boolean clientLeft(HttpServerRequest client) {
        return client.response().closed();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext ctx) {
        HopByHopHeaders.remove(ctx.response().headers());
        return ctx.sendResponse().onComplete(ignored -> ended.run());
    }

    /** A chunked body has no declared length to check up front, so it is counted on its way. */
    private LimitedBody limitUndeclaredBody(ProxyRequest request) {
        Body body = request.getBody();
        if (body == null || body.length() >= 0) {
            return null;
        }
        LimitedBody limited = new LimitedBody(body.stream(), bodyLimit);
        request.setBody(Body.body(limited, -1));
        return limited;
    }

    private ProxyResponse problemResponse(ProxyContext ctx, Throwable failure) {
        if (failure instanceof ServiceBreakers.OpenException) {
            return problemResponse(ctx, 503, "The " + route.name()
                    + " service is failing; the gateway is not calling it for a moment, try again shortly", failure);
        }
        if (failure instanceof ServiceUnreachableException) {
            return problemResponse(ctx, 503, "The " + route.name() + " service is not reachable; try again shortly",
                    failure);
        }
        if (failure instanceof TimeoutException) {
            return problemResponse(ctx, 504,
                    "The " + route.name() + " service did not answer within " + route.timeout().toMillis() + " ms",
                    failure);
        }
        return problemResponse(ctx, 502, "The " + route.name() + " service broke off the exchange", failure);
    }

    private ProxyResponse problemResponse(ProxyContext ctx, int status, String detail, Throwable failure) {
        HttpServerRequest client = ctx.request().proxiedRequest();
        Problem problem = Problem.of(client, status, detail);
        if (clientLeft(client)) {
            // Nobody to answer: not an upstream failure, and no warning.
            LOG.debugf("Client left before %s answered %s %s (request %s)", route.name(), client.method(),
                    client.path(), problem.requestId());
        } else {
            LOG.warnf("%d for %s %s (request %s): %s", problem.status(), client.method(), client.path(),
                    problem.requestId(), failure.getMessage());
        }
        return ctx.request().release().response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .setBody(Body.body(problem.toJson()));
    }
}
