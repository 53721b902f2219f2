package io.github.auroraecho.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.auroraecho.stages.Freshness;
import io.github.auroraecho.stages.Outcome;
import io.github.auroraecho.stages.Result;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The metric line of a run, checked against the Embedded Metric Format specification. */
class EmfLineTest {
    private static final Instant AT = Instant.parse("2026-12-01T06:00:01Z");

    @Test
    void aPromoteReportsItsOutcomeTheServedCopysAgesAndItsTimeFromNewToModified() throws Exception {
        Result result = new Result("promote", "staging", Outcome.CHANGED, "promoted", "staging-2026-12-01", List.of(),
                new Freshness("staging-2026-12-01", Duration.ofHours(5), Duration.ofHours(6), Duration.ofMinutes(95)));
        Set<String> names = EmfSpec.names();

        JsonNode line = EmfSpec.check(EmfLine.of(result, "dev", AT, null).toString(), names);

        assertEquals(Set.of("Changed", "NothingToDo", "Waiting", "Planned", "Failed", "ServedCopyAge", "SourcePointAge"),
                names);
        assertEquals(AT.toEpochMilli(), line.get("_aws").get("Timestamp").asLong());
        assertEquals("AuroraEcho", line.get("_aws").get("CloudWatchMetrics").get(0).get("Namespace").asText());
        assertEquals("[[\"Environment\",\"Stage\"]]",
                line.get("_aws").get("CloudWatchMetrics").get(0).get("Dimensions").toString());
        assertEquals(Set.of("Changed{Environment=dev, Stage=promote}", "NothingToDo{Environment=dev, Stage=promote}",
                "Waiting{Environment=dev, Stage=promote}", "Planned{Environment=dev, Stage=promote}",
                "Failed{Environment=dev, Stage=promote}", "Failed{Environment=dev, Lifecycle=staging}",
                "ServedCopyAge{Environment=dev, Lifecycle=staging}", "SourcePointAge{Environment=dev, Lifecycle=staging}"),
                EmfSpec.series(line));
        EmfSpec.assertDimension(line, "Environment", "dev");
        EmfSpec.assertDimension(line, "Lifecycle", "staging");
        EmfSpec.assertDimension(line, "Stage", "promote");
        assertEquals(1, line.get("Changed").asInt());
        assertEquals(0, line.get("Failed").asInt());
        assertEquals(5 * 3600, line.get("ServedCopyAge").asLong());
        assertEquals(6 * 3600, line.get("SourcePointAge").asLong());
        // A log field for Logs Insights, not a metric: nothing reads it as one.
        assertEquals(95 * 60, line.get("NewToModified").asLong());
    }

    @Test
    void aRunThatReadNoCopiesReportsOnlyItsOutcome() throws Exception {
        Result failed = new Result("new", "staging", Outcome.FAILED, "missing permission", null, List.of(), null);
        Set<String> names = EmfSpec.names();

        JsonNode line = EmfSpec.check(EmfLine.of(failed, "prod", AT, null).toString(), names);

        assertEquals(Set.of("Changed", "NothingToDo", "Waiting", "Planned", "Failed"), names);
        assertEquals(1, line.get("Failed").asInt());
    }

    /**
     * What a lifecycle costs in custom metrics: every stage with every outcome, with and without the served copy's
     * figures, publishes 3 metrics with the lifecycle as a dimension (its failures and the served copy's two ages) and
     * 40 for the whole environment (8 stages with rollback, stop and start, 5 outcomes), however many lifecycles it has.
     * Before: 37 a lifecycle.
     */
    @Test
    void aLifecyclePublishesThreeMetricsOfItsOwn() throws Exception {
        Set<String> perLifecycle = new java.util.TreeSet<>();
        Set<String> perEnvironment = new java.util.TreeSet<>();
        for (io.github.auroraecho.lifecycle.Operation operation : io.github.auroraecho.lifecycle.Operation.values()) {
            for (Outcome outcome : Outcome.values()) {
                for (Freshness freshness : new Freshness[] {null, new Freshness("staging-2026-12-01",
                        Duration.ofHours(5), Duration.ofHours(6), Duration.ofMinutes(95))}) {
                    Result result = new Result(operation.cliName(), "staging", outcome, "m", null, List.of(), freshness);
                    for (String series : EmfSpec.series(EmfSpec.check(EmfLine.of(result, "dev", AT, null).toString(),
                            EmfSpec.names()))) {
                        (series.contains("Lifecycle=") ? perLifecycle : perEnvironment).add(series);
                    }
                }
            }
        }
        assertEquals(Set.of("Failed{Environment=dev, Lifecycle=staging}",
                "ServedCopyAge{Environment=dev, Lifecycle=staging}", "SourcePointAge{Environment=dev, Lifecycle=staging}"),
                perLifecycle);
        assertEquals(40, perEnvironment.size(), perEnvironment.toString());
    }
}
