package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.ManualSnapshot;
import io.github.auroraecho.lifecycle.Ownership;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Retire's final snapshots kept only for {@code finalSnapshotRetentionDays}: every retire run deletes this
 * lifecycle's own final snapshots older than that (recognised by {@link ManualSnapshot#notAFinalSnapshotOf}: name
 * and tag), and nothing else. Without a retention a nightly final snapshot reaches RDS's default quota of 100
 * manual cluster snapshots in about three months, after which retire's deletes fail ({@link RdsQuota}): so retire
 * and status warn ({@link io.github.auroraecho.lifecycle.Retirement#PILING_UP}).
 */
final class FinalSnapshotRetention {
    private FinalSnapshotRetention() {
    }

    /** The lifecycle's own final snapshots older than its retention, oldest first; none without a retention. */
    static List<ManualSnapshot> expired(List<ManualSnapshot> snapshots, LifecycleConfig config, Instant now) {
        Long days = config.retirement().finalSnapshotRetentionDays();
        if (days == null || !config.retirement().finalSnapshot()) {
            return List.of();
        }
        Ownership ownership = new Ownership(config.managedName(), config.source().sourceClusterName());
        Instant keptFrom = now.minus(Duration.ofDays(days));
        return snapshots.stream()
                .filter(s -> s.createdAt() != null && s.createdAt().isBefore(keptFrom))
                .filter(s -> s.notAFinalSnapshotOf(ownership).isEmpty())
                .sorted(Comparator.comparing(ManualSnapshot::createdAt))
                .toList();
    }

    /** Deletes the expired final snapshots; the sentence saying so, empty when there were none. */
    static Optional<String> prune(StageContext context) {
        if (context.config().retirement().finalSnapshotRetentionDays() == null) {
            return Optional.empty();
        }
        List<ManualSnapshot> expired = expired(context.copies().manualSnapshots(), context.config(), context.now());
        expired.forEach(context.copies()::deleteSnapshot);
        if (expired.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("deleted final snapshots older than " + context.config().retirement()
                .finalSnapshotRetentionDays() + " days (finalSnapshotRetentionDays): "
                + String.join(", ", expired.stream().map(ManualSnapshot::id).toList()) + ".");
    }
}
