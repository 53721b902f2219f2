package io.github.auroraecho.emulator;

import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.rds.model.RdsException;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The emulator stops and starts a cluster as Aurora does ("Stopping and starting an Amazon Aurora DB cluster",
 * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-cluster-stop-start.html): it takes minutes
 * (describes here), the instances follow the cluster, and while the cluster is stopped RDS takes no change of its
 * configuration, no instance added or removed, and no delete while it has instances.
 */
@ExtendWith(EmulatorExtension.class)
class StoppedClusterRulesTest {

    /** The cluster's and its instance's status at each describe, until {@code last} shows. */
    private static List<String> describedUntil(TestAccount aws, String last) {
        List<String> seen = new ArrayList<>();
        for (int describes = 0; describes < 10 && (seen.isEmpty() || !seen.get(seen.size() - 1).startsWith(last)); describes++) {
            String cluster = aws.cluster("prod").orElseThrow().status();
            String instance = aws.rds().describeDBInstances(r -> r.dbInstanceIdentifier("prod-1")).dbInstances().get(0)
                    .dbInstanceStatus();
            seen.add(cluster + "/" + instance);
        }
        return seen;
    }

    @Test
    void stoppingAndStartingTakeTimeAndTheInstancesFollow(TestAccount aws) {
        aws.production();
        aws.state();
        aws.clustersCreatingFor(2);

        assertEquals("stopping", aws.rds().stopDBCluster(r -> r.dbClusterIdentifier("prod")).dbCluster().status());
        assertEquals(List.of("stopping/stopping", "stopping/stopping", "stopped/stopped"), describedUntil(aws, "stopped"));
        RdsException twice = assertThrows(RdsException.class, () -> aws.rds().stopDBCluster(r -> r.dbClusterIdentifier("prod")));
        assertEquals("InvalidDBClusterStateFault", twice.awsErrorDetails().errorCode());

        assertEquals("starting", aws.rds().startDBCluster(r -> r.dbClusterIdentifier("prod")).dbCluster().status());
        assertEquals(List.of("starting/starting", "starting/starting", "available/available"),
                describedUntil(aws, "available"));
    }

    @Test
    void aStoppedClusterRefusesChangesInstancesAndDeletionAsAwsDoes(TestAccount aws) {
        aws.production();
        aws.state();
        aws.rds().stopDBCluster(r -> r.dbClusterIdentifier("prod"));
        assertEquals(List.of("stopped/stopped"), describedUntil(aws, "stopped"));
        String arn = aws.cluster("prod").orElseThrow().dbClusterArn();

        assertRefused("InvalidDBClusterStateFault", () -> aws.rds().modifyDBCluster(r -> r.dbClusterIdentifier("prod")
                .backupRetentionPeriod(3).applyImmediately(true)));
        assertRefused("InvalidDBClusterStateFault", () -> aws.rds().createDBInstance(r -> r.dbInstanceIdentifier("prod-2")
                .dbClusterIdentifier("prod").engine("aurora-postgresql").dbInstanceClass("db.r6g.large")));
        assertRefused("InvalidDBClusterStateFault", () -> aws.rds().deleteDBInstance(r -> r.dbInstanceIdentifier("prod-1")));
        assertRefused("InvalidDBClusterStateFault", () -> aws.rds().deleteDBCluster(r -> r.dbClusterIdentifier("prod")
                .skipFinalSnapshot(true)));
        assertRefused("InvalidDBClusterStateFault", () -> aws.rds().addRoleToDBCluster(r -> r.dbClusterIdentifier("prod")
                .roleArn("arn:aws:iam::123456789012:role/s3-import").featureName("s3Import")));
        assertRefused("InvalidResourceStateFault", () -> aws.rds().enableHttpEndpoint(r -> r.resourceArn(arn)));

        aws.rds().startDBCluster(r -> r.dbClusterIdentifier("prod"));
        describedUntil(aws, "available");
        aws.rds().deleteDBInstance(r -> r.dbInstanceIdentifier("prod-1"));
        aws.rds().deleteDBCluster(r -> r.dbClusterIdentifier("prod").skipFinalSnapshot(true));
        assertEquals(java.util.Optional.empty(), aws.cluster("prod"), "started, it is deleted as any cluster");
    }

    private static void assertRefused(String code, Executable call) {
        assertEquals(code, assertThrows(RdsException.class, call).awsErrorDetails().errorCode());
    }
}
