package io.github.auroraecho.stages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.SqlProgress;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.rds.model.DBCluster;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Modify's secure-copy steps against the emulator: managed secret, cluster settings, Data API and SQL. */
@ExtendWith(EmulatorExtension.class)
class SecureModifyTest {

    /** A restored copy in stage new, and a document asking for every secure step. */
    private static ObjectNode secureDocument(TestAccount aws, String... statements) {
        aws.sourceCluster("prod");
        aws.snapshot("prod", "prod-1");
        aws.rds().createDBClusterParameterGroup(r -> r.dbClusterParameterGroupName("staging-params")
                .dbParameterGroupFamily("aurora-postgresql15").description("copies"));
        ObjectNode doc = TestAccount.document("staging", "prod", "Z1");
        Result created = aws.run(Operation.NEW, doc);
        assertEquals(Outcome.CHANGED, created.outcome(), created.message());
        // A copy restored with deletion protection and a week of backups, as a production snapshot may carry.
        aws.rds().modifyDBCluster(r -> r.dbClusterIdentifier(created.copy()).deletionProtection(true)
                .backupRetentionPeriod(7).applyImmediately(true));
        doc.put("manageMasterUserPassword", true);
        doc.put("dbClusterParameterGroupName", "staging-params");
        ArrayNode scripts = doc.putArray("sqlScripts");
        for (String statement : statements) {
            if (statement.startsWith("s3://")) {
                scripts.addObject().put("s3", statement);
            } else {
                scripts.addObject().put("sql", statement).put("database", "app");
            }
        }
        aws.calls().clear();
        return doc;
    }

    @Test
    void modifyManagesThePasswordAppliesSettingsRunsTheScriptsAndReportsTheSecret(TestAccount aws) {
        String s3Script = aws.sqlObject("sanitizing-scripts", "app/sessions.sql", "DELETE FROM sessions");
        ObjectNode doc = secureDocument(aws, "UPDATE users SET email = id || '@example.invalid'", s3Script);

        Result modify = aws.run(Operation.MODIFY, doc);

        assertEquals(Outcome.CHANGED, modify.outcome(), modify.message());
        DBCluster cluster = aws.cluster(modify.copy()).orElseThrow();
        String secretArn = cluster.masterUserSecret().secretArn();
        assertNotNull(secretArn, "RDS manages the master password");
        assertTrue(modify.message().contains("master password in secret " + secretArn), modify.message());
        assertFalse(modify.toJson().contains("production-secret"), "never a password in the result");
        assertEquals("staging-params", cluster.dbClusterParameterGroup());
        assertEquals(1, cluster.backupRetentionPeriod());
        assertFalse(cluster.deletionProtection());
        assertTrue(cluster.httpEndpointEnabled());
        Copy copy = aws.copies("staging").get(0);
        assertEquals(Stage.MODIFIED, copy.stage("staging").orElseThrow());
        assertEquals("2/2", copy.clusterTags().get(SqlProgress.tagKey("staging")).split(" ")[0]);
        assertEquals(1, aws.calls().count("ModifyDBCluster"), "one modification carries every setting");
        assertEquals(1, aws.calls().count("EnableHttpEndpoint"));
        assertEquals(2, aws.calls().count("ExecuteStatement"));
        assertEquals(1, aws.calls().count("GetObject"));
    }

    @Test
    void aFailingStatementLeavesTheCopyNewAndTheFixedDocumentResumesAtIt(TestAccount aws) {
        ObjectNode doc = secureDocument(aws, "UPDATE users SET email = 'x'", "DELETE FROM sesions", "TRUNCATE audit_log");
        aws.failStatementsContaining("sesions");

        Result failed = aws.run(Operation.MODIFY, doc);

        assertEquals(Outcome.FAILED, failed.outcome(), failed.message());
        assertTrue(failed.message().contains("SQL statement 2 of 3 (DELETE FROM sesions) failed"), failed.message());
        assertTrue(failed.message().contains("relation \"sessions\" does not exist"), failed.message());
        assertTrue(failed.message().contains("the copy stays new"), failed.message());
        Copy copy = aws.copies("staging").get(0);
        assertEquals(Stage.NEW, copy.stage("staging").orElseThrow());
        assertEquals("1/3", copy.clusterTags().get(SqlProgress.tagKey("staging")).split(" ")[0]);
        assertEquals(Outcome.NOTHING_TO_DO, aws.run(Operation.PROMOTE, doc).outcome(), "a failed copy is never promoted");

        ((ObjectNode) doc.withArray("sqlScripts").get(1)).put("sql", "DELETE FROM sessions");
        aws.calls().clear();
        Result resumed = aws.run(Operation.MODIFY, doc);

        assertEquals(Outcome.CHANGED, resumed.outcome(), resumed.message());
        assertEquals(2, aws.calls().count("ExecuteStatement"), "statement 1 is not run again");
        assertEquals(0, aws.calls().count("ModifyDBCluster"), "the settings were applied by the failed run");
    }

    @Test
    void aResumingDatabaseIsWaitedForAndTheNextRunContinuesAtTheSameStatement(TestAccount aws) {
        ObjectNode doc = secureDocument(aws, "UPDATE users SET email = 'x'", "DELETE FROM sessions");
        aws.resumeDatabaseAt("sessions");

        Result waiting = aws.run(Operation.MODIFY, doc);

        assertEquals(Outcome.WAITING, waiting.outcome(), waiting.message());
        assertTrue(waiting.message().contains("continues at statement 2 of 2"), waiting.message());
        aws.stopFailingStatements();
        aws.calls().clear();
        assertEquals(Outcome.CHANGED, aws.run(Operation.MODIFY, doc).outcome());
        assertEquals(1, aws.calls().count("ExecuteStatement"));
    }

    @Test
    void aDryRunPlansEveryStepAndChangesNothing(TestAccount aws) {
        ObjectNode doc = secureDocument(aws, "UPDATE users SET email = 'x'", "DELETE FROM sessions");
        doc.put("dryRun", true);
        String before = aws.state();

        Result planned = aws.run(Operation.MODIFY, doc);

        assertEquals(Outcome.PLANNED, planned.outcome(), planned.message());
        assertEquals(List.of(), aws.calls().mutatingCalls());
        assertEquals(before, aws.state());
        List<String> changes = planned.changes();
        assertTrue(changes.get(0).startsWith("modify cluster staging-"), changes.toString());
        assertTrue(changes.get(0).contains("master password managed by RDS"), changes.toString());
        assertTrue(changes.get(0).contains("deletion protection off"), changes.toString());
        assertTrue(changes.get(1).startsWith("enable the RDS Data API"), changes.toString());
        assertTrue(changes.get(2).startsWith("run SQL statement 1"), changes.toString());
        assertTrue(changes.get(changes.size() - 1).contains(Stage.tagKey("staging") + "=modified"), changes.toString());
    }
}
