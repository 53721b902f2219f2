package io.github.auroraecho.lifecycle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
 * change what a stage does. The one strict reader of the project: lifecycle documents here, the infra module's
 * settings file there, with one error style ({@code field "a.b[0].c" must be ...}).
 */
public final class DocumentReader {
    private static final int MAX_STRING = 1024;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final JsonNode object;
    private final String path;
    private final Set<String> read = new TreeSet<>();

    public DocumentReader(JsonNode object, String path) {
        if (object == null || !object.isObject()) {
            throw new InvalidInputException((path.isEmpty() ? "the document" : field(path))
                    + " must be a JSON object, not " + describe(object));
        }
        this.object = object;
        this.path = path;
    }

    /** Parses JSON text strictly (a key given twice or text after the value is an error); {@code what} names it. */
    public static JsonNode readTree(String text, String what) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(what + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidInputException(what + " is empty");
        }
        return root;
    }

    public String string(String name, Predicate<String> valid, String rule) {
        JsonNode node = node(name);
        if (node == null) {
            return null;
        }
        return checkedString(node, path(name), valid, rule);
    }

    /** A string longer than identifiers may be (SQL text), up to {@code maxLength} characters. */
    public String text(String name, int maxLength) {
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

    public String requiredString(String name, Predicate<String> valid, String rule) {
        String value = string(name, valid, rule);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    public boolean bool(String name, boolean defaultValue) {
        JsonNode node = node(name);
        if (node == null) {
            return defaultValue;
        }
        if (!node.isBoolean()) {
            throw new InvalidInputException(field(path(name)) + " must be true or false, not " + describe(node));
        }
        return node.booleanValue();
    }

    public double number(String name, double defaultValue, double min, double max) {
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

    public long integer(String name, long defaultValue, long min, long max) {
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

    public List<String> strings(String name, int maxItems, Predicate<String> valid, String rule) {
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
    public Map<String, String> stringMap(String name, int maxEntries, Predicate<String> validKey, String keyRule,
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
    public List<DocumentReader> objects(String name, int maxItems) {
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

    public DocumentReader object(String name) {
        JsonNode node = node(name);
        return node == null ? null : new DocumentReader(node, path(name));
    }

    public boolean has(String name) {
        return object.has(name) && !object.get(name).isNull();
    }

    /** A required JSON object, read by its own reader. */
    public DocumentReader requiredObject(String name) {
        DocumentReader value = object(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    /** Whether the field is a JSON object (fields that take one of several shapes). */
    public boolean isObject(String name) {
        return has(name) && object.get(name).isObject();
    }

    /** The names of this object's fields, in document order (for objects whose keys are data, not field names). */
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return List.copyOf(names);
    }

    /** The object as it was given, for values passed on verbatim (and checked by whoever reads them). */
    public JsonNode json() {
        return object.deepCopy();
    }

    /** An error about a field of this object, in the reader's style: {@code field "a.b" <problem>}. */
    public InvalidInputException invalid(String name, String problem) {
        return new InvalidInputException(field(path(name)) + " " + problem);
    }

    /** An error about this object as a whole. */
    public InvalidInputException invalid(String problem) {
        return new InvalidInputException((path.isEmpty() ? "the document" : field(path)) + " " + problem);
    }

    public void rejectUnread() {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!read.contains(name)) {
                throw new InvalidInputException("unknown field \"" + path(name) + "\" (known fields: "
                        + String.join(", ", read) + ")");
            }
        }
    }

    public InvalidInputException missing(String name) {
        return new InvalidInputException(field(path(name)) + " is required");
    }

    /** Where this object is in the document, such as {@code sqlScripts[2]}. */
    public String location() {
        return path;
    }

    public String path(String name) {
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

    public static String field(String path) {
        return "field \"" + path + "\"";
    }

    public static String describe(JsonNode node) {
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
