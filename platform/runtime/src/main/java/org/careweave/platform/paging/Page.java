package org.careweave.platform.paging;

import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;

/**
 * Answers a list endpoint with one page: the items as a JSON array (as before paging), and when more
 * follow, a {@code Link: <…?page=n+1>; rel="next"} header and {@code X-Next-Page}.
 */
public final class Page {

    public static final String NEXT_PAGE_HEADER = "X-Next-Page";

    private Page() {
    }

    /** @param fetched up to {@link PageRequest#fetchSize()} rows of the requested page */
    public static <T, V> RestResponse<List<V>> of(List<T> fetched, PageRequest request, Function<T, V> view,
            UriInfo uri) {
        return of(fetched.stream().map(view).toList(), request, uri);
    }

    /** @param fetched up to {@link PageRequest#fetchSize()} items of the requested page */
    public static <V> RestResponse<List<V>> of(List<V> fetched, PageRequest request, UriInfo uri) {
        List<V> items = fetched.stream().limit(request.limit()).toList();
        RestResponse.ResponseBuilder<List<V>> response = RestResponse.ResponseBuilder.ok(items);
        if (fetched.size() > request.limit()) {
            int next = request.page() + 1;
            String link = uri.getRequestUriBuilder().replaceQueryParam("page", next)
                    .replaceQueryParam("limit", request.limit()).build().toString();
            response.header(NEXT_PAGE_HEADER, next).header("Link", "<" + link + ">; rel=\"next\"");
        }
        return response.build();
    }
}
