package org.careweave.gateway.routing;

import java.util.concurrent.TimeoutException;

import org.careweave.gateway.problem.Problem;
import org.careweave.gateway.tracing.TraceContext;
import org.jboss.logging.Logger;

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
 * answers with when the service cannot be reached (503), is too slow (504) or breaks the exchange (502).
 */
final class UpstreamExchange implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamExchange.class);

    private final ServiceRoute route;
    private final String uri;

    UpstreamExchange(ServiceRoute route, String uri) {
        this.route = route;
        this.uri = uri;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
        ProxyRequest request = ctx.request();
        request.setURI(uri);
        HopByHopHeaders.remove(request.headers());
        ForwardedHeaders.replace(request.headers(), request.proxiedRequest());
        TraceContext.ensure(request.headers());
        // Authorization and X-Request-Id stay as they are: services validate the token again and log the id.
        return ctx.sendRequest().recover(failure -> Future.succeededFuture(problemResponse(ctx, failure)));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext ctx) {
        HopByHopHeaders.remove(ctx.response().headers());
        return ctx.sendResponse();
    }

    private ProxyResponse problemResponse(ProxyContext ctx, Throwable failure) {
        HttpServerRequest client = ctx.request().proxiedRequest();
        Problem problem;
        if (failure instanceof ServiceUnreachableException) {
            problem = Problem.of(client, 503, "The " + route.name() + " service is not reachable; try again shortly");
        } else if (failure instanceof TimeoutException) {
            problem = Problem.of(client, 504,
                    "The " + route.name() + " service did not answer within " + route.timeout().toMillis() + " ms");
        } else {
            problem = Problem.of(client, 502, "The " + route.name() + " service broke off the exchange");
        }
        LOG.warnf("%d for %s %s (request %s): %s", problem.status(), client.method(), client.path(),
                problem.requestId(), failure.getMessage());
        return ctx.request().release().response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .setBody(Body.body(problem.toJson()));
    }
}
