package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Retirement;
import io.github.auroraecho.lifecycle.RollbackTarget;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;
import io.github.auroraecho.lifecycle.Verification;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Run by hand when the served copy proves bad: points the CNAME record(s) back at the newest retired copy still in
 * its drain ({@link RollbackTarget}), waits until Route53 has them in sync, writes the connection parameter for it,
 * then marks it promoted and the copy it replaces rejected ({@code retired} with {@link Verification#ROLLED_BACK}, so
 * retire deletes it after its drain and no rollback returns to it). DNS moves first and the tags last, so a run
 * interrupted anywhere is finished by the next one; once done, a second run changes nothing.
 */
public final class RollbackStage implements LifecycleStage {

    sealed interface Plan {
        record Nothing(String why) implements Plan {
        }

        record Failed(String why) implements Plan {
        }

        /** Serve {@code target}; {@code replaced} are the promoted copies that are rejected once DNS is in sync. */
        record Rollback(Copy target, List<Copy> replaced) implements Plan {
        }
    }

    /** {@code current}: what the record points to in each zone, so a run interrupted between its tag calls ends. */
    static Plan decide(List<Copy> copies, LifecycleConfig config, Map<String, Optional<String>> current) {
        String managedName = config.managedName();
        Comparator<Copy> newestFirst = Copy.newestFirst(managedName);
        List<Copy> promoted = copies.stream()
                .filter(copy -> copy.stage(managedName).equals(Optional.of(Stage.PROMOTED)))
                .sorted(newestFirst)
                .toList();
        if (promoted.isEmpty()) {
            return new Plan.Nothing("no copy is promoted: there is nothing to roll back from");
        }
        // A run stopped after marking the copy it returned to promoted, before rejecting the one it replaced.
        Optional<Copy> pointed = promoted.stream().filter(copy -> !current.isEmpty() && current.values().stream()
                .allMatch(target -> target.equals(Optional.of(copy.endpoint())))).findFirst();
        if (pointed.isPresent() && !pointed.get().equals(promoted.get(0))) {
            return new Plan.Rollback(pointed.get(), promoted.stream()
                    .filter(copy -> newestFirst.compare(copy, pointed.get()) < 0).toList());
        }
        Copy served = promoted.get(0);
        Optional<Copy> rolledBack = RollbackTarget.rolledBack(copies, managedName, served);
        if (rolledBack.isPresent()) {
            return new Plan.Nothing("copy " + served.name() + " is served since copy " + rolledBack.get().name()
                    + " was rolled back; a rollback goes back one copy until the next promote");
        }
        List<Copy> retired = RollbackTarget.retiredBefore(copies, managedName, served);
        Optional<Copy> target = retired.stream().filter(copy -> RollbackTarget.eligible(copy, managedName)).findFirst();
        if (target.isEmpty()) {
            return new Plan.Failed("no retired copy to roll back to from copy " + served.name() + skipped(retired,
                    managedName) + ": retire deletes a retired copy " + config.drain().toMinutes()
                    + " minutes after it was retired (drainMinutes); to keep yesterday's copy for a rollback, set "
                    + "drainMinutes to 1440 or more (at most " + Retirement.MAX_DRAIN_MINUTES + ")");
        }
        return new Plan.Rollback(target.get(), promoted);
    }

    /** The retired copies a rollback may not return to, and why. */
    private static String skipped(List<Copy> retired, String managedName) {
        List<String> why = retired.stream().map(copy -> copy.name() + " (" + Verification.rejectedBy(copy.clusterTags(),
                managedName).map(value -> "rejected: " + Verification.rejection(value))
                .orElseGet(() -> Statuses.of(copy)) + ")").toList();
        return why.isEmpty() ? "" : " (skipped: " + String.join(", ", why) + ")";
    }

    @Override
    public Result run(StageContext context, List<Copy> copies) {
        Map<String, Optional<String>> current = CnameMove.current(context);
        return switch (decide(copies, context.config(), current)) {
            case Plan.Nothing(String why) -> context.result(Outcome.NOTHING_TO_DO, why, null);
            case Plan.Failed(String why) -> context.result(Outcome.FAILED, why, null);
            case Plan.Rollback(Copy target, List<Copy> replaced) -> rollback(context, current, target, replaced);
        };
    }

    private Result rollback(StageContext context, Map<String, Optional<String>> current, Copy target, List<Copy> replaced) {
        Optional<String> waking = PowerSwitch.wake(context, target, "a stopped copy serves no one",
                "run rollback again once it is available");
        if (waking.isPresent()) {
            return context.result(Outcome.WAITING, waking.get(), target.name());
        }
        LifecycleConfig config = context.config();
        Optional<Result> waiting = CnameMove.point(context, target, CnameMove.stale(config, current, target));
        if (waiting.isPresent()) {
            return waiting.get();
        }
        String parameter = context.parameters().name(config.managedName());
        boolean wrote = ServedParameter.write(context, target);
        context.copies().setStage(target, config.managedName(), Stage.PROMOTED);
        for (Copy old : replaced) {
            context.copies().setStage(old, config.managedName(), Stage.RETIRED, Map.of(TimeTag.RETIRED, context.now()),
                    Map.of(Verification.rejectedTagKey(config.managedName()), Verification.ROLLED_BACK));
        }
        return context.result(Outcome.CHANGED, "rolled back to " + target.name() + ": " + config.dns().recordSetName()
                + " -> " + target.endpoint() + (replaced.isEmpty() ? "" : "; rejected "
                + String.join(", ", replaced.stream().map(Copy::name).toList()) + " (retired, deleted after its drain of "
                + config.drain().toMinutes() + " minutes)") + (wrote ? "; " + parameter + " names it" : ""),
                target.name()).withParameter(parameter);
    }
}
