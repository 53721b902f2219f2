package io.github.auroraecho.stages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.testing.CliRun;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stop and start against the emulator, which stops and starts as Aurora does (minutes, here describes) and refuses
 * what Aurora refuses on a stopped cluster: the served copy stopped and started, and every stage that meets a stopped
 * copy starting it or waiting within what RDS allows, and saying so.
 */
@ExtendWith(EmulatorExtension.class)
class StopStartTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode document(TestAccount aws) {
        aws.production();
        return TestAccount.document("staging", "prod", aws.zone("example.com"));
    }

    private static Copy copy(TestAccount aws, String name) {
        return aws.copies("staging").stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static String status(TestAccount aws, String name) {
        Copy copy = copy(aws, name);
        return copy.clusterStatus() + "/" + String.join(",", copy.instances().stream().map(Copy.Instance::status).toList());
    }

    /** Runs the operation while it waits (at most 10 runs): its results, the waiting ones first. */
    private static List<Result> untilSettled(TestAccount aws, Operation operation, ObjectNode doc) {
        List<Result> results = new ArrayList<>();
        do {
            aws.calls().clear();
            results.add(aws.run(operation, doc));
        } while (results.get(results.size() - 1).outcome() == Outcome.WAITING && results.size() < 10);
        return results;
    }

    private static Result last(List<Result> results) {
        return results.get(results.size() - 1);
    }

    /** Stops a copy by hand (as an operator would) and waits until RDS shows it stopped. */
    private static void stopByHand(TestAccount aws, String name) {
        aws.rds().stopDBCluster(r -> r.dbClusterIdentifier(name));
        for (int describes = 0; describes < 10 && !copy(aws, name).clusterStatus().equals("stopped"); describes++) {
            aws.cluster(name);
        }
        assertEquals("stopped/stopped", status(aws, name));
    }

    @Test
    void stopsAndStartsTheServedCopyWaitingBetweenStatesAndASecondRunSendsNothing(TestAccount aws) {
        ObjectNode doc = document(aws);
        String served = aws.night(doc, Operation.NEW).copy();
        aws.clustersCreatingFor(2);
        aws.calls().clear();

        Result stop = aws.run(Operation.STOP, doc);

        assertEquals(Outcome.CHANGED, stop.outcome(), stop.message());
        assertEquals("stopped " + served, stop.message());
        assertEquals(List.of("StopDBCluster"), aws.calls().mutatingCalls());
        List<Result> settling = untilSettled(aws, Operation.STOP, doc);
        assertEquals(Outcome.WAITING, settling.get(0).outcome(), settling.get(0).message());
        assertTrue(settling.get(0).message().startsWith(served + " is stopping; RDS can stop it once it is available"),
                settling.get(0).message());
        assertEquals(Outcome.NOTHING_TO_DO, last(settling).outcome(), last(settling).message());
        assertEquals(List.of(), aws.calls().mutatingCalls(), "a stopped copy gets no call");
        assertEquals("stopped/stopped", status(aws, served));
        assertEquals("available", aws.cluster("prod").orElseThrow().status(), "the source is never stopped");

        Result start = aws.run(Operation.START, doc);

        assertEquals(Outcome.CHANGED, start.outcome(), start.message());
        List<Result> starting = untilSettled(aws, Operation.START, doc);
        assertEquals(Outcome.WAITING, starting.get(0).outcome(), starting.get(0).message());
        assertEquals(Outcome.NOTHING_TO_DO, last(starting).outcome(), last(starting).message());
        assertEquals(List.of(), aws.calls().mutatingCalls());
        assertTrue(copy(aws, served).isAvailable(), status(aws, served));
    }

    @Test
    void aDryRunStopsNothing(TestAccount aws) throws Exception {
        ObjectNode doc = document(aws);
        String served = aws.night(doc, Operation.NEW).copy();
        aws.calls().clear();

        CliRun run = CliRun.of(aws, doc.put("region", "us-east-1").toString(), "stop", "--event", "-", "--dry-run");

        assertEquals(0, run.exit(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals("planned", result.get("outcome").asText(), result.toString());
        assertEquals(List.of(), aws.calls().mutatingCalls());
        assertTrue(copy(aws, served).isAvailable());
    }

    @Test
    void theNightGoesOnWhileTheServedCopyIsStoppedAndRetireStartsItToDeleteIt(TestAccount aws) {
        ObjectNode doc = document(aws);
        String yesterday = aws.night(doc, Operation.NEW).copy();
        assertEquals(Outcome.CHANGED, aws.run(Operation.STOP, doc).outcome());
        untilSettled(aws, Operation.STOP, doc);
        assertEquals("stopped/stopped", status(aws, yesterday));
        aws.advance(Duration.ofDays(1));
        doc.put("manageMasterUserPassword", true).putArray("sqlScripts").addObject().put("sql", "DELETE FROM sessions")
                .put("database", "app");

        assertEquals(Outcome.CHANGED, aws.run(Operation.NEW, doc).outcome());
        Result modify = aws.run(Operation.MODIFY, doc);
        Result promote = aws.run(Operation.PROMOTE, doc);

        assertEquals(Outcome.CHANGED, modify.outcome(), modify.message());
        assertTrue(modify.message().endsWith("; 1 SQL statements run"), modify.message());
        assertEquals(Outcome.CHANGED, promote.outcome(), promote.message());
        String tonight = promote.copy();
        assertTrue(promote.message().contains("; retired " + yesterday), promote.message());
        assertEquals(Stage.RETIRED, copy(aws, yesterday).stage("staging").orElseThrow());
        assertEquals("stopped/stopped", status(aws, yesterday), "promote leaves a stopped copy stopped");
        aws.pastDrain();
        aws.clustersCreatingFor(1);
        aws.calls().clear();

        Result retire = aws.run(Operation.RETIRE, doc);

        assertEquals(Outcome.WAITING, retire.outcome(), retire.message());
        assertEquals("started " + yesterday + ": RDS deletes no instance of a stopped cluster; the next run deletes it.",
                retire.message());
        assertEquals(List.of("StartDBCluster"), aws.calls().mutatingCalls(), "no delete RDS would refuse");
        List<Result> deleting = untilSettled(aws, Operation.RETIRE, doc);
        assertEquals(yesterday + " is starting: RDS deletes no instance of a stopped cluster; the next run deletes it.",
                deleting.get(0).message());
        assertEquals(Outcome.CHANGED, last(deleting).outcome(), last(deleting).message());
        assertTrue(last(deleting).message().startsWith("deleted " + yesterday), last(deleting).message());
        assertEquals(List.of(tonight), aws.copies("staging").stream().map(Copy::name).toList());
    }

    @Test
    void modifyAndPromoteStartACopyStoppedByHandAndSaySo(TestAccount aws) {
        ObjectNode doc = document(aws);
        String name = aws.run(Operation.NEW, doc).copy();
        if (copy(aws, name).instances().isEmpty()) {
            assertEquals(Outcome.WAITING, aws.run(Operation.MODIFY, doc).outcome(), "modify creates its instance");
        }
        stopByHand(aws, name);
        aws.calls().clear();

        Result modify = aws.run(Operation.MODIFY, doc);

        assertEquals(Outcome.WAITING, modify.outcome(), modify.message());
        assertEquals("started " + name + ": RDS modifies no stopped cluster; the next run modifies it once it is "
                + "available", modify.message());
        assertEquals(List.of("StartDBCluster"), aws.calls().mutatingCalls());
        assertEquals(Outcome.CHANGED, last(untilSettled(aws, Operation.MODIFY, doc)).outcome());
        stopByHand(aws, name);

        Result promote = aws.run(Operation.PROMOTE, doc);

        assertEquals(Outcome.WAITING, promote.outcome(), promote.message());
        assertEquals("started " + name + ": a stopped copy serves no one and answers no check; the next run promotes it "
                + "once it is available", promote.message());
        Result promoted = last(untilSettled(aws, Operation.PROMOTE, doc));
        assertEquals(Outcome.CHANGED, promoted.outcome(), promoted.message());
        assertEquals(Stage.PROMOTED, copy(aws, name).stage("staging").orElseThrow());
    }

    @Test
    void stopRetiredStopsTheReplacedCopyAndRollbackStartsItBeforeReturningToIt(TestAccount aws) {
        ObjectNode doc = document(aws).put("stopRetired", true).put("drainMinutes", 1440);
        String yesterday = aws.night(doc, Operation.NEW).copy();
        aws.advance(Duration.ofDays(1));

        Result promote = aws.night(doc, Operation.NEW);

        assertTrue(promote.message().endsWith("; stopped " + yesterday + ": stopRetired"), promote.message());
        assertTrue(copy(aws, yesterday).isPoweredDown(), status(aws, yesterday));
        aws.calls().clear();

        Result rollback = aws.run(Operation.ROLLBACK, doc);

        assertEquals(Outcome.WAITING, rollback.outcome(), rollback.message());
        assertEquals("started " + yesterday + ": a stopped copy serves no one; run rollback again once it is available",
                rollback.message());
        assertEquals(List.of("StartDBCluster"), aws.calls().mutatingCalls(), "DNS stays until it runs");
        Result back = last(untilSettled(aws, Operation.ROLLBACK, doc));
        assertEquals(Outcome.CHANGED, back.outcome(), back.message());
        assertTrue(back.message().startsWith("rolled back to " + yesterday + ": "), back.message());
        assertTrue(copy(aws, yesterday).isAvailable());
    }

    @Test
    void stopRetiredLeavesACopyThatIsNotAvailableAndSaysSo(TestAccount aws) {
        ObjectNode doc = document(aws).put("stopRetired", true);
        String yesterday = aws.night(doc, Operation.NEW).copy();
        aws.advance(Duration.ofDays(1));
        assertEquals(Outcome.CHANGED, aws.run(Operation.NEW, doc).outcome());
        assertEquals(Outcome.CHANGED, last(untilSettled(aws, Operation.MODIFY, doc)).outcome());
        aws.clustersCreatingFor(5);
        aws.rds().stopDBCluster(r -> r.dbClusterIdentifier(yesterday));

        Result promote = aws.run(Operation.PROMOTE, doc);

        assertEquals(Outcome.CHANGED, promote.outcome(), promote.message());
        assertTrue(promote.message().endsWith("; left " + yesterday + " as it is (it is stopping; RDS stops only an "
                + "available cluster)"), promote.message());
        assertEquals(Stage.RETIRED, copy(aws, yesterday).stage("staging").orElseThrow());
    }

    @Test
    void aCopyPromotedOutsideItsRunningHoursIsStoppedOnceServed(TestAccount aws) {
        ObjectNode doc = document(aws);
        // Running hours on another day of the week than today's (in UTC): promote runs outside them.
        DayOfWeek other = aws.now().atZone(ZoneOffset.UTC).getDayOfWeek().plus(3);
        ObjectNode hours = doc.putObject("runningHours").put("timezone", "UTC").put("start", "07:00").put("stop", "20:00");
        hours.putArray("days").add(other.name().substring(0, 3).toUpperCase(Locale.ROOT));

        Result promote = aws.night(doc, Operation.NEW);

        String served = promote.copy();
        assertTrue(promote.message().contains("; stopped " + served + ": outside its running hours "
                + other.name().substring(0, 3) + " 07:00-20:00 UTC"), promote.message());
        assertEquals(Stage.PROMOTED, copy(aws, served).stage("staging").orElseThrow());
        assertTrue(copy(aws, served).isPoweredDown(), status(aws, served));
        assertEquals(copy(aws, served).endpoint(), aws.cname(doc.get("hostedZoneIds").get(0).asText(),
                "db.staging.example.com").orElseThrow(), "DNS serves it: it is stopped once served");
    }
}
