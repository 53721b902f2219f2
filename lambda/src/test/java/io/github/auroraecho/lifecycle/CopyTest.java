package io.github.auroraecho.lifecycle;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a copy says about itself: when it was made, whether it is ready, and what is wrong with it. */
class CopyTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration STUCK_AFTER = Duration.ofHours(6);

    @Test
    void withoutACreationTimeTheDateInItsNameTellsItsAge() {
        assertEquals(Instant.parse("2026-11-24T00:00:00Z"), copy("staging-2026-11-24", null, "available").createdAt("staging"));
        assertEquals(Instant.EPOCH, copy("elsewhere", null, "available").createdAt("staging"));
        assertEquals(Duration.ofHours(36), copy("staging-2026-11-24", null, "available").age("staging", NOW));
    }

    @Test
    void availableOnlyWhenTheClusterAndEveryInstanceAre() {
        assertTrue(copy("staging-2026-11-24", NOW, "available", "available").isAvailable());
        assertFalse(copy("staging-2026-11-24", NOW, "available", "available", "modifying").isAvailable());
        assertFalse(copy("staging-2026-11-24", NOW, "available").isAvailable(), "no instance yet");
        assertFalse(copy("staging-2026-11-24", NOW, "backing-up", "available").isAvailable());
    }

    @Test
    void poweredDownWhileStoppingStoppedOrStarting() {
        for (String status : new String[]{"stopping", "stopped", "starting"}) {
            assertTrue(copy("staging-2026-11-24", NOW, status, status).isPoweredDown(), status);
        }
        assertFalse(copy("staging-2026-11-24", NOW, "available", "available").isPoweredDown());
        assertFalse(copy("staging-2026-11-24", NOW, "deleting", "deleting").isPoweredDown());
    }

    @Test
    void aFailedClusterOrInstanceIsAProblem() {
        assertEquals(Optional.of("cluster staging-2026-11-24 is failed"),
                copy("staging-2026-11-24", NOW, "failed", "available").problem("staging", NOW, STUCK_AFTER));
        assertEquals(Optional.of("cluster staging-2026-11-24 is failed, instance i1 is incompatible-parameters"),
                copy("staging-2026-11-24", NOW, "failed", "incompatible-parameters").problem("staging", NOW, STUCK_AFTER));
        assertEquals(Optional.empty(), copy("staging-2026-11-24", NOW, "available", "available").problem("staging", NOW, STUCK_AFTER));
    }

    @Test
    void creatingIsAProblemOnlyPastTheStuckTime() {
        Instant created = NOW.minus(STUCK_AFTER);
        assertEquals(Optional.empty(), copy("staging-2026-11-25", created, "creating").problem("staging", NOW, STUCK_AFTER));
        assertEquals(Optional.of("cluster staging-2026-11-25 has been creating for 6 hours"),
                copy("staging-2026-11-25", created.minusSeconds(1), "creating").problem("staging", NOW, STUCK_AFTER));
    }

    private static Copy copy(String name, Instant created, String clusterStatus, String... instanceStatuses) {
        List<Copy.Instance> instances = new java.util.ArrayList<>();
        for (int i = 0; i < instanceStatuses.length; i++) {
            instances.add(new Copy.Instance("i" + (i + 1), "arn:i" + i, instanceStatuses[i], null, Map.of()));
        }
        return new Copy(name, "arn:c", clusterStatus, "aurora-postgresql", created, null, null, false, Map.of(),
                List.of(), instances, new Copy.Settings(null, 1, false, null, null, null));
    }
}
