package io.github.auroraecho.stages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;
import io.github.auroraecho.lifecycle.Verification;
import io.github.auroraecho.testing.CliRun;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Promote's checks against the emulator, the Data API answered at the HTTP level with the rows a night's copy holds. */
@ExtendWith(EmulatorExtension.class)
class VerifyTest {
    private static final String ORDERS = "SELECT count(*) FROM orders";
    private static final String EMAILS = "SELECT count(*) FROM users WHERE email NOT LIKE '%@example.invalid'";

    /** A lifecycle whose copies are verified: orders were copied, and no real e-mail address is left. */
    private static ObjectNode verifiedDocument(TestAccount aws) {
        aws.production();
        ObjectNode doc = TestAccount.document("staging", "prod", aws.zone("example.com"));
        doc.put("manageMasterUserPassword", true);
        var checks = doc.putArray("verify");
        checks.addObject().put("name", "no real e-mail addresses").put("sql", EMAILS).put("database", "app").put("expect", 0);
        checks.addObject().put("name", "orders copied").put("sql", ORDERS).put("database", "app").put("atLeast", 1000);
        return doc;
    }

    private static Copy copy(TestAccount aws, String name) {
        return aws.copies("staging").stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static String record(TestAccount aws, ObjectNode doc) {
        return aws.cname(doc.get("hostedZoneIds").get(0).asText(), "db.staging.example.com").orElse(null);
    }

    @Test
    void aCopyThatPassesItsChecksIsServedAndCarriesTheTimeAndTheValues(TestAccount aws) {
        ObjectNode doc = verifiedDocument(aws);
        aws.dataApi().answer(EMAILS, 0L);
        aws.dataApi().answer(ORDERS, 1500L);

        Result promoted = aws.night(doc, Operation.NEW);

        assertEquals(Outcome.CHANGED, promoted.outcome(), promoted.message());
        assertEquals(List.of(EMAILS, ORDERS), aws.dataApi().sent(), "each check ran once, in order");
        assertEquals(0, aws.calls().count("BeginTransaction"), "a check needs no transaction");
        assertTrue(promoted.message().contains("its checks passed: \"no real e-mail addresses\" found 0, "
                + "\"orders copied\" found 1500"), promoted.message());
        assertEquals("{\"no real e-mail addresses\":0,\"orders copied\":1500}", promoted.toJsonNode().get("verified").toString());
        Copy copy = copy(aws, promoted.copy());
        assertEquals(Stage.PROMOTED, copy.stage("staging").orElseThrow());
        assertTrue(TimeTag.VERIFIED.of(copy.clusterTags(), "staging").isPresent(), copy.clusterTags().toString());
        assertTrue(copy.settings().httpEndpointEnabled(), "modify enabled the Data API for the checks");
        assertEquals(copy.endpoint(), record(aws, doc));
    }

    @Test
    void aCopyThatFailsACheckIsNeverServedAndIsRetiredAfterItsDrain(TestAccount aws) {
        ObjectNode doc = verifiedDocument(aws);
        aws.dataApi().answer(EMAILS, 0L);
        aws.dataApi().answer(ORDERS, 1500L);
        String served = aws.night(doc, Operation.NEW).copy();
        String servedEndpoint = copy(aws, served).endpoint();
        aws.advance(Duration.ofDays(1));
        assertEquals(Outcome.CHANGED, aws.run(Operation.NEW, doc).outcome());
        assertEquals(Outcome.CHANGED, aws.run(Operation.MODIFY, doc).outcome());
        // Tonight's snapshot was half empty, and the sanitizing left three real addresses.
        aws.dataApi().answer(EMAILS, 3L);
        aws.dataApi().answer(ORDERS, 5L);

        Result failed = aws.run(Operation.PROMOTE, doc);

        assertEquals(Outcome.FAILED, failed.outcome(), failed.message());
        String bad = failed.copy();
        assertTrue(failed.message().contains("check \"no real e-mail addresses\" found 3, expected 0; "
                + "check \"orders copied\" found 5, expected at least 1000"), failed.message());
        assertTrue(failed.message().contains("DNS is not moved and copy " + served + " stays served; copy " + bad
                + " is rejected (marked retired, so no promote serves it and retire deletes it after its drain of 30 minutes"),
                failed.message());
        assertEquals(servedEndpoint, record(aws, doc), "DNS still points at last night's copy");
        assertEquals(Stage.PROMOTED, copy(aws, served).stage("staging").orElseThrow(), "the served copy is not retired");
        Copy rejected = copy(aws, bad);
        assertEquals(Stage.RETIRED, rejected.stage("staging").orElseThrow());
        assertEquals(Optional.of("no real e-mail addresses"), Verification.rejectedBy(rejected.clusterTags(), "staging"));
        assertTrue(TimeTag.RETIRED.of(rejected.clusterTags(), "staging").isPresent());
        assertFalse(TimeTag.VERIFIED.of(rejected.clusterTags(), "staging").isPresent());
        assertEquals(0, aws.calls().count("ChangeResourceRecordSets") - 1, "only the first night moved DNS");

        CliRun status = CliRun.of(aws, "", "status", "-r", "us-east-1", "-n", "staging");
        assertTrue(status.out().contains(bad + "  retired (rejected: check \"no real e-mail addresses\" failed)"), status.out());
        assertTrue(CliRun.of(aws, "", "status", "-r", "us-east-1", "--json", "-n", "staging").out()
                .contains("\"rejectedBy\" : \"no real e-mail addresses\""), "status --json names the check");

        Result again = aws.run(Operation.PROMOTE, doc);

        assertEquals(Outcome.NOTHING_TO_DO, again.outcome(), again.message());
        assertTrue(again.message().contains("rejected, never served: " + bad + " (check \"no real e-mail addresses\" "
                + "failed); DNS stays at " + served), again.message());
        assertEquals(servedEndpoint, record(aws, doc));

        assertEquals(Outcome.WAITING, aws.run(Operation.RETIRE, doc).outcome(), "the rejected copy drains first");
        assertTrue(aws.cluster(bad).isPresent());
        aws.pastDrain();
        Result retired = aws.run(Operation.RETIRE, doc);
        assertEquals(Outcome.CHANGED, retired.outcome(), retired.message());
        assertTrue(aws.cluster(bad).isEmpty(), "retire deleted the rejected copy after its drain");
        assertTrue(aws.cluster(served).isPresent());

        // The next night's copy is verified afresh and, passing, served as usual.
        aws.advance(Duration.ofDays(1));
        aws.dataApi().answer(EMAILS, 0L);
        aws.dataApi().answer(ORDERS, 1200L);
        Result next = aws.night(doc, Operation.NEW);
        assertEquals(copy(aws, next.copy()).endpoint(), record(aws, doc));
        assertEquals(Stage.RETIRED, copy(aws, served).stage("staging").orElseThrow());
    }

    @Test
    void aCheckWithNoRowOrSeveralRowsFails(TestAccount aws) {
        ObjectNode doc = verifiedDocument(aws);
        aws.run(Operation.NEW, doc);
        aws.run(Operation.MODIFY, doc);
        aws.dataApi().answer(EMAILS);
        aws.dataApi().answer(ORDERS, 1500L, 1600L);

        Result failed = aws.run(Operation.PROMOTE, doc);

        assertEquals(Outcome.FAILED, failed.outcome(), failed.message());
        assertTrue(failed.message().contains("check \"no real e-mail addresses\" found no row, expected one row with 0; "
                + "check \"orders copied\" found 2 rows, expected one row with at least 1000"), failed.message());
        assertTrue(failed.message().contains("no copy is served yet"), failed.message());
        assertEquals(null, record(aws, doc));
    }

    @Test
    void aDryRunSaysWhichChecksWouldRunAndRunsNone(TestAccount aws) {
        ObjectNode doc = verifiedDocument(aws);
        aws.run(Operation.NEW, doc);
        aws.run(Operation.MODIFY, doc);
        String before = aws.state();

        Result planned = aws.run(Operation.PROMOTE, doc.deepCopy().put("dryRun", true));

        assertEquals(Outcome.PLANNED, planned.outcome(), planned.message());
        assertTrue(planned.message().contains("first it runs the checks \"no real e-mail addresses\", \"orders copied\""),
                planned.message());
        assertEquals(List.of(), aws.dataApi().sent());
        assertEquals(before, aws.state());
    }

    @Test
    void aCheckTheDatabaseCannotAnswerYetWaitsAndRejectsNothing(TestAccount aws) {
        ObjectNode doc = verifiedDocument(aws);
        aws.run(Operation.NEW, doc);
        aws.run(Operation.MODIFY, doc);
        aws.resumeDatabaseAt(EMAILS);

        Result waiting = aws.run(Operation.PROMOTE, doc);

        assertEquals(Outcome.WAITING, waiting.outcome(), waiting.message());
        assertTrue(waiting.message().contains("cannot run check \"no real e-mail addresses\" yet"), waiting.message());
        assertEquals(Stage.MODIFIED, aws.copies("staging").get(0).stage("staging").orElseThrow());
        assertEquals(null, record(aws, doc));
    }
}
