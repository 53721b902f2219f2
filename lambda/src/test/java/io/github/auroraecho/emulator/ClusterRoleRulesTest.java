package io.github.auroraecho.emulator;

import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.rds.model.DBClusterRole;
import software.amazon.awssdk.services.rds.model.RdsException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator associates roles as RDS does (AddRoleToDBCluster,
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_AddRoleToDBCluster.html): a feature name on Aurora
 * PostgreSQL, at most 5 roles a cluster (Aurora quotas), and plain roles side by side on Aurora MySQL.
 */
@ExtendWith(EmulatorExtension.class)
class ClusterRoleRulesTest {

    private static String role(String name) {
        return "arn:aws:iam::123456789012:role/" + name;
    }

    @Test
    void auroraPostgresqlNeedsAFeatureName(TestAccount aws) {
        aws.production(); // Aurora PostgreSQL
        aws.state(); // past moto's first "creating"

        RdsException e = assertThrows(RdsException.class,
                () -> aws.rds().addRoleToDBCluster(r -> r.dbClusterIdentifier("prod").roleArn(role("s3-import"))));
        assertEquals("InvalidParameterValue", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("feature-name parameter must be provided"));

        aws.rds().addRoleToDBCluster(r -> r.dbClusterIdentifier("prod").roleArn(role("s3-import")).featureName("s3Import"));
        List<DBClusterRole> roles = aws.cluster("prod").orElseThrow().associatedRoles();
        assertEquals(List.of("s3Import"), roles.stream().map(DBClusterRole::featureName).toList());
    }

    @Test
    void aClusterHasAtMostFiveRolesAndAuroraMysqlTakesPlainOnes(TestAccount aws) {
        aws.rds().createDBCluster(r -> r.dbClusterIdentifier("billing").engine("aurora-mysql").masterUsername("admin")
                .masterUserPassword("billing-secret"));
        aws.state();
        for (int i = 1; i <= 5; i++) {
            String arn = role("r" + i);
            aws.rds().addRoleToDBCluster(r -> r.dbClusterIdentifier("billing").roleArn(arn));
        }

        RdsException e = assertThrows(RdsException.class,
                () -> aws.rds().addRoleToDBCluster(r -> r.dbClusterIdentifier("billing").roleArn(role("r6"))));
        assertEquals("DBClusterRoleQuotaExceeded", e.awsErrorDetails().errorCode());
        assertEquals(5, aws.cluster("billing").orElseThrow().associatedRoles().size());
    }
}
