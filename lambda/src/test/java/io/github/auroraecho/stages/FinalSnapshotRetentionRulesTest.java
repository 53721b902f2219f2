package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.ManualSnapshot;
import io.github.auroraecho.lifecycle.Retirement;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.github.auroraecho.testing.Copies.CONFIG;
import static io.github.auroraecho.testing.Copies.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which final snapshots retire deletes: only the lifecycle's own, by name and tag, once past their retention. */
class FinalSnapshotRetentionRulesTest {
    private static final LifecycleConfig KEEP_7_DAYS = CONFIG.toBuilder()
            .retirement(new Retirement(true, null, 7L)).build();
    private static final Map<String, String> STAGING = Map.of("aurora-echo:staging:stage", "retired",
            "aurora-echo:stage", "retired");
    private static final Instant OLD = NOW.minus(Duration.ofDays(8));

    private static ManualSnapshot finalOf(String copy, Instant at, Map<String, String> tags) {
        return new ManualSnapshot(ManualSnapshot.finalName(copy, at), copy, at, tags);
    }

    @Test
    void deletesOnlyTheLifecyclesOwnFinalSnapshotsOlderThanTheRetention() {
        ManualSnapshot old = finalOf("staging-2026-11-16", OLD, STAGING);
        ManualSnapshot older = finalOf("staging-2026-11-10-b", OLD.minus(Duration.ofDays(5)), STAGING);
        ManualSnapshot recent = finalOf("staging-2026-11-24", NOW.minus(Duration.ofDays(6)), STAGING);
        List<ManualSnapshot> lookAlikes = List.of(
                finalOf("staging-2026-11-15", OLD, Map.of()),
                new ManualSnapshot("staging-keep-forever", "staging-2026-11-15", OLD, STAGING),
                new ManualSnapshot("staging-2026-11-15-final-x", "staging-2026-11-15", OLD, STAGING),
                new ManualSnapshot("staging-2026-11-15-final-1700000000", "prod", OLD, STAGING),
                finalOf("prod", OLD, STAGING),
                finalOf("reporting-2026-11-15", OLD, Map.of("aurora-echo:reporting:stage", "retired")),
                finalOf("staging-2026-11-15", OLD, Map.of("aurora-echo:reporting:stage", "retired")),
                new ManualSnapshot("staging-2026-11-14-final-1", "staging-2026-11-14", null, STAGING));
        List<ManualSnapshot> all = new java.util.ArrayList<>(lookAlikes);
        all.addAll(List.of(recent, old, older));

        assertEquals(List.of(older, old), FinalSnapshotRetention.expired(all, KEEP_7_DAYS, NOW));
    }

    @Test
    void keepsEverySnapshotWithoutARetention() {
        LifecycleConfig keepAll = CONFIG.toBuilder().retirement(new Retirement(true, null, null)).build();
        assertEquals(List.of(), FinalSnapshotRetention.expired(
                List.of(finalOf("staging-2026-01-01", OLD.minus(Duration.ofDays(300)), STAGING)), keepAll, NOW));
    }
}
