package io.github.auroraecho.lifecycle;

import java.time.Duration;

/**
 * How retire deletes a copy: after its drain period, with or without a final snapshot.
 *
 * @param drainMinutes as the document gives it; null for the default, which depends on the record's TTL
 */
public record Retirement(boolean finalSnapshot, Long drainMinutes) {
    /**
     * How long a retired copy stays after it was retired: resolvers keep the old address for the record's
     * TTL and connection pools for longer, so its clients are not cut off mid-query.
     */
    public static final long DEFAULT_DRAIN_MINUTES = 30;
    public static final long MAX_DRAIN_MINUTES = 7 * 24 * 60;

    static Retirement read(DocumentReader doc) {
        return new Retirement(doc.bool("finalSnapshot", false),
                doc.has("drainMinutes") ? doc.integer("drainMinutes", 0, 0, MAX_DRAIN_MINUTES) : null);
    }

    /** The drain with a record of this TTL: as given, else the default but never less than twice the TTL. */
    public Duration drain(long ttlSeconds) {
        return Duration.ofMinutes(drainMinutes != null ? drainMinutes
                : Math.max(DEFAULT_DRAIN_MINUTES, leastDrainMinutes(ttlSeconds)));
    }

    /** Twice the record's TTL, in whole minutes rounded up: clients still resolve the old copy for up to a TTL. */
    static long leastDrainMinutes(long ttlSeconds) {
        return (2 * ttlSeconds + 59) / 60;
    }
}
