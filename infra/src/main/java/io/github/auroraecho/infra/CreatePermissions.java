package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import software.amazon.awscdk.services.iam.PolicyStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.auroraecho.infra.CopyInstancePermissions.DEFAULT_OPTION_GROUPS;
import static io.github.auroraecho.infra.CopyInstancePermissions.DEFAULT_PARAMETER_GROUPS;
import static io.github.auroraecho.infra.CopyInstancePermissions.NEW_COPY;
import static io.github.auroraecho.infra.CopyInstancePermissions.lower;
import static io.github.auroraecho.infra.PolicyScope.distinct;
import static io.github.auroraecho.infra.PolicyScope.statement;

/**
 * What new and clone may do beyond reading: create a copy (cluster and instance) tagged as a new copy of this
 * environment and named after the lifecycle it is tagged with, from what the lifecycle names (snapshot or source,
 * subnet group, parameter and option groups, keys), and mark a broken copy retired.
 */
final class CreatePermissions {
    private final PolicyScope scope;
    private final SecureCopyPermissions secure;
    private final CopyInstancePermissions instance;

    CreatePermissions(PolicyScope scope, SecureCopyPermissions secure, CopyInstancePermissions instance) {
        this.scope = scope;
        this.secure = secure;
        this.instance = instance;
    }

    List<PolicyStatement> statements(Operation operation, List<LifecycleSchedule> lifecycles) {
        List<LifecycleConfig> configs = lifecycles.stream().map(l -> l.config(operation)).toList();
        String restore = operation == Operation.NEW ? "rds:RestoreDBClusterFromSnapshot"
                : "rds:RestoreDBClusterToPointInTime";
        List<PolicyStatement> statements = new ArrayList<>();
        // The copy itself: named after the lifecycle it is tagged with, and only tagged as a new copy of this
        // environment.
        List<String> clusters = distinct(configs, c -> List.of(scope.rdsArn(c, "cluster", NEW_COPY)));
        statements.add(statement("CreateCopies", List.of(restore), clusters, Map.of("StringEquals", instance.newCopy())));
        statements.addAll(instance.tagNewCopies("TagNewCopies", configs, clusters));
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
        statements.addAll(instance.statements(configs));
        statements.addAll(secure.keys(lifecycles, operation));
        // A broken copy of the lifecycle (failed, incompatible, stuck creating) is marked retired, so retire deletes it.
        statements.add(scope.moveStage("RetireBrokenCopies", configs, Stage.RETIRED));
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
}
