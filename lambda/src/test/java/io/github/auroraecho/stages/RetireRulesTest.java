package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.github.auroraecho.testing.Copies.CONFIG;
import static io.github.auroraecho.testing.Copies.NOW;
import static io.github.auroraecho.testing.Copies.copy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retire rules, as pure functions of the copies found. */
class RetireRulesTest {

    private final Copy retired = copy("staging-2026-11-24", Stage.RETIRED, NOW.minus(Duration.ofDays(1)));

    @Test
    void deletesACopyNothingPointsTo() {
        assertEquals(Optional.empty(), RetireStage.refusal(retired, CONFIG, Set.of("other.cluster.example")));
    }

    @Test
    void refusesACopyDnsStillPointsToByAnyOfItsEndpoints() {
        for (String endpoint : retired.endpoints()) {
            assertTrue(RetireStage.refusal(retired, CONFIG, Set.of(endpoint)).isPresent(), endpoint);
        }
    }

    @Test
    void refusesTheSourceCluster() {
        Copy source = copy("prod", Stage.RETIRED, NOW);
        assertTrue(RetireStage.refusal(source, CONFIG, Set.of()).orElseThrow().contains("source"));
    }
}
