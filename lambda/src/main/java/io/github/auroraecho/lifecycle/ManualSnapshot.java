package io.github.auroraecho.lifecycle;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A manual DB cluster snapshot of this account, as RDS describes it with its tags; retire's final snapshots are
 * among them. Only one that is both named as a final snapshot of one of the lifecycle's copies and tagged as that
 * copy was is the lifecycle's own: a name alone is anyone's to choose, and a tag alone is copied to every snapshot
 * of a tagged cluster, production's clusters too when someone tagged them by hand.
 *
 * @param clusterId the cluster the snapshot was taken of ({@code DBClusterIdentifier})
 * @param tags      the snapshot's own tags: a copy's, when it copied its tags to its snapshots
 */
public record ManualSnapshot(String id, String clusterId, Instant createdAt, Map<String, String> tags) {
    private static final String FINAL = "-final-";
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d+");

    public ManualSnapshot {
        tags = Map.copyOf(tags);
    }

    /**
     * The name retire gives the final snapshot of a copy it deletes at that time: {@code <copy>-final-<seconds>}
     * (infra's RetirePermissions allows exactly this form).
     */
    public static String finalName(String copyName, Instant at) {
        return copyName + FINAL + at.getEpochSecond();
    }

    /** Why this is not a final snapshot retire took of one of the lifecycle's copies; empty when it is one. */
    public Optional<String> notAFinalSnapshotOf(Ownership ownership) {
        String prefix = (clusterId + FINAL).toLowerCase(Locale.ROOT);
        String name = id.toLowerCase(Locale.ROOT);
        if (!name.startsWith(prefix) || !EPOCH_SECONDS.matcher(name.substring(prefix.length())).matches()) {
            return Optional.of("its name is not of the form <copy>-final-<seconds> of its cluster " + clusterId);
        }
        return ownership.notACopy(clusterId, tags).map(why -> "its cluster " + clusterId + " was no copy: " + why);
    }
}
