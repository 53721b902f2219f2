package io.github.auroraecho.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.Predicate;

import static io.github.auroraecho.lifecycle.FieldMessages.describe;
import static io.github.auroraecho.lifecycle.FieldMessages.field;

/**
 * One given value of a document at its path ({@code tags.team}, {@code iamRoleNames[2]}), checked against the
 * type and limits its field expects. {@link DocumentReader} finds the values; this checks each one.
 */
record FieldValue(JsonNode node, String path) {
    /** Identifiers, names and ARNs: longer text is a mistake, not a value AWS would take. */
    static final int MAX_STRING = 1024;

    String string(Predicate<String> valid, String rule) {
        String value = textual();
        if (value.isEmpty()) {
            throw invalid("must not be empty");
        }
        checkLength(value, MAX_STRING);
        if (!valid.test(value)) {
            throw invalid(rule + ", not \"" + value + "\"");
        }
        return value;
    }

    /** A string longer than identifiers may be (SQL text), up to {@code maxLength} characters. */
    String text(int maxLength) {
        String value = textual();
        if (value.isBlank()) {
            throw invalid("must not be blank");
        }
        checkLength(value, maxLength);
        return value;
    }

    boolean bool() {
        if (!node.isBoolean()) {
            throw invalid("must be true or false, not " + describe(node));
        }
        return node.booleanValue();
    }

    double number(double min, double max) {
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw invalid("must be a number, not " + describe(node));
        }
        double value = node.doubleValue();
        if (value < min || value > max) {
            throw invalid("must be between " + FieldMessages.format(min) + " and " + FieldMessages.format(max)
                    + ", not " + node.asText());
        }
        return value;
    }

    long integer(long min, long max) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw invalid("must be a whole number, not " + describe(node));
        }
        long value = node.longValue();
        if (value < min || value > max) {
            throw invalid("must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    /** A number, string or boolean, as a value to compare with: BigDecimal, String or Boolean. */
    Object scalar() {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual() || node.isBoolean()) {
            return node.isTextual() ? node.textValue() : node.booleanValue();
        }
        throw invalid("must be a number, a string or true or false, not " + describe(node));
    }

    boolean isObject() {
        return node.isObject();
    }

    /** The value as an object whose own fields are read strictly. */
    DocumentReader object() {
        return new DocumentReader(node, path);
    }

    InvalidInputException invalid(String problem) {
        return new InvalidInputException(field(path) + " " + problem);
    }

    private String textual() {
        if (!node.isTextual()) {
            throw invalid("must be a string, not " + describe(node));
        }
        return node.textValue();
    }

    private void checkLength(String value, int maxLength) {
        if (value.length() > maxLength) {
            throw invalid("is " + value.length() + " characters long; at most " + maxLength + " are allowed");
        }
    }
}
