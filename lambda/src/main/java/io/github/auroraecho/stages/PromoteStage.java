package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;
import io.github.auroraecho.lifecycle.Verification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Points the CNAME record(s) at the newest modified copy, waits until Route53 has them in sync, writes the
 * lifecycle's connection parameter, then retires the copies it replaces and marks it promoted; with the
 * document's {@code verify}, only once the copy passed its checks ({@link CopyChecks}). DNS moves before
 * the parameter and any tag, so a run interrupted anywhere leaves the old copy reachable or the new one promoted,
 * and the next run finishes the job: with nothing else to do, it still sets the parameter to the promoted copy.
 */
public final class PromoteStage implements LifecycleStage {

    sealed interface Plan {
        record Nothing(String why) implements Plan {
        }

        record Waiting(Copy copy) implements Plan {
        }

        record Broken(Copy copy, String problem) implements Plan {
        }

        /** Promote {@code copy}; {@code replaced} are the copies that go to retired once DNS is in sync. */
        record Promote(Copy copy, List<Copy> replaced) implements Plan {
        }
    }

    static Plan decide(List<Copy> copies, LifecycleConfig config, Instant now) {
        String managedName = config.managedName();
        Comparator<Copy> newestFirst = Copy.newestFirst(managedName);
        Optional<Copy> candidate = inStage(copies, managedName, Stage.MODIFIED).min(newestFirst);
        if (candidate.isEmpty()) {
            return new Plan.Nothing("no copy in stage modified" + rejectedSince(copies, managedName));
        }
        Copy copy = candidate.get();
        Optional<Copy> newerPromoted = inStage(copies, managedName, Stage.PROMOTED)
                .filter(promoted -> newestFirst.compare(promoted, copy) < 0)
                .findFirst();
        if (newerPromoted.isPresent()) {
            return new Plan.Nothing("copy " + newerPromoted.get().name() + " is promoted and newer than "
                    + copy.name() + ": DNS is not moved back to an older copy");
        }
        Optional<String> problem = copy.problem(managedName, now, config.timing().stuckAfter());
        if (problem.isPresent()) {
            return new Plan.Broken(copy, problem.get());
        }
        if (!copy.isAvailable()) {
            return new Plan.Waiting(copy);
        }
        // The promoted copies, and modified or never-modified ones older than this copy, are what it replaces.
        List<Copy> replaced = copies.stream()
                .filter(other -> !other.name().equals(copy.name()))
                .filter(other -> other.stage(managedName).map(stage -> switch (stage) {
                    case PROMOTED -> true;
                    case NEW, MODIFIED -> newestFirst.compare(copy, other) < 0;
                    case RETIRED -> false;
                }).orElse(false))
                .toList();
        return new Plan.Promote(copy, replaced);
    }

    /**
     * The copies rejected by their checks that are newer than every promoted copy, as a later run the same night
     * reports them: DNS stays where it is.
     */
    private static String rejectedSince(List<Copy> copies, String managedName) {
        Comparator<Copy> newestFirst = Copy.newestFirst(managedName);
        Optional<Copy> served = inStage(copies, managedName, Stage.PROMOTED).min(newestFirst);
        List<String> rejected = copies.stream()
                .filter(copy -> Verification.rejectedBy(copy.clusterTags(), managedName)
                        .filter(value -> !Verification.ROLLED_BACK.equals(value)).isPresent())
                .filter(copy -> served.isEmpty() || newestFirst.compare(copy, served.get()) < 0)
                .map(copy -> copy.name() + " (check \"" + Verification.rejectedBy(copy.clusterTags(), managedName).get()
                        + "\" failed)")
                .toList();
        return rejected.isEmpty() ? "" : "; rejected, never served: " + String.join(", ", rejected)
                + (served.isEmpty() ? "" : "; DNS stays at " + served.get().name());
    }

    private static java.util.stream.Stream<Copy> inStage(List<Copy> copies, String managedName, Stage stage) {
        return copies.stream().filter(copy -> copy.stage(managedName).equals(Optional.of(stage)));
    }

    @Override
    public Result run(StageContext context, List<Copy> copies) {
        return switch (decide(copies, context.config(), context.now())) {
            case Plan.Nothing(String why) -> reconcile(context, copies, why);
            case Plan.Waiting(Copy copy) -> context.result(Outcome.WAITING, PowerSwitch.wake(context, copy,
                    "a stopped copy serves no one and answers no check", "the next run promotes it once it is available")
                    .orElse("copy " + copy.name() + " is not available yet (" + Statuses.of(copy) + ")"), copy.name());
            case Plan.Promote(Copy copy, List<Copy> replaced) -> promote(context, copy, replaced);
            case Plan.Broken(Copy copy, String problem) -> BrokenCopy.retire(context, copy, problem);
        };
    }

    private Result promote(StageContext context, Copy copy, List<Copy> replaced) {
        LifecycleConfig config = context.config();
        Map<String, Optional<String>> current = CnameMove.current(context);
        List<String> stale = CnameMove.stale(config, current, copy);
        Map<String, Object> verified = Map.of();
        String checked = "";
        if (!stale.isEmpty()) {
            switch (CopyChecks.run(context, copy, served(current, stale, replaced))) {
                case CopyChecks.Verdict.Stop(Result stop) -> {
                    return stop;
                }
                case CopyChecks.Verdict.Passed(Map<String, Object> values, String words) -> {
                    verified = values;
                    checked = words;
                }
            }
            Optional<Result> waiting = CnameMove.point(context, copy, stale);
            if (waiting.isPresent()) {
                return waiting.get();
            }
        }
        String parameter = context.parameters().name(config.managedName());
        boolean wrote = ServedParameter.write(context, copy);
        for (Copy old : replaced) {
            context.copies().setStage(old, config.managedName(), Stage.RETIRED, Map.of(TimeTag.RETIRED, context.now()));
        }
        context.copies().setStage(copy, config.managedName(), Stage.PROMOTED);
        return context.result(Outcome.CHANGED, "promoted " + copy.name() + ": " + config.dns().recordSetName() + " -> "
                + copy.endpoint() + (replaced.isEmpty() ? "" : "; retired "
                + String.join(", ", replaced.stream().map(Copy::name).toList())) + checked
                + (wrote ? "; " + parameter + " names it" : "") + stopped(context, copy, replaced), copy.name())
                .withVerified(verified).withParameter(parameter);
    }

    /**
     * Once DNS is in sync and the tags written, stops what need not run: with {@code stopRetired} the copies it
     * retired, so a long drain costs storage only; outside the running hours the copy it serves, which would otherwise
     * run until the next stop.
     */
    private static String stopped(StageContext context, Copy copy, List<Copy> replaced) {
        List<String> words = new ArrayList<>();
        if (context.config().stopping().stopRetired()) {
            replaced.forEach(old -> words.add(PowerSwitch.stop(context, old, "stopRetired")));
        }
        if (context.config().stopping().servedCopyStoppedAt(context.now())) {
            words.add(PowerSwitch.stop(context, copy, "outside its running hours "
                    + context.config().stopping().runningHours().describe() + "; start starts it"));
        }
        return words.stream().map(sentence -> "; " + sentence).collect(Collectors.joining());
    }

    /**
     * Nothing to promote: the promoted copy's parameter is still made right, for a run that stopped between the DNS
     * move and the write (a read, and no write when it already names the copy).
     */
    private Result reconcile(StageContext context, List<Copy> copies, String why) {
        String managedName = context.managedName();
        String parameter = context.parameters().name(managedName);
        Optional<Copy> served = inStage(copies, managedName, Stage.PROMOTED).min(Copy.newestFirst(managedName));
        if (served.isEmpty()) {
            return context.result(Outcome.NOTHING_TO_DO, why, null);
        }
        if (ServedParameter.write(context, served.get())) {
            return context.result(Outcome.CHANGED, "wrote " + parameter + " for " + served.get().name()
                    + ", the promoted copy it did not name (" + why + ")", served.get().name()).withParameter(parameter);
        }
        return context.result(Outcome.NOTHING_TO_DO, why, null).withParameter(parameter);
    }

    /**
     * What the record serves before DNS moves, in the run's words (the first stale zone's target): the copy it
     * replaces that has that endpoint, or the target itself; null when the record does not exist yet.
     */
    private static String served(Map<String, Optional<String>> current, List<String> stale, List<Copy> replaced) {
        return current.get(stale.get(0)).map(target -> replaced.stream().filter(old -> target.equals(old.endpoint()))
                .map(old -> "copy " + old.name()).findFirst().orElse("the record's target " + target)).orElse(null);
    }
}
