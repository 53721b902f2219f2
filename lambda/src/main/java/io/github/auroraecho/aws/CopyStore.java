package io.github.auroraecho.aws;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.IamRole;
import io.github.auroraecho.lifecycle.ManualSnapshot;
import io.github.auroraecho.lifecycle.Ownership;
import io.github.auroraecho.lifecycle.Placement;
import io.github.auroraecho.lifecycle.SqlProgress;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The clusters and instances the stages read and change, in the lifecycle model's terms. {@link RdsCopies}
 * is RDS; tests of the stage rules use an in-memory one. Failures are RDS's own exceptions (such as
 * {@code DbClusterAlreadyExistsException}), which the stages handle; every write goes through {@link Changes},
 * so a dry run changes nothing.
 */
public interface CopyStore {

    /**
     * The copies of one lifecycle by the ownership rule, with their instances, and the resources that carry
     * its stage tag without being one of its copies.
     */
    Ownership.Found list(Ownership ownership);

    /** The copies {@link #list} last returned, empty when it was not called: a run's metrics come from it. */
    Optional<List<Copy>> lastListed();

    /** One copy read again, after a step changed it; empty when the cluster is gone. */
    Optional<Copy> reread(Copy copy);

    /** Any cluster by identifier, whether or not it is a copy; its instances are not read (the list is empty). */
    Optional<Copy> cluster(String clusterId);

    /**
     * A cluster a clone is made from: its engine and version, and the latest time a point-in-time restore of it reaches,
     * which is when the data of a clone made now is from; empty when the cluster does not exist.
     */
    Optional<CloneSource> cloneSource(String clusterId);

    /**
     * @param latestRestorableTime RDS's {@code LatestRestorableTime} of the cluster; null when RDS does not say
     */
    record CloneSource(String engine, String engineVersion, Instant latestRestorableTime) {
    }

    /** The newest snapshot with status {@code available} of a cluster of this account, manual or automated. */
    Optional<DBClusterSnapshot> newestAvailableSnapshot(String sourceClusterId);

    /** Every snapshot other accounts share with this one. */
    List<DBClusterSnapshot> sharedSnapshots();

    /**
     * Restores a cluster from a snapshot, tagged from its first moment.
     *
     * @param shared true for a snapshot of another account, which RDS takes only by its ARN
     */
    void restoreFromSnapshot(String name, DBClusterSnapshot snapshot, boolean shared, Placement placement,
                             Map<String, String> tags);

    /** A copy-on-write clone at the latest restorable time; the tags are given so it never inherits the source's. */
    void cloneCluster(String name, String sourceClusterName, Placement placement, Map<String, String> tags);

    void createInstance(String name, String engine, Placement placement, Map<String, String> tags);

    /** Writes the stage on the cluster and on every instance that does not carry it yet. */
    default void setStage(Copy copy, String managedName, Stage stage) {
        setStage(copy, managedName, stage, Map.of());
    }

    /**
     * Writes the stage as {@link #setStage(Copy, String, Stage)} does, and in the same call on the cluster the
     * given times as {@link io.github.auroraecho.lifecycle.CopyTags#times} decides (once written, a time stays what it first was while the copy
     * stays in the stage). The stage tag goes along with a time even when unchanged: the roles allow tagging only
     * with it.
     */
    default void setStage(Copy copy, String managedName, Stage stage, Map<TimeTag, Instant> times) {
        setStage(copy, managedName, stage, times, Map.of());
    }

    /**
     * Writes the stage and times as {@link #setStage(Copy, String, Stage, Map)} does and, in the same call on the
     * cluster, the given marks (such as the check that rejected the copy) whatever the cluster carries.
     */
    void setStage(Copy copy, String managedName, Stage stage, Map<TimeTag, Instant> times, Map<String, String> marks);

    void addRole(Copy copy, IamRole role);

    /** Applies the change at once, not in the next maintenance window. */
    void modifyCluster(Copy copy, ClusterChange change);

    /** Turns on the RDS Data API. */
    void enableHttpEndpoint(Copy copy);

    /** Records on the cluster how many SQL scripts have run. */
    void setSqlProgress(Copy copy, String managedName, SqlProgress progress);

    /** Stops the cluster with its instances; RDS takes it only from {@code available}. */
    void stopCluster(Copy copy);

    /** Starts a stopped cluster with its instances. */
    void startCluster(Copy copy);

    void deleteInstance(Copy copy, Copy.Instance instance);

    void deleteCluster(Copy copy, boolean finalSnapshot, Instant now);

    /** Every manual cluster snapshot of this account and region (all pages), with its tags. */
    List<ManualSnapshot> manualSnapshots();

    void deleteSnapshot(ManualSnapshot snapshot);
}
