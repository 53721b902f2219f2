package io.github.auroraecho.lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static io.github.auroraecho.testing.BadInputs.newDoc;
import static io.github.auroraecho.testing.BadInputs.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The secure-copy fields: managed password, sanitizing SQL, encryption key and shared sources. */
class SecureCopyConfigTest {
    private static final String SNAPSHOT_ARN = "arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:prod-2026-11-25";

    private static String modifyDoc(String extra) {
        return "{\"managedName\": \"staging\", " + extra + "}";
    }

    @Test
    void defaultsKeepACopyDeletableWithOneDayOfBackups() {
        LifecycleConfig config = LifecycleConfig.parse(modifyDoc("\"dryRun\": false"), Operation.MODIFY);
        assertEquals(1, config.modification().backupRetentionPeriod());
        assertFalse(config.modification().manageMasterUserPassword());
        assertEquals(List.of(), config.modification().sqlScripts());
        assertNull(config.placement().kmsKeyId());
    }

    @Test
    void readsSqlScriptsInlineAndFromS3InOrder() {
        LifecycleConfig config = LifecycleConfig.parse(modifyDoc("""
                "manageMasterUserPassword": true, "backupRetentionPeriod": 7, "deletionProtection": false,
                "sqlScripts": [{"sql": "UPDATE users SET email = id || '@example.invalid'", "database": "app"},
                               {"s3": "s3://sanitizing-scripts/app/drop-payments.sql"}]"""), Operation.MODIFY);
        assertTrue(config.modification().manageMasterUserPassword());
        assertEquals(7, config.modification().backupRetentionPeriod());
        assertEquals(List.of(new SqlScript("UPDATE users SET email = id || '@example.invalid'", null, "app"),
                new SqlScript(null, "s3://sanitizing-scripts/app/drop-payments.sql", null)), config.modification().sqlScripts());
        assertEquals("sanitizing-scripts", config.modification().sqlScripts().get(1).bucket());
        assertEquals("app/drop-payments.sql", config.modification().sqlScripts().get(1).key());
    }

    @Test
    void asDryRunKeepsEverySecureField() {
        LifecycleConfig config = LifecycleConfig.parse(newDoc("""
                "kmsKeyId": "alias/staging", "manageMasterUserPassword": true, "backupRetentionPeriod": 3,
                "sqlScripts": [{"sql": "DELETE FROM sessions"}]"""), Operation.NEW);
        LifecycleConfig dry = config.asDryRun();
        assertTrue(dry.dryRun());
        assertEquals("alias/staging", dry.placement().kmsKeyId());
        assertTrue(dry.modification().manageMasterUserPassword());
        assertEquals(3, dry.modification().backupRetentionPeriod());
        assertEquals(config.modification().sqlScripts(), dry.modification().sqlScripts());
    }

    @Test
    void aSharedSnapshotReplacesTheSourceClusterForNew() {
        LifecycleConfig config = LifecycleConfig.parse("""
                {"managedName": "staging", "sourceSnapshotArn": "%s", "dbSubnetGroupName": "default",
                 "dbInstanceClass": "db.r6g.large", "kmsKeyId": "arn:aws:kms:eu-west-1:123456789012:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"}"""
                .formatted(SNAPSHOT_ARN), Operation.NEW);
        assertEquals(SNAPSHOT_ARN, config.source().sourceSnapshotArn());
        assertNull(config.source().sourceClusterName());
    }

    @Test
    void aClusterArnAsSourceMeansItsNewestSharedSnapshot() {
        LifecycleConfig config = LifecycleConfig.parse(newDoc("").replace("\"prod\"",
                "\"arn:aws:rds:eu-west-1:111122223333:cluster:prod\""), Operation.NEW);
        assertTrue(config.source().isSharedCluster());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0", "mrk-0123456789abcdef0123456789abcdef", "alias/staging-copies",
            "arn:aws:kms:eu-west-1:123456789012:alias/staging", "arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"})
    void acceptsEveryFormOfKmsKey(String key) {
        assertEquals(key, LifecycleConfig.parse(newDoc("\"kmsKeyId\": \"" + key + "\""), Operation.NEW).placement().kmsKeyId());
    }

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                Arguments.of("SQL without a managed secret", modifyDoc("\"sqlScripts\": [{\"sql\": \"DELETE FROM sessions\"}]"),
                        Operation.MODIFY, "\"sqlScripts\" needs \"manageMasterUserPassword\": true"),
                Arguments.of("SQL with the managed secret off", modifyDoc("\"manageMasterUserPassword\": false, \"sqlScripts\": [{\"sql\": \"DELETE FROM sessions\"}]"),
                        Operation.PROMOTE, "\"sqlScripts\" needs \"manageMasterUserPassword\": true"),
                Arguments.of("script with both", modifyDoc("\"manageMasterUserPassword\": true, \"sqlScripts\": [{\"sql\": \"SELECT 1\", \"s3\": \"s3://bucket1/k\"}]"),
                        Operation.MODIFY, "\"sqlScripts[0]\" must have exactly one of"),
                Arguments.of("script with neither", modifyDoc("\"manageMasterUserPassword\": true, \"sqlScripts\": [{\"database\": \"app\"}]"),
                        Operation.MODIFY, "\"sqlScripts[0]\" must have exactly one of"),
                Arguments.of("script as string", modifyDoc("\"manageMasterUserPassword\": true, \"sqlScripts\": [\"DELETE FROM x\"]"),
                        Operation.MODIFY, "\"sqlScripts[0]\" must be a JSON object"),
                Arguments.of("script typo", modifyDoc("\"manageMasterUserPassword\": true, \"sqlScripts\": [{\"sq\": \"DELETE FROM x\"}]"),
                        Operation.MODIFY, "unknown field \"sqlScripts[0].sq\""),
                Arguments.of("blank SQL", modifyDoc("\"manageMasterUserPassword\": true, \"sqlScripts\": [{\"sql\": \"  \"}]"),
                        Operation.MODIFY, "\"sqlScripts[0].sql\" must not be blank"),
                Arguments.of("bad S3 URI", modifyDoc("\"manageMasterUserPassword\": true, \"sqlScripts\": [{\"s3\": \"https://b1/k\"}]"),
                        Operation.MODIFY, "\"sqlScripts[0].s3\" must be an S3 object URI"),
                Arguments.of("SQL and 46 tags", newDoc("\"manageMasterUserPassword\": true, \"sqlScripts\": [{\"sql\": \"SELECT 1\"}], \"tags\": {" + tags(46) + "}"),
                        Operation.NEW, "with sqlScripts at most 45"),
                Arguments.of("deletion protection on", modifyDoc("\"deletionProtection\": true"), Operation.MODIFY,
                        "\"deletionProtection\" can only be false"),
                Arguments.of("retention 0", modifyDoc("\"backupRetentionPeriod\": 0"), Operation.MODIFY, "\"backupRetentionPeriod\" must be between 1 and 35"),
                Arguments.of("retention 36", modifyDoc("\"backupRetentionPeriod\": 36"), Operation.MODIFY, "\"backupRetentionPeriod\" must be between 1 and 35"),
                Arguments.of("bad key", newDoc("\"kmsKeyId\": \"my key\""), Operation.NEW, "\"kmsKeyId\" must be a KMS key"),
                Arguments.of("bad snapshot ARN", newDoc("\"sourceSnapshotArn\": \"prod-2026\"").replace("\"sourceClusterName\": \"prod\", ", ""),
                        Operation.NEW, "\"sourceSnapshotArn\" must be a DB cluster snapshot ARN"),
                Arguments.of("cluster ARN as snapshot", newDoc("\"sourceSnapshotArn\": \"arn:aws:rds:eu-west-1:111122223333:cluster:prod\"")
                        .replace("\"sourceClusterName\": \"prod\", ", ""), Operation.NEW, "\"sourceSnapshotArn\" must be a DB cluster snapshot ARN"),
                Arguments.of("both sources", newDoc("\"sourceSnapshotArn\": \"" + SNAPSHOT_ARN + "\""), Operation.NEW, "exclude each other"),
                Arguments.of("snapshot for clone", newDoc("\"sourceSnapshotArn\": \"" + SNAPSHOT_ARN + "\"").replace("\"sourceClusterName\": \"prod\", ", ""),
                        Operation.CLONE, "\"sourceClusterName\" is required for clone"),
                Arguments.of("cluster ARN for clone", newDoc("").replace("\"prod\"", "\"arn:aws:rds:eu-west-1:111122223333:cluster:prod\""),
                        Operation.CLONE, "must be a cluster of this account for clone"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDocuments")
    void rejectsBadInputNamingTheField(String name, String document, Operation operation, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LifecycleConfig.parse(document, operation));
        assertTrue(e.getMessage().contains(expected), () -> "message \"" + e.getMessage() + "\" lacks \"" + expected + "\"");
    }
}
