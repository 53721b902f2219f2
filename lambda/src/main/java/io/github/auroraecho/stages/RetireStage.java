package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Retirement;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;
import software.amazon.awssdk.services.rds.model.DbClusterNotFoundException;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.InvalidDbClusterStateException;
import software.amazon.awssdk.services.rds.model.InvalidDbInstanceStateException;
import software.amazon.awssdk.services.rds.model.SnapshotQuotaExceededException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deletes the retired copies once drained: instances first, then the cluster. A copy that any record set of
 * the name still points to, or that has deletion protection, is refused and left as it is. A copy is deleted
 * only {@code drainMinutes} after it was retired, so clients that still hold its address finish their work;
 * a copy retired without a recorded time (aurora-echo 2.x) starts its drain at this run. A drained copy that is
 * stopped is started first, since RDS removes no instance from a stopped cluster ({@link PowerSwitch#wake}).
 */
public final class RetireStage implements LifecycleStage {
    private static final Set<String> GONE_OR_GOING = Set.of("deleting");

    /**
     * Why a retired copy must not be deleted, or empty when it may be. The ownership rule has already kept
     * the source and everything not named and tagged as a copy out of {@code copy}.
     *
     * @param dnsTargets everything any record set of the configured name points to, in any configured zone
     */
    static Optional<String> refusal(Copy copy, LifecycleConfig config, Set<String> dnsTargets) {
        List<String> pointedAt = copy.endpoints().stream()
                .filter(endpoint -> dnsTargets.contains(endpoint.toLowerCase(Locale.ROOT)))
                .toList();
        if (!pointedAt.isEmpty()) {
            return Optional.of(copy.name() + " is still what " + config.dns().recordSetName() + " points to ("
                    + String.join(", ", pointedAt) + ")");
        }
        if (copy.deletionProtection()) {
            return Optional.of(copy.name() + " has deletion protection enabled");
        }
        return Optional.empty();
    }

    /** When a retired copy may be deleted; empty when it carries no retirement time yet. */
    static Optional<Instant> deletableAt(Copy copy, LifecycleConfig config) {
        return TimeTag.RETIRED.of(copy.clusterTags(), config.managedName()).map(at -> at.plus(config.drain()));
    }

    /** What retiring the copies came to, before the final snapshots are pruned. */
    private record Done(Outcome outcome, String message, String copy) {
    }

    /**
     * Retires the copies, then prunes the lifecycle's final snapshots past their retention, whatever the copies
     * came to: a refused copy must not keep old snapshots from going.
     */
    @Override
    public Result run(StageContext context, List<Copy> copies) {
        Done done = retireCopies(context, copies);
        StringBuilder message = new StringBuilder(done.message());
        Optional<String> pruned = FinalSnapshotRetention.prune(context);
        pruned.ifPresent(sentence -> message.append(done.message().endsWith(".") ? " " : ". ").append(sentence));
        if (context.config().retirement().keepsFinalSnapshots()) {
            message.append(message.toString().endsWith(".") ? " " : ". ").append("Warning: ")
                    .append(Retirement.PILING_UP).append('.');
        }
        Outcome outcome = pruned.isPresent() && done.outcome() == Outcome.NOTHING_TO_DO ? Outcome.CHANGED : done.outcome();
        return context.result(outcome, message.toString(), done.copy());
    }

    private static Done retireCopies(StageContext context, List<Copy> copies) {
        LifecycleConfig config = context.config();
        String managedName = config.managedName();
        List<Copy> retired = copies.stream()
                .filter(copy -> copy.stage(managedName).equals(Optional.of(Stage.RETIRED)))
                .sorted(Copy.newestFirst(managedName).reversed())
                .toList();
        if (retired.isEmpty()) {
            return new Done(Outcome.NOTHING_TO_DO, "no copy in stage retired", null);
        }
        Set<String> dnsTargets = context.dns().everyTarget(config.dns().hostedZoneIds(), config.dns().recordSetName());
        List<String> refused = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        List<String> draining = new ArrayList<>();
        List<String> started = new ArrayList<>();
        for (Copy copy : retired) {
            Optional<String> refusal = refusal(copy, config, dnsTargets);
            Optional<Instant> deletableAt = deletableAt(copy, config);
            if (refusal.isPresent()) {
                refused.add(refusal.get());
            } else if (deletableAt.isEmpty()) {
                // Retired by 2.x (or before times were kept): its drain starts now, the same for every later run.
                context.copies().setStage(copy, context.managedName(), Stage.RETIRED,
                        Map.of(TimeTag.RETIRED, context.now()));
                draining.add(copy.name() + " until " + TimeTag.value(context.now().plus(config.drain()))
                        + " (its retirement time was not recorded; recorded now)");
            } else if (context.now().isBefore(deletableAt.get())) {
                draining.add(copy.name() + " until " + TimeTag.value(deletableAt.get()));
            } else {
                Optional<String> waking = PowerSwitch.wake(context, copy, "RDS deletes no instance of a stopped cluster",
                        "the next run deletes it");
                if (waking.isPresent()) {
                    started.add(waking.get());
                    continue;
                }
                try {
                    (delete(context, copy) ? deleted : pending).add(copy.name());
                } catch (SnapshotQuotaExceededException e) {
                    // A delete with a final snapshot makes a manual snapshot: it counts toward the quota.
                    refused.add(RdsQuota.MANUAL_CLUSTER_SNAPSHOTS.words("RDS refused the final snapshot of "
                            + copy.name() + ", so it was kept (the next retire run tries again)", e));
                }
            }
        }
        String copyNames = retired.stream().map(Copy::name).collect(Collectors.joining(", "));
        StringBuilder message = new StringBuilder();
        if (!deleted.isEmpty()) {
            message.append("deleted ").append(String.join(", ", deleted)).append(". ");
        }
        if (!pending.isEmpty()) {
            message.append("deleting ").append(String.join(", ", pending))
                    .append(" (the cluster goes once its instances are gone; the next run finishes). ");
        }
        if (!started.isEmpty()) {
            message.append(String.join(". ", started)).append(". ");
        }
        if (!draining.isEmpty()) {
            message.append("draining (drainMinutes ").append(config.drain().toMinutes()).append(" after retirement; "
                    + "deletable by the first run after that): ").append(String.join(", ", draining)).append(". ");
        }
        if (!refused.isEmpty()) {
            message.append("refused to delete: ").append(String.join("; ", refused)).append('.');
            return new Done(Outcome.FAILED, message.toString().trim(), copyNames);
        }
        return new Done(deleted.isEmpty() ? Outcome.WAITING : Outcome.CHANGED, message.toString().trim(), copyNames);
    }

    /** Deletes what is left of one copy; true when its cluster delete was accepted. */
    private static boolean delete(StageContext context, Copy copy) {
        if (GONE_OR_GOING.contains(copy.clusterStatus())) {
            return false;
        }
        // A 2.x copy still says "new" on its cluster: without this, a cluster left without its instance
        // after an interruption would look like a half-made copy that new should resume.
        context.copies().setStage(copy, context.managedName(), Stage.RETIRED);
        for (Copy.Instance instance : copy.instances()) {
            if (GONE_OR_GOING.contains(instance.status())) {
                continue;
            }
            try {
                context.copies().deleteInstance(copy, instance);
            } catch (DbInstanceNotFoundException e) {
                // Deleted since we read it.
            } catch (InvalidDbInstanceStateException e) {
                return false;
            }
        }
        try {
            context.copies().deleteCluster(copy, context.config().retirement().finalSnapshot(), context.now());
            return true;
        } catch (InvalidDbClusterStateException e) {
            // Its instances are still being deleted (minutes on AWS): the next run deletes the cluster.
            return false;
        } catch (DbClusterNotFoundException e) {
            return true;
        }
    }
}
