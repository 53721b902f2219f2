package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The least-privilege IAM statements of each stage function, derived from the lifecycles that schedule that stage.
 * <ul>
 * <li>Copies are named {@code <managedName>-YYYY-MM-DD[-suffix]}: creating actions are allowed only on ARNs matching
 *     {@code <managedName>-????-??-??*} and only when the request carries the lifecycle's stage tag with value
 *     {@code new} ({@code aws:RequestTag}).</li>
 * <li>Every later change (roles, stage moves, deletes) needs the resource to carry the lifecycle's stage tag
 *     ({@code aws:ResourceTag}); deletes need its value to be {@code retired}.</li>
 * <li>A stage move may write only the stage tag ({@code aws:TagKeys}) and only the values that stage writes.</li>
 * </ul>
 * The only {@code *} resource is on read-only RDS Describe/List calls, which do not support resource scoping when
 * used with filters.
 */
public final class StagePermissions {
    /** Read-only RDS calls every stage makes to find the lifecycle's copies (and new's snapshots). */
    static final List<String> DESCRIBE_ACTIONS = List.of(
            "rds:DescribeDBClusters", "rds:DescribeDBInstances", "rds:ListTagsForResource");
    static final String DESCRIBE_SNAPSHOTS = "rds:DescribeDBClusterSnapshots";
    /** Promote and retire check each configured zone (its name) and what the record points to. */
    static final List<String> READ_ZONE_ACTIONS = List.of("route53:GetHostedZone", "route53:ListResourceRecordSets");

    private final Stack stack;
    private final SecureCopyPermissions secure;

    StagePermissions(Stack stack) {
        this.stack = stack;
        this.secure = new SecureCopyPermissions(stack, this);
    }

    /** The ARN pattern of a lifecycle's copies: {@code <managedName>-YYYY-MM-DD} and an optional suffix. */
    static String copyPattern(String managedName) {
        return managedName.toLowerCase(Locale.ROOT) + "-????-??-??*";
    }

    String rdsArn(LifecycleConfig config, String type, String name) {
        String region = config.region() != null ? config.region() : stack.getRegion();
        return "arn:" + stack.getPartition() + ":rds:" + region + ":" + stack.getAccount() + ":" + type + ":" + name;
    }

    String roleArn(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn
                : "arn:" + stack.getPartition() + ":iam::" + stack.getAccount() + ":role/" + nameOrArn;
    }

    String hostedZoneArn(String zoneId) {
        return "arn:" + stack.getPartition() + ":route53:::hostedzone/" + zoneId;
    }

    /** Every statement of one stage function, for the lifecycles that schedule this stage. */
    List<PolicyStatement> statements(Operation operation, List<LifecycleSchedule> lifecycles) {
        List<PolicyStatement> statements = new ArrayList<>();
        if (lifecycles.isEmpty()) {
            return statements;
        }
        List<String> describe = new ArrayList<>(DESCRIBE_ACTIONS);
        if (operation == Operation.NEW) {
            describe.add(DESCRIBE_SNAPSHOTS);
        }
        statements.add(statement("ReadRds", describe, List.of("*"), Map.of()));
        boolean route53 = false;
        Set<String> sids = new LinkedHashSet<>();
        for (LifecycleSchedule lifecycle : lifecycles) {
            LifecycleConfig config = lifecycle.config(operation);
            String sid = sidOf(lifecycle.managedName(), sids);
            switch (operation) {
                case NEW, CLONE -> statements.addAll(create(operation, config, sid));
                case MODIFY -> statements.addAll(modify(config, sid));
                case PROMOTE -> {
                    statements.addAll(promote(config, sid));
                    route53 = true;
                }
                case RETIRE -> {
                    statements.addAll(retire(config, sid));
                    route53 = true;
                }
            }
        }
        if (route53 && operation == Operation.PROMOTE) {
            // Change ids are only known once a change is made; GetChange is read-only.
            statements.add(statement("WaitForDnsChange", List.of("route53:GetChange"),
                    List.of("arn:" + stack.getPartition() + ":route53:::change/*"), Map.of()));
        }
        return statements;
    }

    private List<PolicyStatement> create(Operation operation, LifecycleConfig config, String sid) {
        String pattern = copyPattern(config.managedName());
        String restore = operation == Operation.NEW ? "rds:RestoreDBClusterFromSnapshot"
                : "rds:RestoreDBClusterToPointInTime";
        List<PolicyStatement> statements = new ArrayList<>();
        // The copy itself: only with the lifecycle's name, and only tagged as a new copy of this lifecycle.
        statements.add(statement("CreateCopies" + sid,
                List.of(restore, "rds:CreateDBInstance", "rds:AddTagsToResource"),
                List.of(rdsArn(config, "cluster", pattern), rdsArn(config, "db", pattern)),
                Map.of("StringEquals", Map.of("aws:RequestTag/" + config.stageTagKey(), Stage.NEW.tagValue()))));
        // What the copy is made from and with: used, not changed.
        List<String> sources = new ArrayList<>();
        if (operation == Operation.NEW && (config.source().sourceSnapshotArn() != null || config.source().isSharedCluster())) {
            sources.addAll(secure.sharedSnapshotSources(config));
        } else if (operation == Operation.NEW) {
            // Manual snapshot names are free-form: any snapshot may be the source's newest.
            sources.add(rdsArn(config, "cluster-snapshot", "*"));
        } else {
            sources.add(rdsArn(config, "cluster", config.source().sourceClusterName().toLowerCase(Locale.ROOT)));
        }
        sources.add(rdsArn(config, "subgrp", config.placement().dbSubnetGroupName().toLowerCase(Locale.ROOT)));
        if (config.placement().dbClusterParameterGroupName() != null) {
            sources.add(rdsArn(config, "cluster-pg", config.placement().dbClusterParameterGroupName().toLowerCase(Locale.ROOT)));
        }
        statements.add(statement("UseSources" + sid, List.of(restore), sources, Map.of()));
        if (config.placement().kmsKeyId() != null) {
            statements.addAll(secure.useKey(config, sid));
        }
        // A broken copy of the lifecycle (failed, incompatible, stuck creating) is marked retired, so retire deletes it.
        statements.add(moveStage("RetireBrokenCopies" + sid, config, List.of("cluster", "db"), Stage.RETIRED));
        // The instance joins the copy's cluster (no subnet group of its own); only a configured parameter group.
        if (config.placement().dbParameterGroupName() != null) {
            statements.add(statement("UseInstanceSources" + sid, List.of("rds:CreateDBInstance"),
                    List.of(rdsArn(config, "pg", config.placement().dbParameterGroupName().toLowerCase(Locale.ROOT))), Map.of()));
        }
        return statements;
    }

    private List<PolicyStatement> modify(LifecycleConfig config, String sid) {
        String pattern = copyPattern(config.managedName());
        List<PolicyStatement> statements = new ArrayList<>();
        if (!config.modification().iamRoleNames().isEmpty()) {
            statements.add(statement("AssociateRoles" + sid, List.of("rds:AddRoleToDBCluster"),
                    List.of(rdsArn(config, "cluster", pattern)),
                    Map.of("StringEquals", Map.of("aws:ResourceTag/" + config.stageTagKey(), Stage.NEW.tagValue()))));
            statements.add(statement("PassRoles" + sid, List.of("iam:PassRole"),
                    config.modification().iamRoleNames().stream().map(this::roleArn).distinct().toList(),
                    Map.of("StringEquals", Map.of("iam:PassedToService", "rds.amazonaws.com"))));
        }
        statements.addAll(secure.modify(config, sid));
        // Modified when ready; retired when broken (it would never become available).
        statements.add(moveStage("MoveStage" + sid, config, List.of("cluster", "db"), Stage.MODIFIED,
                Stage.RETIRED));
        return statements;
    }

    private List<PolicyStatement> promote(LifecycleConfig config, String sid) {
        List<String> zones = config.dns().hostedZoneIds().stream().map(this::hostedZoneArn).distinct().toList();
        List<PolicyStatement> statements = new ArrayList<>();
        Map<String, Object> onlyTheRecord = new LinkedHashMap<>();
        onlyTheRecord.put("route53:ChangeResourceRecordSetsNormalizedRecordNames",
                List.of(config.dns().recordSetName().toLowerCase(Locale.ROOT)));
        onlyTheRecord.put("route53:ChangeResourceRecordSetsRecordTypes", List.of("CNAME"));
        onlyTheRecord.put("route53:ChangeResourceRecordSetsActions", List.of("UPSERT"));
        statements.add(statement("PointRecord" + sid, List.of("route53:ChangeResourceRecordSets"), zones,
                Map.of("ForAllValues:StringEquals", onlyTheRecord)));
        statements.add(statement("ReadRecords" + sid, READ_ZONE_ACTIONS, zones, Map.of()));
        statements.add(moveStage("MoveStage" + sid, config, List.of("cluster", "db"), Stage.PROMOTED,
                Stage.RETIRED));
        return statements;
    }

    private List<PolicyStatement> retire(LifecycleConfig config, String sid) {
        String pattern = copyPattern(config.managedName());
        String tag = "aws:ResourceTag/" + config.stageTagKey();
        List<PolicyStatement> statements = new ArrayList<>();
        statements.add(statement("ReadRecords" + sid, READ_ZONE_ACTIONS,
                config.dns().hostedZoneIds().stream().map(this::hostedZoneArn).distinct().toList(), Map.of()));
        // A 2.x copy still says "new" on its cluster: retire writes "retired" on the cluster (and any instance not
        // yet saying so) before deleting.
        statements.add(moveStage("MarkRetired" + sid, config, List.of("cluster", "db"), Stage.RETIRED));
        statements.add(statement("DeleteRetiredInstances" + sid, List.of("rds:DeleteDBInstance"),
                List.of(rdsArn(config, "db", pattern)),
                Map.of("StringEquals", Map.of(tag, Stage.RETIRED.tagValue()))));
        statements.add(statement("DeleteRetiredClusters" + sid, List.of("rds:DeleteDBCluster"),
                List.of(rdsArn(config, "cluster", pattern)),
                Map.of("StringEquals", Map.of(tag, Stage.RETIRED.tagValue()))));
        if (config.retirement().finalSnapshot()) {
            statements.add(statement("FinalSnapshotOfRetired" + sid, List.of("rds:CreateDBClusterSnapshot"),
                    List.of(rdsArn(config, "cluster", pattern)),
                    Map.of("StringEquals", Map.of(tag, Stage.RETIRED.tagValue()))));
            // The final snapshot is a new resource named after the copy: nothing to delete there.
            statements.add(statement("FinalSnapshotName" + sid,
                    List.of("rds:CreateDBClusterSnapshot", "rds:DeleteDBCluster", "rds:AddTagsToResource"),
                    List.of(rdsArn(config, "cluster-snapshot", pattern)), Map.of()));
        }
        return statements;
    }

    /**
     * Writing only the stage tag (with, on the cluster, the time of the move: modified-at, retired-at), only with the
     * given values, only where the lifecycle's stage tag already is.
     */
    private PolicyStatement moveStage(String sid, LifecycleConfig config, List<String> types, Stage... to) {
        String pattern = copyPattern(config.managedName());
        String key = config.stageTagKey();
        List<String> keys = new ArrayList<>(List.of(key));
        for (Stage stage : to) {
            switch (stage) {
                case MODIFIED -> keys.add(TimeTag.MODIFIED.key(config.managedName()));
                case RETIRED -> keys.add(TimeTag.RETIRED.key(config.managedName()));
                case NEW, PROMOTED -> {
                }
            }
        }
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("Null", Map.of("aws:ResourceTag/" + key, "false"));
        conditions.put("StringEquals", Map.of("aws:RequestTag/" + key,
                java.util.Arrays.stream(to).map(Stage::tagValue).toList()));
        conditions.put("ForAllValues:StringEquals", Map.of("aws:TagKeys", keys));
        return statement(sid, List.of("rds:AddTagsToResource"),
                types.stream().map(type -> rdsArn(config, type, pattern)).toList(), conditions);
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

    /** A statement id part from a managed name: letters and digits only, unique within the stack. */
    private static String sidOf(String managedName, Set<String> used) {
        StringBuilder sid = new StringBuilder();
        boolean upper = true;
        for (char c : managedName.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sid.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        String base = sid.toString();
        String candidate = base;
        for (int i = 2; !used.add(candidate); i++) {
            candidate = base + i;
        }
        return candidate;
    }
}
