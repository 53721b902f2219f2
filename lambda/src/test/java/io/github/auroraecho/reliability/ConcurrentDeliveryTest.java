package io.github.auroraecho.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.stages.Outcome;
import io.github.auroraecho.stages.Result;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EventBridge delivers at least once: the same stage, delivered several times at once, acts once. */
@ExtendWith(EmulatorExtension.class)
class ConcurrentDeliveryTest {
    private static final int DELIVERIES = 3;

    private static List<Result> deliverAtOnce(TestAccount aws, Operation operation, ObjectNode doc) {
        CyclicBarrier start = new CyclicBarrier(DELIVERIES);
        List<CompletableFuture<Result>> runs = IntStream.range(0, DELIVERIES)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try (var clients = aws.clientsWith()) {
                        start.await();
                        return aws.run(clients, operation, doc.toString());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .toList();
        List<Result> results = runs.stream().map(CompletableFuture::join).toList();
        results.forEach(result -> assertNotEquals(Outcome.FAILED, result.outcome(), result.message()));
        return results;
    }

    @Test
    void eachStageDeliveredSeveralTimesAtOnceActsOnce(TestAccount aws) {
        aws.production();
        String zone = aws.zone("example.com");
        ObjectNode doc = TestAccount.document("staging", "prod", zone);
        aws.night(doc, Operation.NEW);
        aws.advance(Duration.ofDays(1));
        aws.calls().clear();

        deliverAtOnce(aws, Operation.NEW, doc);
        assertEquals(1, aws.calls().count("CreateDBInstance"), "one instance created");
        assertEquals(2, aws.copies("staging").size(), "one new copy");

        deliverAtOnce(aws, Operation.MODIFY, doc);
        deliverAtOnce(aws, Operation.PROMOTE, doc);
        List<Copy> copies = aws.copies("staging");
        Copy promoted = copies.stream().filter(c -> c.stage("staging").orElseThrow() == Stage.PROMOTED).findFirst().orElseThrow();
        assertEquals(1, copies.stream().filter(c -> c.stage("staging").orElseThrow() == Stage.PROMOTED).count());
        assertEquals(promoted.endpoint(), aws.cname(zone, "db.staging.example.com").orElseThrow());

        aws.calls().clear();
        aws.pastDrain();
        deliverAtOnce(aws, Operation.RETIRE, doc);
        assertEquals(List.of(promoted.name()), aws.copies("staging").stream().map(Copy::name).toList());
        assertTrue(aws.calls().count("DeleteDBCluster") >= 1);
        System.out.println("duplicate deliveries tried: " + DELIVERIES + " at once for each of new, modify, promote, retire");
    }
}
