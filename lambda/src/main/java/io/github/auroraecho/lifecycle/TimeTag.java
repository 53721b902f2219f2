package io.github.auroraecho.lifecycle;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * A moment in a copy's life kept as a cluster tag {@code aurora-echo:<managedName>:<name>}, so every run (and
 * {@code status}) reads it from the describe results it already has. aurora-echo 2.x writes none of them.
 */
public enum TimeTag {
    /** When the snapshot was taken, or the clone made, that the copy holds: how old its data is. */
    SOURCE_POINT("source-point"),
    /** When modify moved the copy to {@code modified}. */
    MODIFIED("modified-at"),
    /** When the copy was moved to {@code retired}: its drain before deletion starts then. */
    RETIRED("retired-at"),
    /** When promote found that the copy passed the document's {@code verify} checks, before it pointed DNS at it. */
    VERIFIED("verified-at");

    private final String suffix;

    TimeTag(String suffix) {
        this.suffix = suffix;
    }

    public String key(String managedName) {
        return "aurora-echo:" + managedName + ":" + suffix;
    }

    /** The time a resource's tags record; empty when absent or not a time this tool wrote. */
    public Optional<Instant> of(Map<String, String> tags, String managedName) {
        String value = tags.get(key(managedName));
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A tag value RDS accepts (letters, digits and {@code :-}), to the second. */
    public static String value(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
