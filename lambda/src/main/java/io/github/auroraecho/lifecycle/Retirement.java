package io.github.auroraecho.lifecycle;

import java.time.Duration;

/**
 * How retire deletes a copy: after its drain period, with or without a final snapshot, and how long it keeps the
 * final snapshots it took.
 *
 * @param drainMinutes as the document gives it; null for the default, which depends on the record's TTL
 * @param finalSnapshotRetentionDays how many days retire keeps each final snapshot it took; null to keep them all
 */
public record Retirement(boolean finalSnapshot, Long drainMinutes, Long finalSnapshotRetentionDays) {
    /**
     * How long a retired copy stays after it was retired: resolvers keep the old address for the record's
     * TTL and connection pools for longer, so its clients are not cut off mid-query.
     */
    public static final long DEFAULT_DRAIN_MINUTES = 30;
    public static final long MAX_DRAIN_MINUTES = 7 * 24 * 60;
    /** Ten years: a snapshot kept longer is an archive, which is not retire's to manage. */
    public static final long MAX_RETENTION_DAYS = 3650;

    /**
     * What retire says of a lifecycle whose final snapshots pile up. RDS allows 100 manual DB cluster
     * snapshots per account and region by default ("Quotas and constraints for Amazon Aurora",
     * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/CHAP_Limits.html).
     */
    public static final String PILING_UP = "final snapshots are kept for ever: one a night reaches RDS's default "
            + "quota of 100 manual cluster snapshots in about three months, after which deletes with a final snapshot "
            + "fail; set finalSnapshotRetentionDays";

    static Retirement read(DocumentReader doc) {
        boolean finalSnapshot = doc.bool("finalSnapshot", false);
        Long retentionDays = doc.has("finalSnapshotRetentionDays")
                ? doc.integer("finalSnapshotRetentionDays", 0, 1, MAX_RETENTION_DAYS) : null;
        if (retentionDays != null && !finalSnapshot) {
            throw new InvalidInputException(FieldMessages.field("finalSnapshotRetentionDays")
                    + " needs \"finalSnapshot\": true: it is how long retire keeps the final snapshots it takes");
        }
        return new Retirement(finalSnapshot,
                doc.has("drainMinutes") ? doc.integer("drainMinutes", 0, 0, MAX_DRAIN_MINUTES) : null, retentionDays);
    }

    /** Whether final snapshots pile up: taken every night and never deleted by retire. */
    public boolean keepsFinalSnapshots() {
        return finalSnapshot && finalSnapshotRetentionDays == null;
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
