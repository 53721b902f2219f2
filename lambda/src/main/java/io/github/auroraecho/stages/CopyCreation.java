package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.CopyTags;
import io.github.auroraecho.lifecycle.CopyName;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Ownership;
import io.github.auroraecho.lifecycle.RefusedException;
import io.github.auroraecho.lifecycle.ServerlessV2;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;
import software.amazon.awssdk.services.rds.model.DbClusterAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbClusterQuotaExceededException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What new and clone share: when to make a copy, resuming a half-made one, and duplicate delivery. */
abstract class CopyCreation implements LifecycleStage {

    /** What a creation run should do, decided from the lifecycle's copies alone. */
    sealed interface Plan {
        /** A copy whose restore ran but whose instance was never created. */
        record Resume(Copy copy) implements Plan {
        }

        /** A half-made copy that cannot be resumed: its cluster failed or is stuck. */
        record Abandon(Copy copy, String problem) implements Plan {
        }

        record TooYoung(Copy copy, Duration age) implements Plan {
        }

        /** Today's name is already a copy of this lifecycle: the schedule fired twice. */
        record AlreadyExists(Copy copy) implements Plan {
        }

        record Create(String name) implements Plan {
        }
    }

    /**
     * Where a copy comes from, found (or refused) before anything is created: the engine its instance
     * needs, its version when known before the copy exists, words for the result, the time its data is from (kept as a tag: RDS does not tell it later),
     * and the restore or clone call that makes the cluster, tagged from its first moment.
     */
    protected record Source(String engine, String engineVersion, String description, Instant sourcePoint,
                            ClusterFactory factory) {
    }

    @FunctionalInterface
    protected interface ClusterFactory {
        void create(String name, Map<String, String> tags);
    }

    protected abstract Source source(StageContext context);

    static Plan decide(List<Copy> copies, LifecycleConfig config, Instant now) {
        String managedName = config.managedName();
        Optional<Copy> halfMade = copies.stream()
                .filter(copy -> copy.stage(managedName).equals(Optional.of(Stage.NEW)) && copy.instances().isEmpty())
                .min(Copy.newestFirst(managedName));
        if (halfMade.isPresent()) {
            Optional<String> problem = halfMade.get().problem(managedName, now, config.timing().stuckAfter());
            return problem.<Plan>map(p -> new Plan.Abandon(halfMade.get(), p))
                    .orElseGet(() -> new Plan.Resume(halfMade.get()));
        }
        Duration minimumAge = config.timing().minimumAge();
        Optional<Copy> youngest = copies.stream().min(Copy.newestFirst(managedName));
        if (youngest.isPresent() && youngest.get().age(managedName, now).compareTo(minimumAge) < 0) {
            return new Plan.TooYoung(youngest.get(), youngest.get().age(managedName, now));
        }
        String name = CopyName.of(managedName, now.atZone(ZoneOffset.UTC).toLocalDate(), config.labels().suffix());
        return copies.stream().filter(copy -> copy.name().equals(name)).findFirst()
                .<Plan>map(Plan.AlreadyExists::new)
                .orElseGet(() -> new Plan.Create(name));
    }

    @Override
    public Result run(StageContext context, List<Copy> copies) {
        LifecycleConfig config = context.config();
        Map<String, String> tags = CopyTags.creation(config, context.environment());
        Plan plan = decide(copies, config, context.now());
        return switch (plan) {
            case Plan.Resume(Copy copy) -> CopyInstance.create(context, copy.name(), copy.clusterStatus(), copy.engine())
                    .map(waiting -> context.result(Outcome.WAITING, waiting, copy.name()))
                    .orElseGet(() -> context.result(Outcome.CHANGED, "resumed copy " + copy.name()
                            + ": its cluster existed without an instance, created the instance", copy.name()));
            case Plan.Abandon(Copy copy, String problem) -> BrokenCopy.retire(context, copy, problem);
            case Plan.TooYoung(Copy copy, Duration age) -> context.result(Outcome.NOTHING_TO_DO,
                    "copy " + copy.name() + " is " + hours(age) + " hours old, younger than minimumAgeHours "
                            + config.timing().minimumAgeHours() + ": no new copy", copy.name());
            case Plan.AlreadyExists(Copy copy) -> context.result(Outcome.NOTHING_TO_DO,
                    "copy " + copy.name() + " already exists (the schedule ran twice today)", copy.name());
            case Plan.Create(String name) -> CopyTags.otherEnvironment(copies, context.environment())
                    .map(owner -> context.result(Outcome.FAILED, ownedElsewhere(context, owner), null))
                    .orElseGet(() -> create(context, name, tags));
        };
    }

    /** Why no copy is made: its environment's functions could not manage it (see {@link CopyTags#otherEnvironment}). */
    private static String ownedElsewhere(StageContext context, String owner) {
        return "no new copy: the copies of " + context.managedName() + " belong to environment " + owner
                + " (their tag " + CopyTags.ENVIRONMENT + ") and this run's copy would carry "
                + (context.environment() == null ? "none" : context.environment()) + ", so " + owner
                + "'s functions could not manage it; on the command line give --environment " + owner;
    }

    private Result create(StageContext context, String name, Map<String, String> tags) {
        Optional<Copy> existing = context.copies().cluster(name);
        if (existing.isPresent()) {
            return alreadyThere(context, name, existing.get());
        }
        Source source = source(context);
        ServerlessV2 serverless = context.config().placement().serverlessV2();
        if (serverless != null) {
            serverless.refusalFor(source.engine(), source.engineVersion()).ifPresent(refusal -> {
                throw new RefusedException(refusal + "; nothing was changed");
            });
        }
        Map<String, String> clusterTags = new LinkedHashMap<>(tags);
        clusterTags.put(TimeTag.SOURCE_POINT.key(context.managedName()), TimeTag.value(source.sourcePoint()));
        try {
            source.factory().create(name, clusterTags);
        } catch (DbClusterAlreadyExistsException e) {
            return context.copies().cluster(name)
                    .map(cluster -> alreadyThere(context, name, cluster))
                    .orElseThrow(() -> e);
        } catch (DbClusterQuotaExceededException e) {
            throw RdsQuota.CLUSTERS.exceeded("RDS refused to create copy " + name + ", nothing was changed", e);
        }
        // A dry run made no cluster to read: it plans the instance as a real run makes it once the cluster is available.
        String status = context.changes().dryRun() ? Copy.AVAILABLE
                : context.copies().cluster(name).map(Copy::clusterStatus).orElse("not found");
        String created = "created copy " + name + " from " + source.description();
        return CopyInstance.create(context, name, status, source.engine())
                .map(waiting -> context.result(Outcome.WAITING, created + "; " + waiting, name))
                .orElseGet(() -> context.result(Outcome.CHANGED, created, name));
    }

    /**
     * Today's name exists although our listing did not show it: another delivery of the same schedule made
     * it in between (a copy by the ownership rule), or it is someone else's cluster, which is never touched.
     */
    private static Result alreadyThere(StageContext context, String name, Copy cluster) {
        LifecycleConfig config = context.config();
        Optional<String> notACopy = new Ownership(config.managedName(), config.source().sourceClusterName())
                .notACopy(cluster.name(), cluster.clusterTags());
        if (notACopy.isPresent()) {
            throw new RefusedException("a cluster named " + name + " exists but is not a copy of lifecycle "
                    + context.managedName() + " (" + notACopy.get() + "): nothing was changed; remove it or set a suffix");
        }
        return context.result(Outcome.NOTHING_TO_DO, "copy " + name
                + " was created by a concurrent run of the same schedule", name);
    }

    private static String hours(Duration age) {
        return String.format(Locale.ROOT, "%.1f", age.toMinutes() / 60.0);
    }
}
