package io.github.auroraecho.lifecycle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The tags that mark a copy, in one place. Besides 2.x's {@code aurora-echo:<managedName>:stage}, a copy made by
 * this version carries name-free tags the deployed roles' policies decide by, so that one policy covers any number
 * of lifecycles (IAM conditions cannot name a tag key built from each lifecycle's name):
 * {@code aurora-echo:lifecycle} (the managed name in lower case, as RDS writes the copy's ARN),
 * {@code aurora-echo:stage} (the stage again) and, when the function runs for a deployed environment,
 * {@code aurora-echo:environment}.
 */
public final class CopyTags {
    public static final String ENVIRONMENT = "aurora-echo:environment";
    public static final String LIFECYCLE = "aurora-echo:lifecycle";
    public static final String STAGE = "aurora-echo:stage";
    /** Set by the stack on every stage function; a CLI user may set it to hand copies to an environment. */
    public static final String ENVIRONMENT_VARIABLE = "AURORA_ECHO_ENVIRONMENT";
    /** What an environment may be called (the stack's settings, the CLI's --environment): it goes into names. */
    public static final String ENVIRONMENT_NAME = "[a-z][a-z0-9-]{0,19}";
    /** How many of RDS's 50 tags a copy's own tags take at most: stage, lifecycle, stage again, environment. */
    public static final int RESERVED = 4;

    private CopyTags() {
    }

    /** Every tag a new copy carries from its restore call on: the document's own and the copy's marks. */
    public static Map<String, String> creation(LifecycleConfig config, String environment) {
        Map<String, String> all = new LinkedHashMap<>(config.labels().tags());
        all.put(config.stageTagKey(), Stage.NEW.tagValue());
        all.put(LIFECYCLE, config.managedName().toLowerCase(Locale.ROOT));
        all.put(STAGE, Stage.NEW.tagValue());
        if (environment != null && !environment.isBlank()) {
            all.put(ENVIRONMENT, environment);
        }
        return all;
    }

    /** What a stage move writes: both stage tags, in one call. */
    public static Map<String, String> stage(String managedName, Stage stage) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(Stage.tagKey(managedName), stage.tagValue());
        tags.put(STAGE, stage.tagValue());
        return tags;
    }

    /**
     * Whether a stage move must write to a resource with these tags: unless it already says the stage in both tags.
     * A 2.x copy has no name-free stage tag: that alone does not make a move write.
     */
    public static boolean needsStage(Map<String, String> tags, String managedName, Stage stage) {
        return !stage.tagValue().equals(tags.get(Stage.tagKey(managedName)))
                || (tags.containsKey(STAGE) && !stage.tagValue().equals(tags.get(STAGE)));
    }

    /**
     * The times a stage move writes on a cluster with these tags, in {@link TimeTag}'s order: a time, once written,
     * stays what it first was while the copy stays in that stage (a retried move changes nothing), but a copy that
     * comes back into a stage gets the move's time: a copy a rollback returned to carries the time of its first
     * retirement, and its drain starts when a promote retires it again, not then.
     */
    public static Map<String, String> times(Map<String, String> tags, String managedName, Stage stage,
                                            Map<TimeTag, Instant> times) {
        boolean arriving = !stage.tagValue().equals(tags.get(Stage.tagKey(managedName)));
        Map<String, String> written = new LinkedHashMap<>();
        times.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(time -> arriving || !tags.containsKey(time.getKey().key(managedName)))
                .forEach(time -> written.put(time.getKey().key(managedName), TimeTag.value(time.getValue())));
        return written;
    }

    /**
     * The environment the lifecycle's copies carry when a copy made by this run would carry none or another: that
     * environment's functions could not manage the new copy (their policies require their own environment tag).
     */
    public static Optional<String> otherEnvironment(List<Copy> copies, String environment) {
        return copies.stream().map(copy -> copy.clusterTags().get(ENVIRONMENT)).filter(Objects::nonNull)
                .filter(owner -> !owner.equals(environment)).findFirst();
    }

    /** The environment the stage functions of a deployed stack run for; null on the command line unless set. */
    public static String deployedEnvironment() {
        return System.getenv(ENVIRONMENT_VARIABLE);
    }
}
