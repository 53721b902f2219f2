package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Stage;
import software.amazon.awscdk.services.iam.PolicyStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.auroraecho.infra.PolicyScope.distinct;
import static io.github.auroraecho.infra.PolicyScope.statement;

/**
 * What modify may do beyond reading: prepare a new copy of this environment (its instance when new or clone left its
 * cluster creating, its roles, and the settings, managed secret and SQL of {@link SecureCopyPermissions}) and move
 * it to modified, or to retired when it is broken; start a new copy it finds stopped (by hand), since
 * RDS modifies no stopped cluster.
 */
final class ModifyPermissions {
    private final PolicyScope scope;
    private final SecureCopyPermissions secure;
    private final CopyInstancePermissions instance;
    private final PowerPermissions power;

    ModifyPermissions(PolicyScope scope, SecureCopyPermissions secure, CopyInstancePermissions instance,
                      PowerPermissions power) {
        this.scope = scope;
        this.secure = secure;
        this.instance = instance;
        this.power = power;
    }

    List<PolicyStatement> statements(List<LifecycleConfig> configs) {
        List<PolicyStatement> statements = new ArrayList<>();
        List<String> roles = distinct(configs, config -> config.modification().iamRoleNames().stream()
                .map(scope::roleArn).toList());
        if (!roles.isEmpty()) {
            statements.add(statement("AssociateRoles", List.of("rds:AddRoleToDBCluster"),
                    scope.copies(configs, "cluster"), scope.ofThisEnvironment(Stage.NEW)));
            statements.add(statement("PassRoles", List.of("iam:PassRole"), roles,
                    Map.of("StringEquals", Map.of("iam:PassedToService", "rds.amazonaws.com"))));
        }
        statements.addAll(secure.modify(configs));
        // The instance of a copy that new or clone left creating (stages.CopyInstance).
        statements.addAll(instance.statements(configs));
        statements.add(power.start(configs, Stage.NEW));
        // Modified when ready; retired when broken (it would never become available).
        statements.add(scope.moveStage("MoveStage", configs, Stage.MODIFIED, Stage.RETIRED));
        return statements;
    }
}
