package io.github.auroraecho.lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LifecycleConfigTest {
    private static String newDoc(String extra) {
        return io.github.auroraecho.testing.BadInputs.newDoc(extra);
    }

    @Test
    void readsEveryFieldWithDefaults() {
        LifecycleConfig config = LifecycleConfig.parse(newDoc(""), Operation.NEW);
        assertEquals("staging", config.managedName());
        assertEquals(20, config.timing().minimumAgeHours());
        assertEquals(60, config.dns().ttl());
        assertFalse(config.dryRun());
        assertFalse(config.retirement().finalSnapshot());
        assertEquals(List.of(), config.modification().iamRoleNames());
        assertEquals("aurora-echo:staging:stage", config.stageTagKey());
        assertEquals(java.time.Duration.ofMinutes(30), config.drain());
    }

    @Test
    void anUpperCaseManagedNameIsRefusedWithItsLowerCaseForm() {
        // RDS would name the copy reporting-..., while the tag key keeps "Reporting": no later run would see it.
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LifecycleConfig.parse("{\"managedName\": \"Reporting\"}", Operation.MODIFY));
        assertEquals("field \"managedName\" must be lower case, as RDS stores cluster names: use \"reporting\", "
                + "not \"Reporting\"", e.getMessage());
        assertEquals("reporting-2", LifecycleConfig.parse("{\"managedName\": \"reporting-2\"}", Operation.MODIFY)
                .managedName());
    }

    @Test
    void aTtlWhoseDrainWouldOutlastRetiresLongestIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LifecycleConfig.parse("{\"managedName\": \"s\", \"ttl\": 2147483647}", Operation.MODIFY));
        assertEquals("field \"ttl\" must be between 0 and 172800, not 2147483647", e.getMessage());
        LifecycleConfig twoDays = LifecycleConfig.parse("{\"managedName\": \"s\", \"ttl\": 172800}", Operation.MODIFY);
        assertEquals(5760, twoDays.drain().toMinutes());
        assertTrue(twoDays.drain().toMinutes() <= Retirement.MAX_DRAIN_MINUTES);
    }

    @Test
    void tagsRdsWouldRefuseAreRefusedNamingTheTag() {
        Map<String, String> refused = Map.of(
                "{\"cost#center\": \"a\"}", "key \"cost#center\" of field \"tags\" must be 1 to 128 Unicode letters",
                "{\"team\": \"a*b\"}", "field \"tags.team\" must be at most 256 Unicode letters",
                "{\"team\": \"a;b\"}", "field \"tags.team\" must be at most 256 Unicode letters",
                "{\"rds:owner\": \"x\"}", "key \"rds:owner\" of field \"tags\"",
                "{\"AWS:owner\": \"x\"}", "key \"AWS:owner\" of field \"tags\"",
                "{\"owner\": \"rds:x\"}", "field \"tags.owner\" must be at most 256",
                "{\"" + "k".repeat(129) + "\": \"x\"}", "must be 1 to 128",
                "{\"team\": \"" + "v".repeat(257) + "\"}", "field \"tags.team\" must be at most 256",
                "{\"tab\\tkey\": \"x\"}", "key \"tab\tkey\" of field \"tags\"");
        refused.forEach((tags, expected) -> {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> LifecycleConfig.parse(newDoc("\"tags\": " + tags), Operation.NEW), tags);
            assertTrue(e.getMessage().contains(expected), tags + ": " + e.getMessage());
        });
    }

    @Test
    void tagsRdsAcceptsStayAccepted() {
        // Letters of any script, white space, digits and each of _ . : / = + - @; lengths in Unicode characters.
        String letters = "\uD835\uDC00".repeat(128); // 128 letters outside the BMP: 256 UTF-16 units
        LifecycleConfig config = LifecycleConfig.parse(newDoc("\"tags\": {\"Cost Center\": \"Ops / QA_1 + x@y.z=é\", "
                + "\"équipe\": \"données\", \"" + letters + "\": \"v\"}"), Operation.NEW);
        assertEquals("Ops / QA_1 + x@y.z=é", config.labels().tags().get("Cost Center"));
        assertEquals("données", config.labels().tags().get("équipe"));
        assertEquals("v", config.labels().tags().get(letters));
    }

    @Test
    void aRoleMayNameTheFeatureItIsFor() {
        LifecycleConfig config = LifecycleConfig.parse("""
                {"managedName": "s", "iamRoleNames": ["plain", {"name": "arn:aws:iam::123456789012:role/x",
                 "featureName": "s3Import"}]}""", Operation.MODIFY);
        assertEquals(List.of(new IamRole("plain", null), new IamRole("arn:aws:iam::123456789012:role/x", "s3Import")),
                config.modification().iamRoles());
        assertEquals(List.of("plain", "arn:aws:iam::123456789012:role/x"), config.modification().iamRoleNames());
    }

    @Test
    void rolesAreCheckedAsRdsWouldAssociateThem() {
        Map<String, String> refused = Map.of(
                "[{\"name\": \"x\"}]", "field \"iamRoleNames[0].featureName\" is required",
                "[{\"name\": \"x\", \"featureName\": \"s3Import\", \"feature\": \"y\"}]", "unknown field \"iamRoleNames[0].feature\"",
                "[{\"name\": \"x\", \"featureName\": \"s3 import\"}]", "field \"iamRoleNames[0].featureName\" must be an RDS feature name",
                "[7]", "field \"iamRoleNames[0]\" must be a string",
                "[\"x\", {\"name\": \"x\", \"featureName\": \"Lambda\"}]", "field \"iamRoleNames\" lists \"x\" twice",
                "[\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]", "field \"iamRoleNames\" has 6 items; at most 5 are allowed");
        refused.forEach((roles, expected) -> {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> LifecycleConfig.parse(
                    "{\"managedName\": \"s\", \"iamRoleNames\": " + roles + "}", Operation.MODIFY), roles);
            assertTrue(e.getMessage().startsWith(expected), roles + ": " + e.getMessage());
        });
    }

    @Test
    void aPlainRoleIsRefusedWhenTheDocumentSaysAuroraPostgresql() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LifecycleConfig.parse(newDoc(
                "\"engine\": \"aurora-postgresql\", \"iamRoleNames\": [{\"name\": \"a\", \"featureName\": \"s3Import\"}, \"b\"]"),
                Operation.MODIFY));
        assertEquals("field \"iamRoleNames[1]\" (role \"b\") has no featureName, which RDS requires to associate a role "
                + "with an aurora-postgresql cluster: give {\"name\": \"b\", \"featureName\": \"s3Import\"} with the feature "
                + "the role is for (s3Import, s3Export, Lambda, ...)", e.getMessage());
        assertEquals(List.of("b"), LifecycleConfig.parse(newDoc("\"engine\": \"aurora-mysql\", \"iamRoleNames\": [\"b\"]"),
                Operation.NEW).modification().iamRoleNames(), "Aurora MySQL takes plain roles");
    }

    @Test
    void theDefaultDrainIsNeverShorterThanTwiceTheTtl() {
        assertEquals(java.time.Duration.ofMinutes(60),
                LifecycleConfig.parse("{\"managedName\": \"s\", \"ttl\": 1800}", Operation.MODIFY).drain());
        assertEquals(3, LifecycleConfig.parse("{\"managedName\": \"s\", \"ttl\": 61, \"drainMinutes\": 3}",
                Operation.MODIFY).drain().toMinutes(), "twice 61 s, rounded up to whole minutes");
        assertEquals(0, LifecycleConfig.parse("{\"managedName\": \"s\", \"ttl\": 0, \"drainMinutes\": 0}",
                Operation.MODIFY).drain().toMinutes());
    }

    @Test
    void aFinalSnapshotRetentionIsReadOnlyWithFinalSnapshots() {
        Retirement kept = LifecycleConfig.parse("{\"managedName\": \"s\", \"finalSnapshot\": true, "
                + "\"finalSnapshotRetentionDays\": 14}", Operation.MODIFY).retirement();
        assertEquals(14L, kept.finalSnapshotRetentionDays());
        assertFalse(kept.keepsFinalSnapshots());
        assertTrue(LifecycleConfig.parse("{\"managedName\": \"s\", \"finalSnapshot\": true}", Operation.MODIFY)
                .retirement().keepsFinalSnapshots(), "final snapshots without a retention pile up");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LifecycleConfig.parse(
                "{\"managedName\": \"s\", \"finalSnapshotRetentionDays\": 14}", Operation.MODIFY));
        assertTrue(e.getMessage().startsWith("field \"finalSnapshotRetentionDays\" needs \"finalSnapshot\": true"),
                e.getMessage());
    }

    @Test
    void readsAFullDocument() {
        LifecycleConfig config = LifecycleConfig.parse("""
                {"managedName": "qa", "region": "eu-west-1", "dryRun": true, "sourceClusterName": "prod",
                 "dbSubnetGroupName": "private subnets", "dbInstanceClass": "db.serverless",
                 "serverlessV2": {"minCapacity": 0.5, "maxCapacity": 8}, "engine": "aurora-mysql",
                 "engineVersion": "8.0.mysql_aurora.3.05.2", "availabilityZone": "eu-west-1a",
                 "vpcSecurityGroupIds": ["sg-0123abcd"], "dbClusterParameterGroupName": "default.aurora-mysql8.0",
                 "dbParameterGroupName": "qa-params", "suffix": "b2", "tags": {"team": "data", "cost-center": "42"},
                 "minimumAgeHours": 0, "iamRoleNames": ["s3-import", "arn:aws:iam::123456789012:role/path/x"],
                 "hostedZoneIds": ["Z0123456789ABC"], "recordSetName": "DB.qa.example.com.", "ttl": 300,
                 "dnsSyncTimeoutSeconds": 30, "finalSnapshot": true}""", Operation.PROMOTE);
        assertEquals("eu-west-1", config.region());
        assertTrue(config.dryRun());
        assertEquals(new ServerlessV2(0.5, 8), config.placement().serverlessV2());
        assertEquals(Map.of("team", "data", "cost-center", "42"), config.labels().tags());
        assertEquals("db.qa.example.com", config.dns().recordSetName());
        assertEquals(300, config.dns().ttl());
        assertEquals(30, config.dns().dnsSyncTimeoutSeconds());
        assertEquals(List.of("Z0123456789ABC"), config.dns().hostedZoneIds());
    }

    @Test
    void acceptsAnEventBridgeEventWithTheDocumentInDetail() {
        String event = """
                {"version": "0", "id": "1", "source": "aws.scheduler", "detail-type": "Scheduled Event",
                 "account": "123456789012", "time": "2026-11-25T02:00:00Z", "region": "eu-west-1",
                 "resources": [], "detail": %s}""".formatted(newDoc(""));
        assertEquals("prod", LifecycleConfig.parse(event, Operation.NEW).source().sourceClusterName());
    }

    @Test
    void modifyNeedsOnlyTheManagedName() {
        assertEquals("staging", LifecycleConfig.parse("{\"managedName\": \"staging\"}", Operation.MODIFY).managedName());
    }

    @Test
    void documentForOneStageIsCheckedForTheFieldsOfAllStages() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LifecycleConfig.parse("{\"managedName\": \"staging\", \"ttl\": \"60\"}", Operation.MODIFY));
        assertTrue(e.getMessage().contains("\"ttl\""), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.auroraecho.testing.BadInputs#documents")
    void rejectsBadInputNamingTheField(String name, String document, Operation operation, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LifecycleConfig.parse(document, operation));
        assertTrue(e.getMessage().contains(expected), () -> "message \"" + e.getMessage() + "\" lacks \"" + expected + "\"");
    }
}
