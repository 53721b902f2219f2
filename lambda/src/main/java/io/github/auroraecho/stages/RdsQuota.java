package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.RefusedException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * RDS's per-account, per-region quotas that making and retiring copies can reach. "Quotas and constraints for
 * Amazon Aurora" (Aurora User Guide): "After a quota for a resource has been reached, additional calls to create
 * that resource fail with an exception"; by default 40 DB clusters, 40 DB instances and 100 manual DB cluster
 * snapshots, a final snapshot included. https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/CHAP_Limits.html
 * The refusal says which quota, and what to do, instead of RDS's bare error code (DBClusterQuotaExceededFault even
 * comes as HTTP 403, like a missing permission).
 */
enum RdsQuota {
    CLUSTERS("DB clusters", 40, "delete DB clusters nobody uses"),
    INSTANCES("DB instances", 40, "delete DB instances nobody uses"),
    MANUAL_CLUSTER_SNAPSHOTS("Manual DB cluster snapshots", 100,
            "delete manual DB cluster snapshots nobody needs (final snapshots of retired copies are named <copy>-final-<time>)");

    private final String name;
    private final int defaultLimit;
    private final String free;

    RdsQuota(String name, int defaultLimit, String free) {
        this.name = name;
        this.defaultLimit = defaultLimit;
        this.free = free;
    }

    /** The run's failure: what was refused, the quota by its name in Service Quotas, and the two ways out. */
    RefusedException exceeded(String refused, AwsServiceException e) {
        return new RefusedException(words(refused, e));
    }

    String words(String refused, AwsServiceException e) {
        return refused + ": the account has reached its RDS quota \"" + name + "\" in this region (" + defaultLimit
                + " by default; " + e.awsErrorDetails().errorCode() + "): " + free
                + ", or request an increase of the quota in Service Quotas (Amazon Relational Database Service)";
    }
}
