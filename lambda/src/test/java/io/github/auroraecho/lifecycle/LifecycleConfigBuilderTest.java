package io.github.auroraecho.lifecycle;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LifecycleConfigBuilderTest {
    private static final LifecycleConfig FULL = LifecycleConfig.parse("""
            {"managedName": "qa", "region": "eu-west-1", "sourceClusterName": "prod",
             "dbSubnetGroupName": "private", "dbInstanceClass": "db.serverless",
             "serverlessV2": {"minCapacity": 0.5, "maxCapacity": 8}, "kmsKeyId": "alias/copies",
             "suffix": "b2", "tags": {"team": "data"}, "minimumAgeHours": 4, "stuckAfterHours": 2,
             "iamRoleNames": ["s3-import"], "manageMasterUserPassword": true,
             "sqlScripts": [{"sql": "UPDATE users SET email = NULL"}], "backupRetentionPeriod": 3,
             "hostedZoneIds": ["Z1"], "recordSetName": "db.qa.example.com", "ttl": 30, "finalSnapshot": true}""",
            Operation.NEW);

    @Test
    void aDryRunDiffersFromTheDocumentInDryRunOnly() {
        LifecycleConfig dry = FULL.asDryRun();

        assertFalse(FULL.dryRun());
        assertTrue(dry.dryRun());
        assertEquals(FULL, dry.toBuilder().dryRun(false).build());
    }

    @Test
    void toBuilderKeepsEverySection() {
        assertEquals(FULL, FULL.toBuilder().build());
    }

    @Test
    void aSectionNotSetIsWhatADocumentWithoutItsFieldsReads() {
        LifecycleConfig built = LifecycleConfig.builder("staging").build();

        assertEquals(LifecycleConfig.parse("{\"managedName\": \"staging\"}", Operation.MODIFY), built);
        assertEquals(20, built.timing().minimumAgeHours());
        assertEquals(60, built.dns().ttl());
        assertEquals(1, built.modification().backupRetentionPeriod());
    }

    @Test
    void eachSectionHoldsItsOwnFields() {
        assertEquals(new CopySource("prod", null), FULL.source());
        assertEquals(new Placement("private", "db.serverless", new ServerlessV2(0.5, 8), null, null, null, List.of(),
                null, null, "alias/copies", false), FULL.placement());
        assertEquals(new Labels("b2", Map.of("team", "data")), FULL.labels());
        assertEquals(new Timing(4, 2), FULL.timing());
        assertEquals(new Modification(List.of(new IamRole("s3-import", null)), true,
                List.of(new SqlScript("UPDATE users SET email = NULL", null, null)), 3), FULL.modification());
        assertEquals(new DnsRecords(List.of("Z1"), "db.qa.example.com", 30, 120), FULL.dns());
        assertEquals(new Retirement(true, null, null), FULL.retirement());
    }

    @Test
    void sectionsCopyWhatTheyAreGiven() {
        List<String> zones = new java.util.ArrayList<>(List.of("Z1"));
        DnsRecords dns = new DnsRecords(zones, "db.example.com", 60, 120);
        zones.add("Z2");

        assertEquals(List.of("Z1"), dns.hostedZoneIds());
    }
}
