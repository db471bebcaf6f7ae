package org.careslot.platform.web.paging;

import org.careslot.platform.web.problem.InvalidFieldsException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ?page=&page_size=} of a list request (1-based page, page size 1..100, default 20).
 * Bind it from the raw query values so that a bad value names its parameter in a 400.
 */
public record PageQuery(int page, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    public static PageQuery of(String page, String pageSize) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        int p = parse(page, 1, "page", errors);
        int size = parse(pageSize, DEFAULT_PAGE_SIZE, "page_size", errors);
        if (errors.isEmpty() && p < 1) {
            errors.put("page", List.of("Must be 1 or greater."));
        }
        if (errors.isEmpty() && (size < 1 || size > MAX_PAGE_SIZE)) {
            errors.put("page_size", List.of("Must be between 1 and " + MAX_PAGE_SIZE + "."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return new PageQuery(p, size);
    }

    public long offset() {
        return (long) (page - 1) * pageSize;
    }

    private static int parse(String raw, int fallback, String name, Map<String, List<String>> errors) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            errors.put(name, List.of("Must be an integer."));
            return fallback;
        }
    }
}
