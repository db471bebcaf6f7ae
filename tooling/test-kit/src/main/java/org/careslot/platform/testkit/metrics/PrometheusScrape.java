package org.careslot.platform.testkit.metrics;

import org.careslot.platform.testkit.http.ServiceHttp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of a service's {@code /actuator/prometheus} over real HTTP, read as samples: a metric name, its labels
 * and its value. A test reads a figure before and after an action and compares them.
 */
public final class PrometheusScrape {

    /** One line of the text format: {@code name{label="value",...} 1.0}. */
    public record Sample(String name, Map<String, String> labels, double value, String line) {

        boolean matches(String metric, Map<String, String> wanted) {
            return name.equals(metric) && wanted.entrySet().stream()
                    .allMatch(label -> label.getValue().equals(labels.get(label.getKey())));
        }
    }

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;
    private final List<Sample> samples;

    private PrometheusScrape(String text) {
        this.text = text;
        this.samples = parse(text);
    }

    /** GET /actuator/prometheus (no token: the endpoint is public); fails unless it answers 200. */
    public static PrometheusScrape of(ServiceHttp http) {
        ServiceHttp.Answer answer = http.get("/actuator/prometheus", null);
        if (answer.status() != 200) {
            throw new AssertionError("/actuator/prometheus answered " + answer.status() + ": " + answer.body());
        }
        return new PrometheusScrape(answer.body());
    }

    public String text() {
        return text;
    }

    public List<Sample> samples(String metric) {
        return samples.stream().filter(sample -> sample.name().equals(metric)).toList();
    }

    /** The value of the one sample of {@code metric} with these labels (others may be present), if any. */
    public OptionalDouble value(String metric, String... labelPairs) {
        Map<String, String> wanted = pairs(labelPairs);
        List<Sample> found = samples.stream().filter(sample -> sample.matches(metric, wanted)).toList();
        if (found.size() > 1) {
            throw new AssertionError("more than one sample of " + metric + wanted + ": " + found);
        }
        return found.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(found.getFirst().value());
    }

    /** Like {@link #value}, but a missing sample is a failure naming what the scrape has of that metric. */
    public double require(String metric, String... labelPairs) {
        return value(metric, labelPairs).orElseThrow(() -> new AssertionError("no sample " + metric
                + pairs(labelPairs) + " in the scrape; samples of that name: " + samples(metric)));
    }

    private static Map<String, String> pairs(String... labelPairs) {
        if (labelPairs.length % 2 != 0) {
            throw new IllegalArgumentException("label names and values come in pairs");
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            wanted.put(labelPairs[i], labelPairs[i + 1]);
        }
        return wanted;
    }

    private static List<Sample> parse(String text) {
        List<Sample> parsed = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int nameEnd = line.indexOf(' ');
            String name;
            Map<String, String> labels = new LinkedHashMap<>();
            int valueStart;
            if (brace >= 0 && (nameEnd < 0 || brace < nameEnd)) {
                name = line.substring(0, brace);
                int close = closingBrace(line, brace);
                Matcher label = LABEL.matcher(line.substring(brace + 1, close));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
                valueStart = close + 1;
            } else {
                name = line.substring(0, nameEnd);
                valueStart = nameEnd;
            }
            // a sample may end with a timestamp or an exemplar; the value is the first token after the labels
            String value = line.substring(valueStart).trim().split("\\s+")[0];
            parsed.add(new Sample(name, labels, parseValue(value), line));
        }
        return parsed;
    }

    /** The brace closing the label set opened at {@code open}, skipping quoted label values. */
    private static int closingBrace(String line, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated labels: " + line);
    }

    private static double parseValue(String value) {
        return switch (value) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }
}
