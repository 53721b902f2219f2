package io.github.auroraecho.lifecycle;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One item of {@code verify}: a read-only statement that promote runs on a copy before it points DNS at it, and
 * what the first column of its one row must be. Exactly one of {@code expect} (a value the column must equal) or
 * the bounds {@code atLeast}/{@code atMost} (either or both, numeric).
 *
 * @param name      unique in the list; a tag value names a failing check, so it keeps to RDS's tag characters
 * @param statement the statement as {@code sqlScripts} gives one (inline or an S3 object, and its database)
 * @param expect    a BigDecimal, String or Boolean; null when bounds are given
 * @param atLeast   null when not given
 * @param atMost    null when not given
 */
public record Check(String name, SqlScript statement, Object expect, BigDecimal atLeast, BigDecimal atMost) {
    public static final int MAX_NAME_LENGTH = 64;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    public Check {
        if ((expect == null) == (atLeast == null && atMost == null)) {
            throw new IllegalArgumentException("exactly one of expect and the bounds");
        }
    }

    static boolean isName(String name) {
        return name.length() <= MAX_NAME_LENGTH && NAME.matcher(name).matches();
    }

    static Check read(DocumentReader item) {
        String name = item.requiredString("name", Check::isName, "must be 1 to " + MAX_NAME_LENGTH + " letters, digits, "
                + "spaces and _ . : / = + - @, starting with a letter or digit");
        String sql = item.text("sql", Modification.MAX_SQL_LENGTH);
        String s3 = item.string("s3", Identifiers::isS3Uri, "must be an S3 object URI such as s3://bucket/check.sql");
        String database = item.string("database", Identifiers::isDatabaseName, "must be a database name");
        Object expect = item.scalar("expect");
        BigDecimal atLeast = bound(item, "atLeast");
        BigDecimal atMost = bound(item, "atMost");
        item.rejectUnread();
        if ((sql == null) == (s3 == null)) {
            throw item.invalid("must have exactly one of \"sql\" (the statement) and \"s3\" (s3://bucket/key of the statement)");
        }
        if ((expect == null) == (atLeast == null && atMost == null)) {
            throw item.invalid("must have exactly one of \"expect\" (the value the first column must equal) and the bounds "
                    + "\"atLeast\" and/or \"atMost\"");
        }
        if (atLeast != null && atMost != null && atLeast.compareTo(atMost) > 0) {
            throw item.invalid("atMost", "must not be less than atLeast (" + atLeast.toPlainString() + ")");
        }
        return new Check(name, new SqlScript(sql, s3, database), expect, atLeast, atMost);
    }

    private static BigDecimal bound(DocumentReader item, String name) {
        Object value = item.scalar(name);
        if (value != null && !(value instanceof BigDecimal)) {
            throw item.invalid(name, "must be a number, not " + describe(value));
        }
        return (BigDecimal) value;
    }

    /**
     * Why the check fails on these rows (the first column of each), in the words an operator reads; empty when it
     * passes. A check needs exactly one row: none, or several, is a failure whatever their values.
     */
    public Optional<String> failure(List<Object> firstColumns) {
        if (firstColumns.size() != 1) {
            return Optional.of("check \"" + name + "\" found " + (firstColumns.isEmpty() ? "no row" : firstColumns.size()
                    + " rows") + ", expected one row with " + expected());
        }
        Object found = firstColumns.get(0);
        return passes(found) ? Optional.empty()
                : Optional.of("check \"" + name + "\" found " + describe(found) + ", expected " + expected());
    }

    private boolean passes(Object found) {
        if (expect != null) {
            if (expect instanceof BigDecimal number) {
                return numeric(found).map(value -> value.compareTo(number) == 0).orElse(false);
            }
            // A string equals the column's text; a boolean the column's boolean (as the Data API gives it).
            return expect instanceof String text ? text.equals(found == null ? null : found.toString()) : expect.equals(found);
        }
        Optional<BigDecimal> value = numeric(found);
        return value.isPresent() && (atLeast == null || value.get().compareTo(atLeast) >= 0)
                && (atMost == null || value.get().compareTo(atMost) <= 0);
    }

    /**
     * A number column, or a DECIMAL column, which the Data API gives as text: "STRING, the default, specifies that it
     * is converted to a String value" (RDS Data API reference, ResultSetOptions, decimalReturnType,
     * https://docs.aws.amazon.com/rdsdataservice/latest/APIReference/API_ResultSetOptions.html).
     */
    private static Optional<BigDecimal> numeric(Object found) {
        if (found instanceof Long || found instanceof Integer) {
            return Optional.of(BigDecimal.valueOf(((Number) found).longValue()));
        }
        if (found instanceof Double number) {
            return Double.isFinite(number) ? Optional.of(BigDecimal.valueOf(number)) : Optional.empty();
        }
        if (found instanceof String text) {
            try {
                return Optional.of(new BigDecimal(text.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** What the check expects, as its failure says it. */
    public String expected() {
        if (expect != null) {
            return describe(expect);
        }
        if (atLeast != null && atMost != null) {
            return "between " + atLeast.toPlainString() + " and " + atMost.toPlainString();
        }
        return atLeast != null ? "at least " + atLeast.toPlainString() : "at most " + atMost.toPlainString();
    }

    private static String describe(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof Double number) {
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        return value instanceof String text ? "\"" + text + "\"" : value.toString();
    }
}
