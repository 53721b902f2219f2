package io.github.auroraecho.lifecycle;

/**
 * Where new and clone take a copy from: a cluster (its newest snapshot, or the cluster itself for a
 * clone), or one snapshot another account shares. The document holds at most one of the two.
 *
 * @param sourceClusterName a cluster of this account, or the ARN of another account's cluster that shares its snapshots
 * @param sourceSnapshotArn a snapshot shared from another account
 */
public record CopySource(String sourceClusterName, String sourceSnapshotArn) {
    static CopySource read(DocumentReader doc) {
        return new CopySource(
                doc.string("sourceClusterName", v -> Identifiers.isRdsIdentifier(v) || Identifiers.isClusterArn(v),
                        "must be an RDS cluster identifier, or the ARN of a cluster in another account that shares its snapshots"),
                doc.string("sourceSnapshotArn", Identifiers::isClusterSnapshotArn,
                        "must be a DB cluster snapshot ARN (arn:aws:rds:<region>:<account>:cluster-snapshot:<name>)"));
    }

    /** A source cluster in another account, named by ARN: its newest snapshot shared with this account is restored. */
    public boolean isSharedCluster() {
        return sourceClusterName != null && sourceClusterName.startsWith("arn:");
    }

    /** The source is another account's: a shared snapshot, named or the newest of a cluster named by ARN. */
    public boolean isShared() {
        return sourceSnapshotArn != null || isSharedCluster();
    }
}
