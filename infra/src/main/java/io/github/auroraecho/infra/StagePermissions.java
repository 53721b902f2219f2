package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.CopyTags;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.RecordNames;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The least-privilege IAM statements of each stage function. Their size does not grow with the number of lifecycles:
 * a copy is recognised by the name-free tags every copy of this version carries ({@link CopyTags}), not by one
 * statement per lifecycle.
 * <ul>
 * <li>Copies are named {@code <lifecycle>-YYYY-MM-DD[-suffix]}: every action on a copy is allowed only on ARNs
 *     {@code <lifecycle>-????-??-??*} where {@code <lifecycle>} is the policy variable of the copy's own
 *     {@code aurora-echo:lifecycle} tag (of the request's tags when it is created), so a name and its tag must agree.</li>
 * <li>Creating needs the request to tag the copy as a new copy of this environment; every later change needs the
 *     copy to carry this environment's tag ({@code aws:ResourceTag}); modify acts only on copies in stage
 *     {@code new}, deletes only on copies in stage {@code retired}.</li>
 * <li>A stage move may write only the two stage tags ({@code aws:TagKeys}) and only the values that stage writes.</li>
 * </ul>
 * What does grow is what the operator configures: distinct sources, groups, zones, record names, roles, keys and
 * scripts, each listed once however many lifecycles share it. The only {@code *} resource is on read-only calls that
 * support no resource scoping: RDS Describe calls with filters, and the Tagging API's GetResources.
 */
public final class StagePermissions {
    static final String DESCRIBE_SNAPSHOTS = "rds:DescribeDBClusterSnapshots";
    /** Promote and retire check each configured zone (its name) and what the record points to. */
    static final List<String> READ_ZONE_ACTIONS = List.of("route53:GetHostedZone", "route53:ListResourceRecordSets");
    /** A copy's name: its own lifecycle tag, then {@code -YYYY-MM-DD} and an optional suffix. */
    static final String COPY = "${aws:ResourceTag/" + CopyTags.LIFECYCLE + "}-????-??-??*";
    /** A copy being created: the lifecycle tag of the request. */
    static final String NEW_COPY = "${aws:RequestTag/" + CopyTags.LIFECYCLE + "}-????-??-??*";
    /** The final snapshot retire takes is named after the copy: {@code <copy>-final-<seconds>}. */
    static final String FINAL_SNAPSHOT = "*-????-??-??*-final-*";
    /** The default groups RDS applies when a lifecycle names none: read-only groups AWS owns. */
    static final String DEFAULT_PARAMETER_GROUPS = "default.aurora*";
    static final String DEFAULT_OPTION_GROUPS = "default:aurora*";
    /** Record names a statement lists at most, so that every statement fits a managed policy (see RolePolicy). */
    static final int NAMES_PER_STATEMENT = 100;

    private final Stack stack;
    private final String environment;
    private final SecureCopyPermissions secure;

    StagePermissions(Stack stack, String environment) {
        this.stack = stack;
        this.environment = environment;
        this.secure = new SecureCopyPermissions(stack, this);
    }

    String region(LifecycleConfig config) {
        return config.region() != null ? config.region() : stack.getRegion();
    }

    String partition() {
        return stack.getPartition();
    }

    String rdsArn(String region, String type, String name) {
        return "arn:" + partition() + ":rds:" + region + ":" + stack.getAccount() + ":" + type + ":" + name;
    }

    String rdsArn(LifecycleConfig config, String type, String name) {
        return rdsArn(region(config), type, name);
    }

    String roleArn(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn
                : "arn:" + partition() + ":iam::" + stack.getAccount() + ":role/" + nameOrArn;
    }

    String hostedZoneArn(String zoneId) {
        return "arn:" + partition() + ":route53:::hostedzone/" + zoneId;
    }

    /** The service endpoint kms:ViaService names: {@code rds.<region>.amazonaws.com} (.com.cn in China). */
    String viaService(String service, String region) {
        String suffix = Token.isUnresolved(region) ? stack.getUrlSuffix()
                : region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return service + "." + region + "." + suffix;
    }

    /** Every distinct value the lifecycles give, in order: each resource is listed once however many share it. */
    static <T> List<T> distinct(List<LifecycleConfig> configs, Function<LifecycleConfig, List<T>> values) {
        Set<T> all = new LinkedHashSet<>();
        configs.forEach(config -> all.addAll(values.apply(config)));
        return List.copyOf(all);
    }

    /** The copies of this environment's lifecycles, in every region the lifecycles use. */
    List<String> copies(List<LifecycleConfig> configs, String... types) {
        return distinct(configs, config -> Arrays.stream(types).map(type -> rdsArn(config, type, COPY)).toList());
    }

    Map<String, Object> ofThisEnvironment(Stage... stages) {
        Map<String, Object> equals = new LinkedHashMap<>();
        equals.put("aws:ResourceTag/" + CopyTags.ENVIRONMENT, environment);
        if (stages.length > 0) {
            equals.put("aws:ResourceTag/" + CopyTags.STAGE, values(stages));
        }
        return Map.of("StringEquals", equals);
    }

    /** Every statement of one stage function, for the lifecycles that schedule this stage. */
    List<PolicyStatement> statements(Operation operation, List<LifecycleSchedule> lifecycles) {
        List<PolicyStatement> statements = new ArrayList<>();
        if (lifecycles.isEmpty()) {
            return statements;
        }
        List<LifecycleConfig> configs = lifecycles.stream().map(l -> l.config(operation)).toList();
        // The Tagging API names the resources that carry the lifecycle's stage tag key; only those are described.
        List<String> describe = new ArrayList<>(List.of("tag:GetResources", "rds:DescribeDBClusters",
                "rds:DescribeDBInstances"));
        if (operation == Operation.NEW) {
            describe.add(DESCRIBE_SNAPSHOTS);
        }
        statements.add(statement("ReadRds", describe, List.of("*"), Map.of()));
        switch (operation) {
            case NEW, CLONE -> statements.addAll(create(operation, lifecycles));
            case MODIFY -> statements.addAll(modify(configs));
            case PROMOTE -> statements.addAll(promote(configs));
            case RETIRE -> statements.addAll(retire(configs));
        }
        return statements;
    }

    private List<PolicyStatement> create(Operation operation, List<LifecycleSchedule> lifecycles) {
        List<LifecycleConfig> configs = lifecycles.stream().map(l -> l.config(operation)).toList();
        String restore = operation == Operation.NEW ? "rds:RestoreDBClusterFromSnapshot"
                : "rds:RestoreDBClusterToPointInTime";
        List<PolicyStatement> statements = new ArrayList<>();
        // The copy itself, and RDS's tagging on create: named after the lifecycle it is tagged with, and only
        // tagged as a new copy of this environment.
        statements.add(statement("CreateCopies", List.of(restore, "rds:AddTagsToResource"),
                distinct(configs, c -> List.of(rdsArn(c, "cluster", NEW_COPY))), taggedAsNewCopy()));
        // What the copy is made from and with: used, not changed. RDS authorizes the parameter and option groups it
        // applies, its defaults when the lifecycle names none.
        List<String> sources = new ArrayList<>(distinct(configs, config -> {
            List<String> used = new ArrayList<>(operation == Operation.NEW ? snapshotSources(config)
                    : List.of(rdsArn(config, "cluster", config.source().sourceClusterName().toLowerCase(Locale.ROOT))));
            used.add(rdsArn(config, "subgrp", config.placement().dbSubnetGroupName().toLowerCase(Locale.ROOT)));
            used.add(rdsArn(config, "cluster-pg", config.placement().dbClusterParameterGroupName() != null
                    ? config.placement().dbClusterParameterGroupName().toLowerCase(Locale.ROOT) : DEFAULT_PARAMETER_GROUPS));
            used.add(rdsArn(config, "og", DEFAULT_OPTION_GROUPS));
            return used;
        }));
        statements.add(statement("UseSources", List.of(restore), sources, Map.of()));
        statements.addAll(instanceOfNewCopy(configs));
        statements.addAll(secure.keys(lifecycles, operation));
        // A broken copy of the lifecycle (failed, incompatible, stuck creating) is marked retired, so retire deletes it.
        statements.add(moveStage("RetireBrokenCopies", configs, Stage.RETIRED));
        return statements;
    }

    /**
     * Creating a copy's instance: new and clone right after its cluster, modify once the cluster is available
     * when new or clone left it creating ({@code stages.CopyInstance}).
     */
    private List<PolicyStatement> instanceOfNewCopy(List<LifecycleConfig> configs) {
        return List.of(
                statement("CreateInstances", List.of("rds:CreateDBInstance", "rds:AddTagsToResource"),
                        distinct(configs, c -> List.of(rdsArn(c, "db", NEW_COPY))), taggedAsNewCopy()),
                // An instance joins only a new copy of this environment.
                statement("JoinNewCopies", List.of("rds:CreateDBInstance"), copies(configs, "cluster"),
                        ofThisEnvironment(Stage.NEW)),
                // The instance joins the copy's cluster (no subnet group of its own): its parameter group and the
                // default option group.
                statement("UseInstanceSources", List.of("rds:CreateDBInstance"), distinct(configs, config ->
                        List.of(rdsArn(config, "pg", config.placement().dbParameterGroupName() != null
                                        ? config.placement().dbParameterGroupName().toLowerCase(Locale.ROOT)
                                        : DEFAULT_PARAMETER_GROUPS),
                                rdsArn(config, "og", DEFAULT_OPTION_GROUPS))), Map.of()));
    }

    /** RDS's tagging on create: only as a new copy of this environment. */
    private Map<String, Object> taggedAsNewCopy() {
        Map<String, Object> newCopy = new LinkedHashMap<>();
        newCopy.put("aws:RequestTag/" + CopyTags.ENVIRONMENT, environment);
        newCopy.put("aws:RequestTag/" + CopyTags.STAGE, Stage.NEW.tagValue());
        return Map.of("StringEquals", newCopy);
    }

    /** What new restores from: any snapshot of the source's account (names are free-form), or the one named. */
    private List<String> snapshotSources(LifecycleConfig config) {
        if (config.source().sourceSnapshotArn() != null) {
            return List.of(config.source().sourceSnapshotArn());
        }
        if (config.source().isSharedCluster()) {
            String[] cluster = config.source().sourceClusterName().split(":", 7);
            return List.of("arn:" + cluster[1] + ":rds:" + cluster[3] + ":" + cluster[4] + ":cluster-snapshot:*");
        }
        return List.of(rdsArn(config, "cluster-snapshot", "*"));
    }

    private List<PolicyStatement> modify(List<LifecycleConfig> configs) {
        List<PolicyStatement> statements = new ArrayList<>();
        List<String> roles = distinct(configs, config -> config.modification().iamRoleNames().stream().map(this::roleArn).toList());
        if (!roles.isEmpty()) {
            statements.add(statement("AssociateRoles", List.of("rds:AddRoleToDBCluster"), copies(configs, "cluster"),
                    ofThisEnvironment(Stage.NEW)));
            statements.add(statement("PassRoles", List.of("iam:PassRole"), roles,
                    Map.of("StringEquals", Map.of("iam:PassedToService", "rds.amazonaws.com"))));
        }
        statements.addAll(secure.modify(configs));
        statements.addAll(instanceOfNewCopy(configs));
        // Modified when ready; retired when broken (it would never become available).
        statements.add(moveStage("MoveStage", configs, Stage.MODIFIED, Stage.RETIRED));
        return statements;
    }

    private List<PolicyStatement> promote(List<LifecycleConfig> configs) {
        List<PolicyStatement> statements = new ArrayList<>();
        // One statement per set of zones that share record names: a name may change only in the zones configured
        // for it.
        Map<List<String>, Set<String>> namesByZones = new LinkedHashMap<>();
        for (LifecycleConfig config : configs) {
            namesByZones.computeIfAbsent(config.dns().hostedZoneIds().stream().distinct().sorted().toList(),
                    zones -> new LinkedHashSet<>()).add(RecordNames.normalized(config.dns().recordSetName()));
        }
        int index = 1;
        List<Map.Entry<List<String>, List<String>>> chunks = new ArrayList<>();
        namesByZones.forEach((zones, names) -> {
            List<String> all = List.copyOf(names);
            for (int from = 0; from < all.size(); from += NAMES_PER_STATEMENT) {
                chunks.add(Map.entry(zones, all.subList(from, Math.min(all.size(), from + NAMES_PER_STATEMENT))));
            }
        });
        for (Map.Entry<List<String>, List<String>> entry : chunks) {
            Map<String, Object> onlyTheRecords = new LinkedHashMap<>();
            onlyTheRecords.put("route53:ChangeResourceRecordSetsNormalizedRecordNames", entry.getValue());
            onlyTheRecords.put("route53:ChangeResourceRecordSetsRecordTypes", List.of("CNAME"));
            onlyTheRecords.put("route53:ChangeResourceRecordSetsActions", List.of("UPSERT"));
            statements.add(statement("PointRecords" + (index == 1 ? "" : index), List.of("route53:ChangeResourceRecordSets"),
                    entry.getKey().stream().map(this::hostedZoneArn).toList(),
                    Map.of("ForAllValues:StringEquals", onlyTheRecords)));
            index++;
        }
        statements.add(readZones(configs));
        // Change ids are only known once a change is made; GetChange is read-only.
        statements.add(statement("WaitForDnsChange", List.of("route53:GetChange"),
                List.of("arn:" + partition() + ":route53:::change/*"), Map.of()));
        statements.add(moveStage("MoveStage", configs, Stage.PROMOTED, Stage.RETIRED));
        return statements;
    }

    private List<PolicyStatement> retire(List<LifecycleConfig> configs) {
        List<PolicyStatement> statements = new ArrayList<>();
        statements.add(readZones(configs));
        // A copy whose instance says retired but whose cluster does not yet (a move interrupted between the two
        // calls): retire writes retired on both before deleting.
        statements.add(moveStage("MarkRetired", configs, Stage.RETIRED));
        statements.add(statement("DeleteRetiredInstances", List.of("rds:DeleteDBInstance"), copies(configs, "db"),
                ofThisEnvironment(Stage.RETIRED)));
        statements.add(statement("DeleteRetiredClusters", List.of("rds:DeleteDBCluster"), copies(configs, "cluster"),
                ofThisEnvironment(Stage.RETIRED)));
        List<LifecycleConfig> withSnapshot = configs.stream().filter(c -> c.retirement().finalSnapshot()).toList();
        if (!withSnapshot.isEmpty()) {
            // The final snapshot is a new snapshot named after the copy; the delete itself needs the copy above. RDS
            // makes it with the caller's permissions (CreateDBClusterSnapshot on the copy and the snapshot), and tags
            // it with the copy's tags when the copy copies tags to snapshots.
            statements.add(statement("FinalSnapshotName", List.of("rds:DeleteDBCluster", "rds:CreateDBClusterSnapshot",
                    "rds:AddTagsToResource"), distinct(withSnapshot,
                    c -> List.of(rdsArn(c, "cluster-snapshot", FINAL_SNAPSHOT))), Map.of()));
            statements.add(statement("FinalSnapshotOfRetiredCopies", List.of("rds:CreateDBClusterSnapshot"),
                    copies(withSnapshot, "cluster"), ofThisEnvironment(Stage.RETIRED)));
        }
        return statements;
    }

    private PolicyStatement readZones(List<LifecycleConfig> configs) {
        return statement("ReadRecords", READ_ZONE_ACTIONS,
                distinct(configs, c -> c.dns().hostedZoneIds().stream().map(this::hostedZoneArn).toList()), Map.of());
    }

    /**
     * Writing only the two stage tags of the copy's own lifecycle (with, on the cluster, the time of the move:
     * modified-at, retired-at), only with the given values, only on copies of this environment. Tag keys are
     * compared ignoring case: the stage key keeps the managed name's case, the lifecycle tag is in lower case as RDS
     * writes ARNs.
     */
    private PolicyStatement moveStage(String sid, List<LifecycleConfig> configs, Stage... to) {
        String lifecycle = "${aws:ResourceTag/" + CopyTags.LIFECYCLE + "}";
        List<String> keys = new ArrayList<>(List.of(Stage.tagKey(lifecycle), CopyTags.STAGE));
        for (Stage stage : to) {
            switch (stage) {
                case MODIFIED -> keys.add(TimeTag.MODIFIED.key(lifecycle));
                case RETIRED -> keys.add(TimeTag.RETIRED.key(lifecycle));
                case NEW, PROMOTED -> {
                }
            }
        }
        Map<String, Object> equals = new LinkedHashMap<>();
        equals.put("aws:ResourceTag/" + CopyTags.ENVIRONMENT, environment);
        equals.put("aws:RequestTag/" + CopyTags.STAGE, values(to));
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("StringEquals", equals);
        conditions.put("ForAllValues:StringEqualsIgnoreCase", Map.of("aws:TagKeys", keys));
        return statement(sid, List.of("rds:AddTagsToResource"), copies(configs, "cluster", "db"), conditions);
    }

    private static Object values(Stage... stages) {
        List<String> values = Arrays.stream(stages).map(Stage::tagValue).toList();
        return values.size() == 1 ? values.get(0) : values;
    }

    static PolicyStatement statement(String sid, List<String> actions, List<String> resources,
                                     Map<String, ?> conditions) {
        PolicyStatement.Builder builder = PolicyStatement.Builder.create()
                .sid(sid)
                .effect(Effect.ALLOW)
                .actions(actions)
                .resources(resources);
        if (!conditions.isEmpty()) {
            builder.conditions(new LinkedHashMap<>(conditions));
        }
        return builder.build();
    }
}
