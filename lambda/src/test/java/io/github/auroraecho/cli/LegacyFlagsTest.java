package io.github.auroraecho.cli;

import io.github.auroraecho.lifecycle.InvalidInputException;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** aurora-echo 2.x flags map onto the lifecycle document and go through the same parser. */
class LegacyFlagsTest {

    private static LifecycleConfig config(Operation operation, String... args) {
        StageArguments parsed = StageArguments.parse(operation.cliName(), List.of(args));
        return LifecycleConfig.parse(parsed.flagsDocument(), operation);
    }

    private static String error(String... args) {
        return assertThrows(InvalidInputException.class, () -> StageArguments.parse("new", List.of(args))).getMessage();
    }

    @Test
    void everyShortFlagSetsItsField() {
        LifecycleConfig config = config(Operation.NEW,
                "-n", "staging", "-r", "eu-west-1", "-s", "production", "-sub", "private", "-c", "db.r6g.large",
                "-e", "aurora-mysql", "-az", "eu-west-1a", "-sg", "sg-0123abcd", "-sg", "sg-4567ef01",
                "-t", "team=data", "-t", "purpose=qa=copy", "-h", "12.5", "-sf", "b2", "-pgn", "custom-params",
                "-iam", "s3-import", "-iam", "arn:aws:iam::123456789012:role/other", "-z", "Z1", "-z", "Z2",
                "-rs", "db.staging.example.com", "--ttl", "300");

        assertEquals("staging", config.managedName());
        assertEquals("eu-west-1", config.region());
        assertEquals("production", config.source().sourceClusterName());
        assertEquals("private", config.placement().dbSubnetGroupName());
        assertEquals("db.r6g.large", config.placement().dbInstanceClass());
        assertEquals("aurora-mysql", config.placement().engine());
        assertEquals("eu-west-1a", config.placement().availabilityZone());
        assertEquals(List.of("sg-0123abcd", "sg-4567ef01"), config.placement().vpcSecurityGroupIds());
        assertEquals(Map.of("team", "data", "purpose", "qa=copy"), config.labels().tags());
        assertEquals(12.5, config.timing().minimumAgeHours());
        assertEquals("b2", config.labels().suffix());
        assertEquals("custom-params", config.placement().dbParameterGroupName());
        assertEquals(List.of("s3-import", "arn:aws:iam::123456789012:role/other"), config.modification().iamRoleNames());
        assertEquals(List.of("Z1", "Z2"), config.dns().hostedZoneIds());
        assertEquals("db.staging.example.com", config.dns().recordSetName());
        assertEquals(300, config.dns().ttl());
        assertFalse(config.dryRun());
    }

    @Test
    void longNamesOfBoth2xSpellingsWork() {
        LifecycleConfig fromSnapshotName = config(Operation.NEW, "--managed-name", "staging",
                "--cluster-snapshot-name", "production", "--db-subnet-group-name", "private",
                "--db-instance-class", "db.r6g.large", "--minimum-age-hours", "20");
        LifecycleConfig fromSourceName = config(Operation.CLONE, "--managed-name", "staging",
                "--source-cluster-name", "production", "--db-subnet-group-name", "private",
                "--db-instance-class", "db.r6g.large", "--db-parameter-group-name", "p");
        assertEquals("production", fromSnapshotName.source().sourceClusterName());
        assertEquals("production", fromSourceName.source().sourceClusterName());
        assertEquals("p", fromSourceName.placement().dbParameterGroupName());
    }

    @Test
    void accountInteractiveDryRunAndEndpointAreNotDocumentFields() {
        StageArguments parsed = StageArguments.parse("modify", List.of("-n", "staging", "-a", "123456789012",
                "-i", "true", "--dry-run", "--endpoint", "http://127.0.0.1:5000"));
        assertEquals("123456789012", parsed.account());
        assertTrue(parsed.interactive());
        assertTrue(parsed.dryRun());
        assertEquals("{\"managedName\":\"staging\"}", parsed.flagsDocument());
        assertNull(parsed.event());
        assertFalse(StageArguments.parse("modify", List.of("-n", "staging", "-i", "false")).interactive());
    }

    @Test
    void badFlagsAreErrorsNamingTheFlag() {
        assertTrue(error("-n", "staging", "-x", "1").contains("\"-x\""), error("-n", "staging", "-x", "1"));
        assertTrue(error("--event", "doc.json", "-n", "staging").contains("cannot be mixed"));
        assertTrue(error("-n", "staging", "-h", "abc").contains("help is --help"));
        assertTrue(error("-n", "staging", "-t", "novalue").contains("KEY=VALUE"));
        assertTrue(error("-n", "staging", "-t", "a=1", "-t", "a=2").contains("twice"));
        assertTrue(error("-n", "staging", "-n", "other").contains("-n is given twice"));
        assertTrue(error("--event", "a.json", "--event", "b.json").contains("--event is given twice"));
        assertTrue(error("--event", "a.json", "--profile", "a", "--profile", "b").contains("--profile is given twice"));
        assertTrue(error("-n", "staging", "--ttl", "1.5").contains("--ttl"));
        assertTrue(error("-n", "staging", "-a", "12345").contains("12-digit"));
        assertTrue(error("-n", "staging", "-i", "maybe").contains("true or false"));
        assertTrue(error("-n").contains("-n needs a value"));
        assertTrue(error().contains("--event FILE"));
        assertTrue(error("--event", "-", "-i", "true").contains("stdin"));
    }

    @Test
    void anUpperCaseNameIsRefusedNamingTheFlagAndTheLowerCaseForm() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> config(Operation.MODIFY, "-n", "Reporting"));
        assertEquals("field \"managedName\" must be lower case, as RDS stores cluster names: use \"reporting\", not \"Reporting\"",
                e.getMessage());
        assertEquals("field \"managedName\" (-n) must be lower case, as RDS stores cluster names: use \"reporting\", "
                + "not \"Reporting\"", LegacyFlag.withFlagNames(e.getMessage()));
    }

    @Test
    void aPlainRoleOnAuroraPostgresqlIsRefusedNamingTheFlag() {
        // -iam gives no feature name, which RDS requires on Aurora PostgreSQL: such a copy needs a document.
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> config(Operation.MODIFY, "-n", "staging", "-e", "aurora-postgresql", "-iam", "s3-import"));
        assertTrue(LegacyFlag.withFlagNames(e.getMessage()).startsWith("field \"iamRoleNames[0]\" (-iam) (role \"s3-import\") "
                + "has no featureName"), LegacyFlag.withFlagNames(e.getMessage()));
    }

    @Test
    void theParsersMessagesNameTheFlagAsWellAsTheField() {
        assertEquals("field \"sourceClusterName\" (-s) is required for new",
                LegacyFlag.withFlagNames("field \"sourceClusterName\" is required for new"));
        assertEquals("field \"tags.x\" (-t) must be at most 256 characters",
                LegacyFlag.withFlagNames("field \"tags.x\" must be at most 256 characters"));
        assertEquals("field \"ttl\" (--ttl) must be between 0 and 10",
                LegacyFlag.withFlagNames("field \"ttl\" must be between 0 and 10"));
        assertEquals("field \"dnsSyncTimeoutSeconds\" is odd", LegacyFlag.withFlagNames("field \"dnsSyncTimeoutSeconds\" is odd"));
    }
}
