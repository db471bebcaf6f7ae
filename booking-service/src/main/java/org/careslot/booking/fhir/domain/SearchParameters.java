package org.careslot.booking.fhir.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The query parameters of one FHIR search, checked against what the resource supports: an unknown parameter, a
 * repeated one (except {@code start} of Slot and {@code date} of Appointment), a malformed reference, id, date or
 * count is an {@link InvalidSearchException} naming the parameter. Plain Java.
 */
public final class SearchParameters {

    /** Page size of a searchset when {@code _count} is absent, and its upper bound. */
    public static final int DEFAULT_COUNT = 20;
    public static final int MAX_COUNT = 100;
    /** The longest date range one Slot search may cover. */
    public static final int MAX_SLOT_DAYS = 31;

    /** Every search takes it besides its own parameters: the result format (json only). */
    private static final Set<String> COMMON = Set.of("_format");
    private static final Set<String> JSON_FORMATS = Set.of("json", "application/json", "application/fhir+json",
            "application/json+fhir");
    private static final Set<String> DATE_PREFIXES = Set.of("eq", "ge", "gt", "lt", "le");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final Map<String, List<String>> values;

    private SearchParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * @param values    the query parameters as received
     * @param supported the resource's own parameters (with {@code _count} and {@code _page} where it pages)
     * @param repeatable those of them that may appear more than once
     */
    public static SearchParameters of(Map<String, List<String>> values, Set<String> supported,
                                      Set<String> repeatable) {
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String name = entry.getKey();
            if (!supported.contains(name) && !COMMON.contains(name)) {
                throw new InvalidSearchException(name, "Unknown search parameter '" + name + "'; supported: "
                        + String.join(", ", supported.stream().sorted().toList()) + ".");
            }
            if (entry.getValue().size() > 1 && !repeatable.contains(name)) {
                throw new InvalidSearchException(name, "Give '" + name + "' at most once.");
            }
        }
        SearchParameters parameters = new SearchParameters(values);
        parameters.text("_format").ifPresent(format -> {
            if (!JSON_FORMATS.contains(format)) {
                throw new InvalidSearchException("_format", "Only JSON is served (_format=json).");
            }
        });
        return parameters;
    }

    /** The parameter's one value, blank counted as absent. */
    public Optional<String> text(String name) {
        List<String> given = values.get(name);
        if (given == null || given.isEmpty() || given.getFirst() == null || given.getFirst().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(given.getFirst().strip());
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** A resource id (a UUID): {@code 3f2c...} */
    public Optional<UUID> id(String name) {
        return text(name).map(value -> uuid(name, value));
    }

    /** A reference to {@code type}: {@code Type/uuid}, or the bare uuid. */
    public Optional<UUID> reference(String name, String type) {
        return text(name).map(value -> {
            String id = value.startsWith(type + "/") ? value.substring(type.length() + 1) : value;
            if (id.contains("/")) {
                throw new InvalidSearchException(name, "Must reference a " + type + ": " + type + "/{id}.");
            }
            return uuid(name, id);
        });
    }

    /** {@code _count}: 1 .. {@value #MAX_COUNT}, default {@value #DEFAULT_COUNT}. */
    public int count() {
        int count = number("_count", DEFAULT_COUNT);
        if (count < 1 || count > MAX_COUNT) {
            throw new InvalidSearchException("_count", "Must be between 1 and " + MAX_COUNT + ".");
        }
        return count;
    }

    /** {@code _page}: 1 or greater, default 1. */
    public int page() {
        int page = number("_page", 1);
        if (page < 1) {
            throw new InvalidSearchException("_page", "Must be 1 or greater.");
        }
        return page;
    }

    /**
     * The dates of a Slot search: exactly one {@code start=geYYYY-MM-DD} and one {@code start=ltYYYY-MM-DD}
     * (dates in the doctor's time zone; {@code gt}/{@code le} are taken as the next day's {@code ge}/{@code lt}),
     * at most {@value #MAX_SLOT_DAYS} days apart.
     */
    public DateRange startRange() {
        List<String> starts = all("start");
        LocalDate from = null;
        LocalDate until = null;
        for (String raw : starts) {
            String value = raw == null ? "" : raw.strip();
            if (value.length() < 3) {
                throw new InvalidSearchException("start", "Must be geYYYY-MM-DD or ltYYYY-MM-DD, not '" + value + "'.");
            }
            String prefix = value.substring(0, 2);
            LocalDate date = date("start", value.substring(2));
            switch (prefix) {
                case "ge", "gt" -> {
                    if (from != null) {
                        throw new InvalidSearchException("start", "Give one lower bound (ge).");
                    }
                    from = prefix.equals("ge") ? date : date.plusDays(1);
                }
                case "lt", "le" -> {
                    if (until != null) {
                        throw new InvalidSearchException("start", "Give one upper bound (lt).");
                    }
                    until = prefix.equals("lt") ? date : date.plusDays(1);
                }
                default -> throw new InvalidSearchException("start",
                        "Must be geYYYY-MM-DD or ltYYYY-MM-DD (prefix ge, gt, lt or le), not '" + value + "'.");
            }
        }
        if (from == null || until == null) {
            throw new InvalidSearchException("start",
                    "Give the range as start=geYYYY-MM-DD&start=ltYYYY-MM-DD (at most " + MAX_SLOT_DAYS + " days).");
        }
        if (!until.isAfter(from)) {
            throw new InvalidSearchException("start", "The upper bound must be after the lower bound.");
        }
        if (from.plusDays(MAX_SLOT_DAYS).isBefore(until)) {
            throw new InvalidSearchException("start", "The range may cover at most " + MAX_SLOT_DAYS + " days.");
        }
        return new DateRange(from, until);
    }

    /** Dates [from, until). */
    public record DateRange(LocalDate from, LocalDate until) {
    }

    /**
     * The bounds of an Appointment search by {@code date} (the appointment's date in the doctor's time zone): at
     * most one lower bound ({@code ge}, {@code gt}) and one upper bound ({@code lt}, {@code le}), or one exact date
     * (no prefix, or {@code eq}). Either bound may be missing; both are inclusive here.
     */
    public DateBounds dateBounds(String name) {
        LocalDate from = null;
        LocalDate to = null;
        boolean exact = false;
        for (String raw : all(name)) {
            String value = raw == null ? "" : raw.strip();
            boolean prefixed = !value.isEmpty() && Character.isLetter(value.charAt(0));
            String prefix = prefixed ? value.substring(0, Math.min(2, value.length())) : "eq";
            if (!DATE_PREFIXES.contains(prefix)) {
                throw new InvalidSearchException(name, "Must be YYYY-MM-DD with prefix eq, ge, gt, lt or le, not '"
                        + value + "'.");
            }
            LocalDate date = date(name, prefixed ? value.substring(prefix.length()) : value);
            boolean lower = prefix.equals("ge") || prefix.equals("gt");
            boolean upper = prefix.equals("lt") || prefix.equals("le");
            if (exact || (prefix.equals("eq") && (from != null || to != null)) || (lower && from != null)
                    || (upper && to != null)) {
                throw new InvalidSearchException(name, "Give one exact date, or at most one lower (ge, gt) and one "
                        + "upper (lt, le) bound.");
            }
            switch (prefix) {
                case "ge" -> from = date;
                case "gt" -> from = date.plusDays(1);
                case "lt" -> to = date.minusDays(1);
                case "le" -> to = date;
                default -> {
                    from = date;
                    to = date;
                    exact = true;
                }
            }
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidSearchException(name, "The upper bound must not be before the lower bound.");
        }
        return new DateBounds(from, to);
    }

    /** Dates [from, to], either end open when null. */
    public record DateBounds(LocalDate from, LocalDate to) {
    }

    private int number(String name, int fallback) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new InvalidSearchException(name, "Must be a whole number.");
        }
    }

    private static UUID uuid(String name, String value) {
        if (!UUID_TEXT.matcher(value).matches()) {
            throw new InvalidSearchException(name, "Must be an id of this server (a UUID).");
        }
        return UUID.fromString(value);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value, DATE);
        } catch (DateTimeException e) {
            throw new InvalidSearchException(name, "Must be a date YYYY-MM-DD, not '" + value + "'.");
        }
    }
}
