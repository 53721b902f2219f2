package io.github.auroraecho.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;

import java.util.Locale;

/**
 * The one style of the strict reader's errors, in lifecycle documents and the infra module's settings file
 * alike: {@code field "a.b[0].c" must be ..., not a list}.
 */
public final class FieldMessages {
    private FieldMessages() {
    }

    /** How an error names a field: by its path in the document. */
    public static String field(String path) {
        return "field \"" + path + "\"";
    }

    /** What was given instead of the expected type, in words. */
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
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    /** A limit as people write it: 20, not 20.0. */
    static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
