package io.github.auroraecho.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One copy of the lifecycle: a managed DB cluster with its instances and their tags, as read from the
 * describe calls. Pure data: what to do with it is decided by the stages.
 */
public record Copy(
        String name,
        String clusterArn,
        String clusterStatus,
        String engine,
        Instant createdAt,
        String endpoint,
        String readerEndpoint,
        boolean deletionProtection,
        Map<String, String> clusterTags,
        List<String> associatedRoleArns,
        List<Instance> instances,
        Settings settings) {

    public static final String AVAILABLE = "available";
    private static final Set<String> POWERED_DOWN = Set.of("stopping", "stopped", "starting");
    private static final java.util.Set<String> FAILED_STATUSES = java.util.Set.of("failed",
            "inaccessible-encryption-credentials", "inaccessible-encryption-credentials-recoverable");

    public record Instance(String id, String arn, String status, String endpoint, Map<String, String> tags) {
    }

    /**
     * The cluster settings modify looks after, as RDS reports them.
     *
     * @param masterUserSecretArn    the RDS-managed secret holding the master password; null while RDS does not manage it
     * @param masterUserSecretStatus {@code creating}, {@code active}, {@code rotating} or {@code impaired}; null without a secret
     * @param backupRetentionPeriod  days; null when RDS did not say
     * @param engineVersion          the cluster's engine version ({@code 15.4}, {@code 8.0.mysql_aurora.3.07.0}): where
     *                               the RDS Data API is offered depends on it; null when RDS did not say
     * @param port                   the port the cluster listens on, for the connection parameter; null when RDS did not say
     */
    public record Settings(String parameterGroup, Integer backupRetentionPeriod, boolean httpEndpointEnabled,
                           String masterUserSecretArn, String masterUserSecretStatus, String engineVersion, Integer port) {
        /** Settings read without the port (the rules that do not need it). */
        public Settings(String parameterGroup, Integer backupRetentionPeriod, boolean httpEndpointEnabled,
                        String masterUserSecretArn, String masterUserSecretStatus, String engineVersion) {
            this(parameterGroup, backupRetentionPeriod, httpEndpointEnabled, masterUserSecretArn, masterUserSecretStatus,
                    engineVersion, null);
        }
    }

    public Copy {
        clusterTags = Map.copyOf(clusterTags);
        associatedRoleArns = List.copyOf(associatedRoleArns);
        instances = instances.stream().sorted(Comparator.comparing(Instance::id)).toList();
    }

    /**
     * The copy's stage: its instance's tag where an instance carries one (aurora-echo 2.x moves only the
     * instance tag), else its cluster's tag.
     */
    public Optional<Stage> stage(String managedName) {
        String key = Stage.tagKey(managedName);
        return instances.stream()
                .filter(instance -> instance.tags().containsKey(key))
                .findFirst()
                .map(instance -> Stage.fromTags(instance.tags(), managedName))
                .orElseGet(() -> Stage.fromTags(clusterTags, managedName));
    }

    /**
     * Stopped, or on its way to or from stopped: RDS then takes no change to the cluster but a start, "While your DB
     * cluster is stopped" (Aurora User Guide, https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-cluster-stop-start.html).
     */
    public boolean isPoweredDown() {
        return POWERED_DOWN.contains(clusterStatus);
    }

    public boolean isAvailable() {
        return AVAILABLE.equals(clusterStatus) && !instances.isEmpty()
                && instances.stream().allMatch(instance -> AVAILABLE.equals(instance.status()));
    }

    /**
     * Why this copy will never become available by itself: a failed or incompatible cluster or instance,
     * or one still creating after {@code stuckAfter}. Empty for a healthy copy.
     */
    public Optional<String> problem(String managedName, Instant now, Duration stuckAfter) {
        List<String> problems = new java.util.ArrayList<>();
        problemOf("cluster " + name, clusterStatus, managedName, now, stuckAfter).ifPresent(problems::add);
        for (Instance instance : instances) {
            problemOf("instance " + instance.id(), instance.status(), managedName, now, stuckAfter).ifPresent(problems::add);
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", problems));
    }

    private Optional<String> problemOf(String what, String status, String managedName, Instant now, Duration stuckAfter) {
        if (status == null) {
            return Optional.empty();
        }
        if (FAILED_STATUSES.contains(status) || status.startsWith("incompatible-")) {
            return Optional.of(what + " is " + status);
        }
        if ("creating".equals(status) && age(managedName, now).compareTo(stuckAfter) > 0) {
            return Optional.of(what + " has been creating for " + age(managedName, now).toHours() + " hours");
        }
        return Optional.empty();
    }

    /** When the copy was made: the cluster's creation time, else the date in its name. */
    public Instant createdAt(String managedName) {
        if (createdAt != null) {
            return createdAt;
        }
        return CopyName.dateOf(managedName, name).map(date -> date.atStartOfDay().toInstant(ZoneOffset.UTC))
                .orElse(Instant.EPOCH);
    }

    public Duration age(String managedName, Instant now) {
        return Duration.between(createdAt(managedName), now);
    }

    /** Every DNS name by which a client can reach this copy; a record pointing at any of them is "in use". */
    public List<String> endpoints() {
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        if (endpoint != null) {
            all.add(endpoint);
        }
        if (readerEndpoint != null) {
            all.add(readerEndpoint);
        }
        instances.stream().map(Instance::endpoint).filter(java.util.Objects::nonNull).forEach(all::add);
        return all;
    }

    /** Newest first, by creation time then name, so the choice of "the newest copy" is deterministic. */
    public static Comparator<Copy> newestFirst(String managedName) {
        return Comparator.comparing((Copy copy) -> copy.createdAt(managedName))
                .thenComparing(Copy::name)
                .reversed();
    }
}
