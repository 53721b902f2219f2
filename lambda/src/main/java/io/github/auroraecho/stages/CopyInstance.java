package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.CopyTags;
import software.amazon.awssdk.services.rds.model.DbInstanceAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.InstanceQuotaExceededException;
import software.amazon.awssdk.services.rds.model.InvalidDbClusterStateException;

import java.util.Optional;

/**
 * A copy's instance, created only once its cluster is available. RestoreDBClusterFromSnapshot (Amazon RDS API
 * Reference): "You can create DB instances only after the RestoreDBClusterFromSnapshot operation has completed
 * and the DB cluster is available"; a clone likewise (Aurora User Guide, "Cloning a volume for an Amazon Aurora
 * DB cluster"). https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_RestoreDBClusterFromSnapshot.html
 * A restored cluster stays {@code creating} for minutes, so new and clone usually leave their copy without an
 * instance; the next modify run (every 15 minutes) or new/clone run creates it here, one code path for all three.
 */
final class CopyInstance {
    private CopyInstance() {
    }

    /**
     * Creates the instance of a copy whose cluster is available; a concurrent run that created it first is fine.
     *
     * @param clusterStatus the cluster's status as RDS last reported it
     * @return empty when the instance exists now; else why the copy waits, in words for the result
     */
    static Optional<String> create(StageContext context, String name, String clusterStatus, String engine) {
        if (!Copy.AVAILABLE.equals(clusterStatus)) {
            return Optional.of(waiting(name, clusterStatus));
        }
        try {
            context.copies().createInstance(name, engine, context.config().placement(),
                    CopyTags.creation(context.config(), context.environment()));
        } catch (DbInstanceAlreadyExistsException e) {
            // A concurrent run created it first; the copy is complete either way.
        } catch (InstanceQuotaExceededException e) {
            throw RdsQuota.INSTANCES.exceeded("RDS refused the instance of copy " + name + " (its cluster stays in stage"
                    + " new, and the next modify run creates the instance once there is room)", e);
        } catch (InvalidDbClusterStateException e) {
            // RDS reported the cluster available a moment ago but does not take the instance yet.
            return Optional.of(waiting(name, "not ready (" + e.awsErrorDetails().errorMessage() + ")"));
        }
        return Optional.empty();
    }

    private static String waiting(String name, String state) {
        return "cluster " + name + " is " + state + "; its instance is created once it is available (by the next"
                + " modify run)";
    }
}
