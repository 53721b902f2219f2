package io.github.auroraecho.stages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.SqlProgress;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.testing.CannedHttp;
import io.github.auroraecho.testing.DiesAfter;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.rds.model.DBCluster;

import java.time.Duration;
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
        assertEquals(List.of("UPDATE users SET email = id || '@example.invalid'", "DELETE FROM sessions"),
                aws.dataApi().committed(), "each statement took effect once, the S3 script as the object's text");
        assertEquals(2, aws.calls().count("CommitTransaction"));
    }

    @Test
    void aCopyOnAnEngineVersionWithoutTheDataApiFailsInWordsBeforeAnyStatement(TestAccount aws) {
        ObjectNode doc = secureDocument(aws, "UPDATE users SET email = 'x'");
        String copy = aws.copies("staging").get(0).name();
        aws.rds().modifyDBCluster(r -> r.dbClusterIdentifier(copy).engineVersion("15.2").applyImmediately(true));

        Result modify = aws.run(Operation.MODIFY, doc);

        assertEquals(Outcome.FAILED, modify.outcome(), modify.message());
        assertTrue(modify.message().contains("not offered on aurora-postgresql 15.2; AWS offers it from 15.3 on"),
                modify.message());
        assertEquals(0, aws.calls().count("EnableHttpEndpoint"));
        assertEquals(List.of(), aws.dataApi().sent(), "no statement was sent");
        assertEquals(Stage.NEW, aws.copies("staging").get(0).stage("staging").orElseThrow());
    }

    @Test
    void aCopyOnATClassIsRefusedByTheDataApiAndTheRunSaysWhy(TestAccount aws) {
        ObjectNode doc = secureDocument(aws, "UPDATE users SET email = 'x'");
        // Made by an earlier document on a T class (this one is refused when read).
        Copy copy = aws.copies("staging").get(0);
        aws.rds().modifyDBInstance(r -> r.dbInstanceIdentifier(copy.instances().get(0).id()).dbInstanceClass("db.t4g.medium")
                .applyImmediately(true));

        Result modify = aws.run(Operation.MODIFY, doc);

        assertEquals(Outcome.FAILED, modify.outcome(), modify.message());
        assertTrue(modify.message().contains("the RDS Data API refused SQL statement 1 of 1"), modify.message());
        assertTrue(modify.message().contains("the call was refused, not the statement; AWS does not offer the Data API on "
                + "T DB instance classes"), modify.message());
        assertEquals(List.of(), aws.dataApi().sent());
        assertEquals(Stage.NEW, aws.copies("staging").get(0).stage("staging").orElseThrow());
    }

    @Test
    void aTransactionWithoutAnIdFailsNamingTheCallAndRunsNothingOutsideIt(TestAccount aws) {
        ObjectNode doc = secureDocument(aws, "UPDATE users SET email = 'x'");
        aws.dataApi().answerWithout("BeginTransaction", "transactionId");

        Result modify = aws.run(Operation.MODIFY, doc);

        assertEquals(Outcome.FAILED, modify.outcome(), modify.message());
        assertTrue(modify.message().contains("the RDS Data API answered BeginTransaction without a transaction id"),
                modify.message());
        assertEquals(List.of(), aws.dataApi().sent(), "the statement never ran outside its transaction");
        assertEquals(Stage.NEW, aws.copies("staging").get(0).stage("staging").orElseThrow());
    }

    @Test
    void aCommitAnswerWithoutItsStatusFailsAndTheNextRunLearnsFromTheStepThatItCommitted(TestAccount aws) {
        ObjectNode doc = secureDocument(aws, "UPDATE users SET email = 'x'", "DELETE FROM sessions");
        aws.dataApi().answerWithout("CommitTransaction", "transactionStatus");

        Result failed = aws.run(Operation.MODIFY, doc);

        assertEquals(Outcome.FAILED, failed.outcome(), failed.message());
        assertTrue(failed.message().contains("answered CommitTransaction without a transaction status"), failed.message());
        aws.dataApi().answerAsDocumented();
        Result next = aws.run(Operation.MODIFY, doc);
        assertEquals(Outcome.CHANGED, next.outcome(), next.message());
        assertEquals(List.of("UPDATE users SET email = 'x'", "DELETE FROM sessions"), aws.dataApi().committed());
        assertEquals(aws.dataApi().committed(), aws.dataApi().sent(), "the committed statement is not run again");
    }

    @Test
    void aStepLookUpWithoutRecordsNeverReadsAsNotCommitted(TestAccount aws) {
        ObjectNode doc = secureDocument(aws, "UPDATE users SET email = 'x'");
        aws.dataApi().answerWithout("ExecuteStatement", "records");

        Result modify = aws.run(Operation.MODIFY, doc);

        assertEquals(Outcome.FAILED, modify.outcome(), modify.message());
        assertTrue(modify.message().contains("answered ExecuteStatement (the look-up of the statement's step) without its records"),
                modify.message());
        assertEquals(List.of(), aws.dataApi().sent());
    }

    @Test
    void aScriptKeptInS3RunsTheObjectsContent(TestAccount aws) {
        String s3Script = aws.sqlObject("sanitizing-scripts", "app/orders.sql", "UPDATE orders SET card = NULL");
        ObjectNode doc = secureDocument(aws, s3Script);
        // The statement fails only if what reached the Data API is the object's text, not its address.
        aws.failStatementsContaining("UPDATE orders SET card = NULL");

        Result modify = aws.run(Operation.MODIFY, doc);

        assertEquals(Outcome.FAILED, modify.outcome(), modify.message());
        assertTrue(modify.message().contains("SQL statement 1 of 1 (" + s3Script + ")"), modify.message());
    }

    @Test
    void aMissingScriptObjectFailsNamingIt(TestAccount aws) {
        ObjectNode doc = secureDocument(aws, "s3://no-such-bucket/app/missing.sql");

        Result modify = aws.run(Operation.MODIFY, doc);

        assertEquals(Outcome.FAILED, modify.outcome(), modify.message());
        assertTrue(modify.message().contains("s3://no-such-bucket/app/missing.sql"), modify.message());
        assertEquals(Stage.NEW, aws.copies("staging").get(0).stage("staging").orElseThrow());
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
        assertEquals(List.of("UPDATE users SET email = 'x'", "DELETE FROM sessions", "TRUNCATE audit_log"),
                aws.dataApi().committed(), "statement 1 is not run again, the failed one took no effect");
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
        assertEquals(List.of("UPDATE users SET email = 'x'", "DELETE FROM sessions"), aws.dataApi().committed());
    }

    @Test
    void aStatementLongerThanTheDataApisLimitRunsOnceAndTheRunWaitsForItsEnd(TestAccount aws) {
        ObjectNode doc = secureDocument(aws, "UPDATE users SET email = 'x' /* a large table */", "DELETE FROM sessions");
        // Three of the Data API's 45-s answers pass before the UPDATE is done.
        aws.slowStatementsContaining("a large table", 3);

        Result modify = aws.run(Operation.MODIFY, doc);

        assertEquals(Outcome.CHANGED, modify.outcome(), modify.message());
        assertEquals(List.of("UPDATE users SET email = 'x' /* a large table */", "DELETE FROM sessions"),
                aws.dataApi().committed());
        assertEquals(aws.dataApi().committed(), aws.dataApi().sent(), "the long statement was sent once");
    }

    @Test
    void aStatementStillRunningWhenTheRunDiesIsCommittedByTheNextRunAndNotStartedAgain(TestAccount aws) {
        ObjectNode doc = secureDocument(aws, "UPDATE users SET email = 'x' /* a large table */", "DELETE FROM sessions");
        aws.slowStatementsContaining("a large table", 3);

        // The function dies after the Data API's first 45-s answer, once the transaction is recorded on the copy.
        diesAfter(aws, doc, "AddTagsToResource");
        String progress = aws.copies("staging").get(0).clusterTags().get(SqlProgress.tagKey("staging"));
        assertEquals(3, progress.split(" ").length, "the running statement's transaction is recorded: " + progress);
        assertEquals(List.of(), aws.dataApi().committed());

        Result next = aws.run(Operation.MODIFY, doc);

        assertEquals(Outcome.CHANGED, next.outcome(), next.message());
        assertEquals(List.of("UPDATE users SET email = 'x' /* a large table */", "DELETE FROM sessions"),
                aws.dataApi().committed(), "committed once, in the transaction the dead run started");
    }

    /** The modify function's timeout with SQL (infra's AuroraEchoStack sizes it). */
    private static final Duration MODIFY_TIMEOUT = Duration.ofSeconds(900);

    @Test
    void aStatementLongerThanAWholeRunFailsAskingToSplitItInsteadOfStartingAgainEveryRun(TestAccount aws) {
        ObjectNode doc = secureDocument(aws, "UPDATE users SET email = 'x' /* a huge table */");
        // 30 of the Data API's 45-s answers: 22.5 minutes, longer than the function's 15.
        aws.slowStatementsContaining("a huge table", 30);

        Result modify = aws.runWithin(MODIFY_TIMEOUT, Operation.MODIFY, doc);

        assertEquals(Outcome.FAILED, modify.outcome(), modify.message());
        assertTrue(modify.message().contains("still runs on copy " + modify.copy() + " after a whole run of modify"),
                modify.message());
        assertTrue(modify.message().contains("split the statement"), modify.message());
        assertEquals(List.of(), aws.dataApi().committed());
        String progress = aws.copies("staging").get(0).clusterTags().get(SqlProgress.tagKey("staging"));
        assertEquals(2, progress.split(" ").length, "no transaction is left for the next run: " + progress);
    }

    @Test
    void aStatementStartedLateInARunIsRolledBackByTheDataApiAndRunsAgainFirstInTheNextRun(TestAccount aws) {
        ObjectNode doc = secureDocument(aws, "UPDATE users SET email = 'x' /* a large table */",
                "DELETE FROM sessions /* many rows */");
        aws.slowStatementsContaining("a large table", 15);
        aws.slowStatementsContaining("many rows", 5);

        Result first = aws.runWithin(MODIFY_TIMEOUT, Operation.MODIFY, doc);

        assertEquals(Outcome.WAITING, first.outcome(), first.message());
        assertTrue(first.message().contains("rolls its transaction back three minutes after this run's last call"),
                first.message());
        // The next scheduled run, 15 minutes later: the transaction was idle for more than three minutes.
        aws.advance(Duration.ofMinutes(15));
        Result next = aws.runWithin(MODIFY_TIMEOUT, Operation.MODIFY, doc);

        assertEquals(Outcome.CHANGED, next.outcome(), next.message());
        assertEquals(List.of("UPDATE users SET email = 'x' /* a large table */", "DELETE FROM sessions /* many rows */"),
                aws.dataApi().committed(), "each took effect once");
        assertEquals(List.of("UPDATE users SET email = 'x' /* a large table */", "DELETE FROM sessions /* many rows */",
                "DELETE FROM sessions /* many rows */"), aws.dataApi().sent(), "the rolled-back statement ran again");
    }

    @Test
    void aStatementWhoseAnswerIsLostRunsAgainAndTakesEffectOnce(TestAccount aws) {
        ObjectNode doc = secureDocument(aws, "UPDATE users SET email = 'x'", "DELETE FROM sessions");

        // The statement reaches the Data API and runs; the function dies before its answer arrives.
        diesAfter(aws, doc, "UPDATE users");
        assertEquals(List.of(), aws.dataApi().committed(), "a transaction nobody commits takes no effect");

        Result next = aws.run(Operation.MODIFY, doc);

        assertEquals(Outcome.CHANGED, next.outcome(), next.message());
        assertEquals(List.of("UPDATE users SET email = 'x'", "DELETE FROM sessions"), aws.dataApi().committed());
    }

    @Test
    void aLongStatementWhoseTransactionExpiredRunsAgainOnce(TestAccount aws) {
        longStatementWhoseTransactionExpired(aws);
    }

    @Test
    void anExpiredTransactionIsKnownAlsoByTheDataApisOlderBadRequest(TestAccount aws) {
        aws.dataApi().answerGoneTransactionsAsBadRequest();
        longStatementWhoseTransactionExpired(aws);
    }

    private static void longStatementWhoseTransactionExpired(TestAccount aws) {
        ObjectNode doc = secureDocument(aws, "UPDATE users SET email = 'x' /* a large table */");
        aws.slowStatementsContaining("a large table", 2);
        diesAfter(aws, doc, "AddTagsToResource");
        // The next scheduled run, 15 minutes later: no call used the transaction for three minutes, so the Data API rolled it back.
        aws.advance(Duration.ofMinutes(15));

        Result next = aws.run(Operation.MODIFY, doc);

        assertEquals(Outcome.CHANGED, next.outcome(), next.message());
        assertEquals(List.of("UPDATE users SET email = 'x' /* a large table */"), aws.dataApi().committed());
    }

    /** Runs modify on clients whose function dies right after the request containing the text took effect. */
    private static void diesAfter(TestAccount aws, ObjectNode doc, String text) {
        try (AwsClients dying = aws.clientsOverHttp(real -> new DiesAfter(real, request -> CannedHttp.body(request).contains(text)))) {
            aws.run(dying, Operation.MODIFY, doc.toString());
        } catch (RuntimeException e) {
            // The death escaped as the run's own failure: the same as the function dying.
        }
    }
}
