package io.github.auroraecho.stages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import software.amazon.awssdk.services.rds.model.Tag;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rollback against the emulator: after a promote, back to yesterday's copy, once. */
@ExtendWith(EmulatorExtension.class)
class RollbackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARAMETER = "/aurora-echo/staging/connection";

    /** A lifecycle that keeps a retired copy a day, so yesterday's copy is there to roll back to. */
    private static ObjectNode document(TestAccount aws) {
        aws.production();
        return TestAccount.document("staging", "prod", aws.zone("example.com")).put("drainMinutes", 1440);
    }

    private static Copy copy(TestAccount aws, String name) {
        return aws.copies("staging").stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static String record(TestAccount aws, ObjectNode doc) {
        return aws.cname(doc.get("hostedZoneIds").get(0).asText(), "db.staging.example.com").orElse(null);
    }

    private static String parameterCopy(TestAccount aws) throws Exception {
        return JSON.readTree(aws.parameter(PARAMETER).orElseThrow()).get("copy").asText();
    }

    /** Two nights: returns {yesterday's copy, tonight's copy}. */
    private static List<String> twoNights(TestAccount aws, ObjectNode doc) {
        String yesterday = aws.night(doc, Operation.NEW).copy();
        aws.advance(Duration.ofDays(1));
        String tonight = aws.night(doc, Operation.NEW).copy();
        return List.of(yesterday, tonight);
    }

    @Test
    void returnsToYesterdaysCopyAndRejectsTonightsThenDoesNothing(TestAccount aws) throws Exception {
        ObjectNode doc = document(aws);
        List<String> nights = twoNights(aws, doc);
        String yesterday = nights.get(0);
        String tonight = nights.get(1);
        assertEquals(tonight, parameterCopy(aws));
        java.time.Instant yesterdayRetired = TimeTag.RETIRED.of(copy(aws, yesterday).clusterTags(), "staging").orElseThrow();
        String retiredAt = TimeTag.value(yesterdayRetired);
        long drain = doc.get("drainMinutes").asLong();
        String until = TimeTag.value(yesterdayRetired.plus(Duration.ofMinutes(drain)));
        String statusBefore = CliRun.of(aws, "", "status", "-r", "us-east-1", "-n", "staging").out();
        assertTrue(statusBefore.contains("rollback of staging -> " + yesterday + ", retired at " + retiredAt + ", there until "
                + until + " (drainMinutes " + drain + ")"), "status names it and until when, from the parameter: " + statusBefore);
        JsonNode rollbackJson = JSON.readTree(CliRun.of(aws, "", "status", "-r", "us-east-1", "--json", "-n", "staging")
                .out()).get("rollbacks").get(0);
        assertEquals(yesterday, rollbackJson.get("copy").asText());
        assertEquals(retiredAt, rollbackJson.get("retiredAt").asText());
        assertEquals(until, rollbackJson.get("until").asText());

        java.time.Instant before = aws.now();
        Result back = aws.run(Operation.ROLLBACK, doc);

        assertEquals(Outcome.CHANGED, back.outcome(), back.message());
        assertEquals(yesterday, back.copy());
        assertTrue(back.message().startsWith("rolled back to " + yesterday + ": db.staging.example.com -> "), back.message());
        assertTrue(back.message().contains("rejected " + tonight + " (retired, deleted after its drain of 1440 minutes)"),
                back.message());
        assertEquals(copy(aws, yesterday).endpoint(), record(aws, doc), "DNS is back at yesterday's copy");
        assertEquals(yesterday, parameterCopy(aws), "the connection parameter names it again");
        assertEquals(Stage.PROMOTED, copy(aws, yesterday).stage("staging").orElseThrow());
        Copy rejected = copy(aws, tonight);
        assertEquals(Stage.RETIRED, rejected.stage("staging").orElseThrow());
        assertEquals(Optional.of(Verification.ROLLED_BACK), Verification.rejectedBy(rejected.clusterTags(), "staging"));
        java.time.Instant retired = TimeTag.RETIRED.of(rejected.clusterTags(), "staging").orElseThrow();
        assertTrue(!retired.isBefore(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                && !retired.isAfter(aws.now()), "retired-at is the rollback's time: " + retired);

        aws.calls().clear();
        Result again = aws.run(Operation.ROLLBACK, doc);

        assertEquals(Outcome.NOTHING_TO_DO, again.outcome(), again.message());
        assertEquals(List.of(), aws.calls().mutatingCalls(), "a second rollback changes nothing");
        assertEquals(copy(aws, yesterday).endpoint(), record(aws, doc));

        CliRun status = CliRun.of(aws, "", "status", "-r", "us-east-1", "-n", "staging");
        assertTrue(status.out().contains(tonight + "  retired (rejected: rolled back)"), status.out());
        assertTrue(status.out().contains("rollback of staging: no retired copy to return to"), status.out());
        assertEquals(Outcome.NOTHING_TO_DO, aws.run(Operation.PROMOTE, doc).outcome(), "promote does not serve it again");
        assertEquals(copy(aws, yesterday).endpoint(), record(aws, doc));
    }

    /**
     * The copy a rollback returned to still carries the time of its first retirement; when the next promote replaces
     * it, its drain starts then, or retire would delete it under clients that were just pointed away from it.
     */
    @Test
    void theCopyRolledBackToDrainsInFullOnceTheNextPromoteReplacesIt(TestAccount aws) {
        ObjectNode doc = document(aws);
        String yesterday = twoNights(aws, doc).get(0);
        assertEquals(Outcome.CHANGED, aws.run(Operation.ROLLBACK, doc).outcome());
        aws.advance(Duration.ofDays(1));
        java.time.Instant replacedAt = aws.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        aws.night(doc, Operation.NEW);

        java.time.Instant retired = TimeTag.RETIRED.of(copy(aws, yesterday).clusterTags(), "staging").orElseThrow();
        assertTrue(!retired.isBefore(replacedAt), "retired-at is the replacing promote's time: " + retired);
        aws.advance(Duration.ofHours(1));
        Result retire = aws.run(Operation.RETIRE, doc);
        assertTrue(retire.message().contains(yesterday + " until " + TimeTag.value(retired.plus(Duration.ofDays(1)))),
                retire.message());
        assertEquals(Stage.RETIRED, copy(aws, yesterday).stage("staging").orElseThrow(), "still there, draining");
    }

    @Test
    void withNoRetiredCopyLeftItFailsAndSaysHowToKeepOne(TestAccount aws) {
        ObjectNode doc = document(aws).put("drainMinutes", 30);
        twoNights(aws, doc);
        aws.pastDrain();
        assertEquals(Outcome.CHANGED, aws.run(Operation.RETIRE, doc).outcome());
        aws.calls().clear();

        Result none = aws.run(Operation.ROLLBACK, doc);

        assertEquals(Outcome.FAILED, none.outcome(), none.message());
        assertTrue(none.message().startsWith("no retired copy to roll back to from copy "), none.message());
        assertTrue(none.message().contains("retire deletes a retired copy 30 minutes after it was retired (drainMinutes); "
                + "to keep yesterday's copy for a rollback, set drainMinutes to 1440 or more"), none.message());
        assertEquals(List.of(), aws.calls().mutatingCalls());
    }

    @Test
    void aRejectedCopyIsNeverReturnedTo(TestAccount aws) {
        ObjectNode doc = document(aws);
        List<String> nights = twoNights(aws, doc);
        String yesterday = nights.get(0);
        aws.rds().addTagsToResource(r -> r.resourceName(copy(aws, yesterday).clusterArn())
                .tags(Tag.builder().key(Verification.rejectedTagKey("staging")).value("orders copied").build()));
        String served = record(aws, doc);
        aws.calls().clear();

        Result refused = aws.run(Operation.ROLLBACK, doc);

        assertEquals(Outcome.FAILED, refused.outcome(), refused.message());
        assertTrue(refused.message().contains("(skipped: " + yesterday + " (rejected: check \"orders copied\" failed))"),
                refused.message());
        assertEquals(List.of(), aws.calls().mutatingCalls());
        assertEquals(served, record(aws, doc), "DNS stays where it was");
    }

    @Test
    void theCommandLinePlansARollbackWithDryRunAndChangesNothing(TestAccount aws) throws Exception {
        ObjectNode doc = document(aws);
        List<String> nights = twoNights(aws, doc);
        String served = record(aws, doc);
        aws.calls().clear();

        CliRun run = CliRun.of(aws, doc.put("region", "us-east-1").toString(), "rollback", "--event", "-", "--dry-run");

        assertEquals(0, run.exit(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals("rollback", result.get("stage").asText());
        assertEquals("planned", result.get("outcome").asText(), result.toString());
        assertEquals(nights.get(0), result.get("copy").asText());
        assertEquals(List.of(), aws.calls().mutatingCalls());
        assertEquals(served, record(aws, doc));
    }
}
