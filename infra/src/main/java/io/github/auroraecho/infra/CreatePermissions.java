package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.CopyTags;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import software.amazon.awscdk.services.iam.PolicyStatement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.github.auroraecho.infra.PolicyScope.distinct;
import static io.github.auroraecho.infra.PolicyScope.statement;

/**
 * What new and clone may do beyond reading: create a copy (cluster and instance) tagged as a new copy of this
 * environment and named after the lifecycle it is tagged with, from what the lifecycle names (snapshot or source,
 * subnet group, parameter and option groups, keys), and mark a broken copy retired.
 */
final class CreatePermissions {
    /** A copy being created: the lifecycle tag of the request. */
    static final String NEW_COPY = "${aws:RequestTag/" + CopyTags.LIFECYCLE + "}-????-??-??*";
    /** The default groups RDS applies when a lifecycle names none: read-only groups AWS owns. */
    static final String DEFAULT_PARAMETER_GROUPS = "default.aurora*";
    static final String DEFAULT_OPTION_GROUPS = "default:aurora*";
    private final PolicyScope scope;
    private final SecureCopyPermissions secure;

    CreatePermissions(PolicyScope scope, SecureCopyPermissions secure) {
        this.scope = scope;
        this.secure = secure;
    }

    List<PolicyStatement> statements(Operation operation, List<LifecycleSchedule> lifecycles) {
        List<LifecycleConfig> configs = lifecycles.stream().map(l -> l.config(operation)).toList();
        String restore = operation == Operation.NEW ? "rds:RestoreDBClusterFromSnapshot"
                : "rds:RestoreDBClusterToPointInTime";
        List<PolicyStatement> statements = new ArrayList<>();
        // The copy itself: named after the lifecycle it is tagged with, and only tagged as a new copy of this
        // environment.
        Map<String, Object> newCopy = new LinkedHashMap<>();
        newCopy.put("aws:RequestTag/" + CopyTags.ENVIRONMENT, scope.environment());
        newCopy.put("aws:RequestTag/" + CopyTags.STAGE, Stage.NEW.tagValue());
        List<String> clusters = distinct(configs, c -> List.of(scope.rdsArn(c, "cluster", NEW_COPY)));
        List<String> instances = distinct(configs, c -> List.of(scope.rdsArn(c, "db", NEW_COPY)));
        statements.add(statement("CreateCopies", List.of(restore), clusters, Map.of("StringEquals", newCopy)));
        statements.add(statement("CreateInstances", List.of("rds:CreateDBInstance"), instances,
                Map.of("StringEquals", newCopy)));
        statements.addAll(tagNewCopies(configs, newCopy, clusters, instances));
        // An instance joins only a new copy of this environment.
        statements.add(statement("JoinNewCopies", List.of("rds:CreateDBInstance"), scope.copies(configs, "cluster"),
                scope.ofThisEnvironment(Stage.NEW)));
        // What the copy is made from and with: used, not changed. RDS authorizes the parameter and option groups it
        // applies, its defaults when the lifecycle names none.
        List<String> sources = new ArrayList<>(distinct(configs, config -> {
            List<String> used = new ArrayList<>(operation == Operation.NEW ? snapshotSources(config)
                    : List.of(scope.rdsArn(config, "cluster", lower(config.source().sourceClusterName()))));
            used.add(scope.rdsArn(config, "subgrp", lower(config.placement().dbSubnetGroupName())));
            used.add(scope.rdsArn(config, "cluster-pg", config.placement().dbClusterParameterGroupName() != null
                    ? lower(config.placement().dbClusterParameterGroupName()) : DEFAULT_PARAMETER_GROUPS));
            used.add(scope.rdsArn(config, "og", DEFAULT_OPTION_GROUPS));
            return used;
        }));
        statements.add(statement("UseSources", List.of(restore), sources, Map.of()));
        // The instance joins the copy's cluster (no subnet group of its own): its parameter group and the default
        // option group.
        statements.add(statement("UseInstanceSources", List.of("rds:CreateDBInstance"), distinct(configs, config ->
                List.of(scope.rdsArn(config, "pg", config.placement().dbParameterGroupName() != null
                                ? lower(config.placement().dbParameterGroupName()) : DEFAULT_PARAMETER_GROUPS),
                        scope.rdsArn(config, "og", DEFAULT_OPTION_GROUPS))), Map.of()));
        statements.addAll(secure.keys(lifecycles, operation));
        // A broken copy of the lifecycle (failed, incompatible, stuck creating) is marked retired, so retire deletes it.
        statements.add(scope.moveStage("RetireBrokenCopies", configs, Stage.RETIRED));
        return statements;
    }

    /**
     * Tagging a resource as a new copy, on create and of a resource that exists. Aurora User Guide, "Grant
     * permission to tag Aurora resources during creation"
     * (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/security_iam_id-based-policy-examples-grant-permissions-tags-on-create.html):
     * "If tags are specified in the create action, RDS performs additional authorization on the
     * rds:AddTagsToResource action", where aws:RequestTag conditions apply. So a copy is created, or an existing
     * resource tagged, only as a copy of one of the lifecycles this role creates, so that a cluster named
     * like a copy of a lifecycle the environment does not have (a hand-made {@code billing-2026-11-02}) can never be
     * made one. The names are listed in runs that fit a statement ({@link PolicyScope#runs}) whatever the number of
     * lifecycles.
     */
    private List<PolicyStatement> tagNewCopies(List<LifecycleConfig> configs, Map<String, Object> newCopy,
                                               List<String> clusters, List<String> instances) {
        List<String> names = distinct(configs, c -> List.of(lower(c.managedName())));
        List<String> resources = new ArrayList<>(clusters);
        resources.addAll(instances);
        List<PolicyStatement> statements = new ArrayList<>();
        for (List<String> run : PolicyScope.runs(names)) {
            Map<String, Object> ofALifecycle = new LinkedHashMap<>(newCopy);
            ofALifecycle.put("aws:RequestTag/" + CopyTags.LIFECYCLE, run);
            statements.add(statement(PolicyScope.numbered("TagNewCopies", statements.size() + 1),
                    List.of("rds:AddTagsToResource"), resources, Map.of("StringEquals", ofALifecycle)));
        }
        return statements;
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
        return List.of(scope.rdsArn(config, "cluster-snapshot", "*"));
    }

    /** RDS keeps identifiers and group names in lower case, and its ARNs with them. */
    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
