package org.careslot.platform.web.paging;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.function.Function;

/**
 * The list envelope of the HTTP contract: {@code {"count", "next", "previous", "results"}}, where next and
 * previous are absolute URLs of the neighbouring pages (built from the forwarded host the client used) or null.
 */
public record PageResponse<T>(long count, String next, String previous, List<T> results) {

    /** Builds the envelope for the current request; call it on the request thread. */
    public static <T> PageResponse<T> of(List<T> results, long count, PageQuery query) {
        String next = query.offset() + results.size() < count ? pageUrl(query.page() + 1, query.pageSize()) : null;
        String previous = query.page() > 1 && count > 0
                ? pageUrl(Math.min(query.page() - 1, lastPage(count, query.pageSize())), query.pageSize()) : null;
        return new PageResponse<>(count, next, previous, results);
    }

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(count, next, previous, results.stream().map(mapper).toList());
    }

    private static int lastPage(long count, int pageSize) {
        return (int) Math.max(1, (count + pageSize - 1) / pageSize);
    }

    private static String pageUrl(int page, int pageSize) {
        var builder = ServletUriComponentsBuilder.fromCurrentRequest();
        String path = builder.build().getPath();
        if (path != null && !path.endsWith("/")) {
            builder.replacePath(path + "/"); // links use the canonical Django-style form
        }
        return builder
                .replaceQueryParam("page", page)
                .replaceQueryParam("page_size", pageSize)
                .build().toUriString();
    }
}
