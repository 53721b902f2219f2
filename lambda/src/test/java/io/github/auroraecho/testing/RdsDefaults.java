package io.github.auroraecho.testing;

import java.util.Locale;

/**
 * What AWS applies or compares that the request does not say, as AWS documents it, written here independently of
 * the code under test so that the IAM proof checks the policies against AWS's rules, not against themselves.
 */
final class RdsDefaults {
    private RdsDefaults() {
    }

    /** The default parameter group of an engine version: {@code default.aurora-postgresql15}, {@code default.aurora-mysql8.0}. */
    static String parameterGroup(String engine, String version) {
        return "default." + family(engine, version);
    }

    /** The default option group: {@code default:aurora-postgresql-15}, {@code default:aurora-mysql-8-0}. */
    static String optionGroup(String engine, String version) {
        return "default:" + engine + "-" + major(engine, version).replace('.', '-');
    }

    private static String family(String engine, String version) {
        return engine + major(engine, version);
    }

    /** PostgreSQL 10 and later name families by their major version; MySQL and PostgreSQL 9.x by two numbers. */
    private static String major(String engine, String version) {
        String[] parts = version.split("\\.");
        if (engine.contains("postgresql") && Integer.parseInt(parts[0]) >= 10) {
            return parts[0];
        }
        return parts[0] + "." + parts[1];
    }

    /**
     * Route 53's form for {@code route53:ChangeResourceRecordSetsNormalizedRecordNames}: lower case, without the
     * final dot, every character other than a-z, 0-9, hyphen, underscore and dot escaped as a backslash and its
     * three-digit octal code ({@code *.example.com} is {@code \052.example.com}).
     */
    static String normalizedRecordName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        StringBuilder normalized = new StringBuilder();
        for (char c : lower.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.') {
                normalized.append(c);
            } else {
                normalized.append('\\').append(String.format("%03o", (int) c));
            }
        }
        return normalized.toString();
    }
}
