package io.github.auroraecho.lifecycle;

import java.util.Locale;

/**
 * Record names as Route 53 compares them in IAM conditions: the stack's policies grant them in this form, and the
 * IAM proof's recorder writes a call's names in it, as AWS does.
 */
public final class RecordNames {
    private RecordNames() {
    }

    /**
     * The form {@code route53:ChangeResourceRecordSetsNormalizedRecordNames} carries: lower case, without the final
     * dot, and every character other than a-z, 0-9, hyphen, underscore and dot escaped as a backslash and its
     * three-digit octal code, so a wildcard record {@code *.example.com} is {@code \052.example.com}.
     */
    public static String normalized(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        StringBuilder normalized = new StringBuilder();
        for (char c : lower.toCharArray()) {
            boolean plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
            normalized.append(plain ? String.valueOf(c) : String.format("\\%03o", (int) c));
        }
        return normalized.toString();
    }
}
