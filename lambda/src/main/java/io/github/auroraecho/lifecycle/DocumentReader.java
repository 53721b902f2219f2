package io.github.auroraecho.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Reads the fields of one JSON object strictly: each value must have the expected type, and
 * {@link #rejectUnread()} turns any field nobody asked for into an error, so a typo cannot silently
 * change what a stage does.
 */
final class DocumentReader {
    private static final int MAX_STRING = 1024;

    private final JsonNode object;
    private final String path;
    private final Set<String> read = new TreeSet<>();

    DocumentReader(JsonNode object, String path) {
        if (object == null || !object.isObject()) {
            throw new InvalidInputException((path.isEmpty() ? "the document" : field(path))
                    + " must be a JSON object, not " + describe(object));
        }
        this.object = object;
        this.path = path;
    }

    String string(String name, Predicate<String> valid, String rule) {
        JsonNode node = node(name);
        if (node == null) {
            return null;
        }
        return checkedString(node, path(name), valid, rule);
    }

    /** A string longer than identifiers may be (SQL text), up to {@code maxLength} characters. */
    String text(String name, int maxLength) {
        JsonNode node = node(name);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidInputException(field(path(name)) + " must be a string, not " + describe(node));
        }
        String value = node.textValue();
        if (value.isBlank()) {
            throw new InvalidInputException(field(path(name)) + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new InvalidInputException(field(path(name)) + " is " + value.length() + " characters long; at most "
                    + maxLength + " are allowed");
        }
        return value;
    }

    String requiredString(String name, Predicate<String> valid, String rule) {
        String value = string(name, valid, rule);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    boolean bool(String name, boolean defaultValue) {
        JsonNode node = node(name);
        if (node == null) {
            return defaultValue;
        }
        if (!node.isBoolean()) {
            throw new InvalidInputException(field(path(name)) + " must be true or false, not " + describe(node));
        }
        return node.booleanValue();
    }

    double number(String name, double defaultValue, double min, double max) {
        JsonNode node = node(name);
        if (node == null) {
            return defaultValue;
        }
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw new InvalidInputException(field(path(name)) + " must be a number, not " + describe(node));
        }
        double value = node.doubleValue();
        if (value < min || value > max) {
            throw new InvalidInputException(field(path(name)) + " must be between " + format(min) + " and "
                    + format(max) + ", not " + node.asText());
        }
        return value;
    }

    long integer(String name, long defaultValue, long min, long max) {
        JsonNode node = node(name);
        if (node == null) {
            return defaultValue;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new InvalidInputException(field(path(name)) + " must be a whole number, not " + describe(node));
        }
        long value = node.longValue();
        if (value < min || value > max) {
            throw new InvalidInputException(field(path(name)) + " must be between " + min + " and " + max
                    + ", not " + value);
        }
        return value;
    }

    List<String> strings(String name, int maxItems, Predicate<String> valid, String rule) {
        JsonNode node = list(name, maxItems, "strings");
        if (node == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String value = checkedString(node.get(i), path(name) + "[" + i + "]", valid, rule);
            if (values.contains(value)) {
                throw new InvalidInputException(field(path(name)) + " lists \"" + value + "\" twice");
            }
            values.add(value);
        }
        return List.copyOf(values);
    }

    /** A JSON object of string values, in document order. */
    Map<String, String> stringMap(String name, int maxEntries, Predicate<String> validKey, String keyRule,
                                  int maxValueLength) {
        JsonNode node = node(name);
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new InvalidInputException(field(path(name)) + " must be an object of strings, not " + describe(node));
        }
        if (node.size() > maxEntries) {
            throw new InvalidInputException(field(path(name)) + " has " + node.size() + " entries; at most "
                    + maxEntries + " are allowed");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String entryPath = path(name) + "." + entry.getKey();
            if (!validKey.test(entry.getKey())) {
                throw new InvalidInputException("key \"" + entry.getKey() + "\" of " + field(path(name)) + " " + keyRule);
            }
            values.put(entry.getKey(), checkedString(entry.getValue(), entryPath,
                    v -> v.length() <= maxValueLength, "must be at most " + maxValueLength + " characters"));
        }
        return java.util.Collections.unmodifiableMap(values);
    }

    /** A list of JSON objects, each read by its own reader (path {@code name[i]}). */
    List<DocumentReader> objects(String name, int maxItems) {
        JsonNode node = list(name, maxItems, "objects");
        if (node == null) {
            return List.of();
        }
        List<DocumentReader> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new DocumentReader(node.get(i), path(name) + "[" + i + "]"));
        }
        return List.copyOf(items);
    }

    DocumentReader object(String name) {
        JsonNode node = node(name);
        return node == null ? null : new DocumentReader(node, path(name));
    }

    boolean has(String name) {
        return object.has(name) && !object.get(name).isNull();
    }

    void rejectUnread() {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!read.contains(name)) {
                throw new InvalidInputException("unknown field \"" + path(name) + "\" (known fields: "
                        + String.join(", ", read) + ")");
            }
        }
    }

    InvalidInputException missing(String name) {
        return new InvalidInputException(field(path(name)) + " is required");
    }

    /** Where this object is in the document, such as {@code sqlScripts[2]}. */
    String location() {
        return path;
    }

    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** A JSON array of at most {@code maxItems}, or null when not given. */
    private JsonNode list(String name, int maxItems, String of) {
        JsonNode node = node(name);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidInputException(field(path(name)) + " must be a list of " + of + ", not " + describe(node));
        }
        if (node.size() > maxItems) {
            throw new InvalidInputException(field(path(name)) + " has " + node.size() + " items; at most "
                    + maxItems + " are allowed");
        }
        return node;
    }

    private JsonNode node(String name) {
        read.add(name);
        JsonNode node = object.get(name);
        // null means "not given" so that generated documents can carry every field.
        return node == null || node.isNull() ? null : node;
    }

    private static String checkedString(JsonNode node, String path, Predicate<String> valid, String rule) {
        if (!node.isTextual()) {
            throw new InvalidInputException(field(path) + " must be a string, not " + describe(node));
        }
        String value = node.textValue();
        if (value.isEmpty()) {
            throw new InvalidInputException(field(path) + " must not be empty");
        }
        if (value.length() > MAX_STRING) {
            throw new InvalidInputException(field(path) + " is " + value.length() + " characters long; at most "
                    + MAX_STRING + " are allowed");
        }
        if (!valid.test(value)) {
            throw new InvalidInputException(field(path) + " " + rule + ", not \"" + value + "\"");
        }
        return value;
    }

    static String field(String path) {
        return "field \"" + path + "\"";
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        JsonNodeType type = node.getNodeType();
        return switch (type) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> type.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
