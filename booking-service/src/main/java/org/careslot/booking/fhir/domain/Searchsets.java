package org.careslot.booking.fhir.domain;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Search results as a {@code searchset} Bundle with its total, its self link and, while more pages follow, next. */
public final class Searchsets {

    private Searchsets() {
    }

    /**
     * @param base      the server's base URL, e.g. https://careslot.example/fhir/r4
     * @param type      the searched resource type
     * @param query     the query parameters as received (repeated in the links, {@code _page} replaced)
     * @param matches   this page's resources
     * @param total     all matches of the search
     * @param page      this page (1 is the first)
     * @param count     page size
     */
    public static Bundle of(String base, String type, Map<String, List<String>> query, List<? extends Resource> matches,
                            long total, int page, int count) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal((int) Math.min(total, Integer.MAX_VALUE));
        bundle.addLink().setRelation("self").setUrl(url(base, type, query, page, page > 1));
        if ((long) page * count < total) {
            bundle.addLink().setRelation("next").setUrl(url(base, type, query, page + 1, true));
        }
        for (Resource match : matches) {
            bundle.addEntry()
                    .setFullUrl(base + "/" + match.fhirType() + "/" + match.getIdElement().getIdPart())
                    .setResource(match)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    private static String url(String base, String type, Map<String, List<String>> query, int page, boolean withPage) {
        List<String> parts = new ArrayList<>();
        query.forEach((name, values) -> {
            if (!name.equals("_page")) {
                values.forEach(value -> parts.add(encode(name) + "=" + encode(value == null ? "" : value)));
            }
        });
        if (withPage) {
            parts.add("_page=" + page);
        }
        String joined = parts.stream().collect(Collectors.joining("&"));
        return base + "/" + type + (joined.isEmpty() ? "" : "?" + joined);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
