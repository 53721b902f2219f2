package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.github.auroraecho.testing.Copies.CONFIG;
import static io.github.auroraecho.testing.Copies.NOW;
import static io.github.auroraecho.testing.Copies.copy;
import static io.github.auroraecho.testing.Copies.withClusterTags;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        List<String> endpoints = List.of("staging-2026-11-24.cluster.example", "staging-2026-11-24.cluster-ro.example",
                "staging-2026-11-24.instance.example");
        assertEquals(endpoints, retired.endpoints());
        for (String endpoint : endpoints) {
            assertTrue(RetireStage.refusal(retired, CONFIG, Set.of(endpoint)).orElseThrow().contains(endpoint), endpoint);
        }
    }

    @Test
    void refusesACopyWithDeletionProtection() {
        Copy protectedCopy = new Copy(retired.name(), retired.clusterArn(), retired.clusterStatus(), retired.engine(),
                retired.createdAt(), retired.endpoint(), retired.readerEndpoint(), true, retired.clusterTags(),
                retired.associatedRoleArns(), retired.instances(), retired.settings());
        assertTrue(RetireStage.refusal(protectedCopy, CONFIG, Set.of()).orElseThrow().contains("deletion protection"));
    }

    @Test
    void aRetiredCopyIsDeletableItsDrainAfterItWasRetired() {
        Copy recorded = withClusterTags(retired, Map.of(TimeTag.RETIRED.key("staging"), "2026-11-25T02:59:00Z"));
        assertEquals(Optional.of(Instant.parse("2026-11-25T03:29:00Z")), RetireStage.deletableAt(recorded, CONFIG));
        LifecycleConfig longTtl = LifecycleConfig.parse("""
                {"managedName": "staging", "hostedZoneIds": ["Z1"], "recordSetName": "db.example.com", "ttl": 3600}""",
                Operation.RETIRE);
        assertEquals(Optional.of(Instant.parse("2026-11-25T04:59:00Z")), RetireStage.deletableAt(recorded, longTtl),
                "never less than twice the TTL");
    }

    @Test
    void aCopyWithoutARecordedRetirementHasNoDeletionTimeYet() {
        assertEquals(Optional.empty(), RetireStage.deletableAt(retired, CONFIG));
        Copy unreadable = withClusterTags(retired, Map.of(TimeTag.RETIRED.key("staging"), "yesterday"));
        assertEquals(Optional.empty(), RetireStage.deletableAt(unreadable, CONFIG));
    }
}
