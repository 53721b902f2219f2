package io.github.auroraecho.lambda;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks a log line against CloudWatch's Embedded Metric Format specification: one JSON object on one line, one
 * {@code _aws} member with a numeric Timestamp and metric directives, every declared dimension a string member of
 * the root, every declared metric a numeric member of the root.
 */
final class EmfSpec {
    private static final JsonMapper STRICT = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
            "None");

    private EmfSpec() {
    }

    /** The line parsed, after it passed every check; the declared metric names are returned in {@code names}. */
    static JsonNode check(String line, Set<String> names) throws JsonProcessingException {
        assertFalse(line.contains("\n"), "one log event: one line");
        JsonNode root = STRICT.readTree(line);
        assertTrue(root.isObject(), "the root is an object");
        JsonNode aws = root.get("_aws");
        assertTrue(aws != null && aws.isObject(), "_aws is an object member of the root");
        assertTrue(aws.get("Timestamp").isIntegralNumber(), "Timestamp is a number (epoch milliseconds)");
        JsonNode directives = aws.get("CloudWatchMetrics");
        assertTrue(directives.isArray() && !directives.isEmpty(), "CloudWatchMetrics is a non-empty array");
        for (JsonNode directive : directives) {
            assertTrue(directive.get("Namespace").isTextual() && !directive.get("Namespace").asText().isBlank());
            for (JsonNode set : directive.get("Dimensions")) {
                assertTrue(set.isArray() && set.size() <= 30, "a dimension set is an array of at most 30");
                for (JsonNode dimension : set) {
                    JsonNode value = root.get(dimension.asText());
                    assertTrue(value != null && value.isTextual(), "dimension " + dimension + " is a string member");
                }
            }
            JsonNode metrics = directive.get("Metrics");
            assertTrue(metrics.size() <= 100, "at most 100 metrics a directive");
            for (JsonNode metric : metrics) {
                String name = metric.get("Name").asText();
                assertTrue(!name.isEmpty() && name.length() <= 1024);
                assertTrue(names.add(name), "metric " + name + " declared once");
                JsonNode value = root.get(name);
                assertTrue(value != null && value.isNumber(), "metric " + name + " is a numeric member, not " + value);
                if (metric.has("Unit")) {
                    assertTrue(UNITS.contains(metric.get("Unit").asText()), metric.get("Unit").asText());
                }
            }
        }
        return root;
    }

    static Set<String> names() {
        return new HashSet<>();
    }

    static void assertDimension(JsonNode root, String name, String value) {
        assertEquals(value, root.get(name).asText());
    }

    /**
     * The CloudWatch metrics a checked line publishes: each declared metric with each of its directive's dimension
     * sets, with the line's values, e.g. {@code Failed{Environment=dev, Lifecycle=staging}}. Each distinct one is one
     * custom metric.
     */
    static Set<String> series(JsonNode root) {
        Set<String> series = new java.util.TreeSet<>();
        for (JsonNode directive : root.get("_aws").get("CloudWatchMetrics")) {
            for (JsonNode set : directive.get("Dimensions")) {
                java.util.Map<String, String> values = new java.util.TreeMap<>();
                set.forEach(dimension -> values.put(dimension.asText(), root.get(dimension.asText()).asText()));
                directive.get("Metrics").forEach(metric -> series.add(metric.get("Name").asText() + values));
            }
        }
        return series;
    }
}
