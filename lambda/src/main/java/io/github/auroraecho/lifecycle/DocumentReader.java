package io.github.auroraecho.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static io.github.auroraecho.lifecycle.FieldMessages.describe;
import static io.github.auroraecho.lifecycle.FieldMessages.field;

/**
 * Reads the fields of one JSON object strictly: each value must have the expected type ({@link FieldValue}
 * checks it), and {@link #rejectUnread()} turns any field nobody asked for into an error, so a typo cannot
 * silently change what a stage does. The one strict reader of the project: lifecycle documents here, the infra
 * module's settings file there, with one error style ({@link FieldMessages}). The text is parsed by
 * {@link StrictJson}.
 */
public final class DocumentReader {
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

    public String string(String name, Predicate<String> valid, String rule) {
        FieldValue value = value(name);
        return value == null ? null : value.string(valid, rule);
    }

    /** A string longer than identifiers may be (SQL text), up to {@code maxLength} characters. */
    public String text(String name, int maxLength) {
        FieldValue value = value(name);
        return value == null ? null : value.text(maxLength);
    }

    public String requiredString(String name, Predicate<String> valid, String rule) {
        String value = string(name, valid, rule);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    public boolean bool(String name, boolean defaultValue) {
        FieldValue value = value(name);
        return value == null ? defaultValue : value.bool();
    }

    public double number(String name, double defaultValue, double min, double max) {
        FieldValue value = value(name);
        return value == null ? defaultValue : value.number(min, max);
    }

    /** A number (as BigDecimal), string or boolean; null when not given. */
    public Object scalar(String name) {
        FieldValue value = value(name);
        return value == null ? null : value.scalar();
    }

    public long integer(String name, long defaultValue, long min, long max) {
        FieldValue value = value(name);
        return value == null ? defaultValue : value.integer(min, max);
    }

    public List<String> strings(String name, int maxItems, Predicate<String> valid, String rule) {
        List<String> values = new ArrayList<>();
        for (FieldValue item : items(name, maxItems, "strings")) {
            String value = item.string(valid, rule);
            if (values.contains(value)) {
                throw invalid(name, "lists \"" + value + "\" twice");
            }
            values.add(value);
        }
        return List.copyOf(values);
    }

    /** A JSON object of string values, in document order. */
    public Map<String, String> stringMap(String name, int maxEntries, Predicate<String> validKey, String keyRule,
                                         Predicate<String> validValue, String valueRule) {
        JsonNode node = node(name);
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw invalid(name, "must be an object of strings, not " + describe(node));
        }
        if (node.size() > maxEntries) {
            throw invalid(name, "has " + node.size() + " entries; at most " + maxEntries + " are allowed");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!validKey.test(entry.getKey())) {
                throw new InvalidInputException("key \"" + entry.getKey() + "\" of " + field(path(name)) + " " + keyRule);
            }
            FieldValue value = new FieldValue(entry.getValue(), path(name) + "." + entry.getKey());
            values.put(entry.getKey(), value.string(validValue, valueRule));
        }
        return Collections.unmodifiableMap(values);
    }

    /** A list of JSON objects, each read by its own reader (path {@code name[i]}). */
    public List<DocumentReader> objects(String name, int maxItems) {
        return items(name, maxItems, "objects").stream().map(FieldValue::object).toList();
    }

    /** The items of a JSON array of at most {@code maxItems}, each at its path {@code name[i]}; none when not given. */
    List<FieldValue> items(String name, int maxItems, String of) {
        JsonNode node = node(name);
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw invalid(name, "must be a list of " + of + ", not " + describe(node));
        }
        if (node.size() > maxItems) {
            throw invalid(name, "has " + node.size() + " items; at most " + maxItems + " are allowed");
        }
        List<FieldValue> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new FieldValue(node.get(i), path(name) + "[" + i + "]"));
        }
        return List.copyOf(items);
    }

    public DocumentReader object(String name) {
        FieldValue value = value(name);
        return value == null ? null : value.object();
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

    private FieldValue value(String name) {
        JsonNode node = node(name);
        return node == null ? null : new FieldValue(node, path(name));
    }

    private JsonNode node(String name) {
        read.add(name);
        JsonNode node = object.get(name);
        // null means "not given" so that generated documents can carry every field.
        return node == null || node.isNull() ? null : node;
    }
}
