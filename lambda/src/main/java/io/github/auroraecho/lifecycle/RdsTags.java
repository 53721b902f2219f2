package io.github.auroraecho.lifecycle;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * RDS's rules for a tag, checked before any call so that a document RDS would refuse at night is refused when it
 * is read. From the Tag data type (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_Tag.html; also
 * "Tagging Amazon Aurora and Amazon RDS resources" in the Aurora user guide): a key is "from 1 to 128 Unicode
 * characters in length and can't be prefixed with aws: or rds:", a value up to 256 with the same prefix rule, and
 * both "can only contain only the set of Unicode letters, digits, white-space, '_', '.', ':', '/', '=', '+', '-',
 * '@'" (its Java regex {@code ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$}).
 */
final class RdsTags {
    static final int MAX_KEY_LENGTH = 128;
    static final int MAX_VALUE_LENGTH = 256;
    static final String CHARACTERS = "Unicode letters, digits, white space and _ . : / = + - @";

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private RdsTags() {
    }

    static boolean isKey(String key) {
        return !key.isEmpty() && fits(key, MAX_KEY_LENGTH);
    }

    static boolean isValue(String value) {
        return fits(value, MAX_VALUE_LENGTH);
    }

    /** Lengths count Unicode characters, as RDS does, not Java's UTF-16 units. */
    private static boolean fits(String text, int maxLength) {
        return text.codePointCount(0, text.length()) <= maxLength && ALLOWED.matcher(text).matches()
                && !hasAwsPrefix(text);
    }

    /** Compared in any case: AWS reserves its prefixes whatever their case. */
    private static boolean hasAwsPrefix(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.startsWith("aws:") || lower.startsWith("rds:");
    }
}
