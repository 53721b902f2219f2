package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.auroraecho.infra.PolicyScope.statement;

/**
 * The least-privilege IAM statements of each stage function: what every stage reads, then what its own stage may
 * change ({@link CreatePermissions}, {@link ModifyPermissions}, {@link PromotePermissions},
 * {@link RetirePermissions}, {@link RollbackPermissions}, {@link PowerPermissions} for stop and start, with
 * {@link SecureCopyPermissions} for lifecycles that use secure-copy settings), all
 * written in the terms of {@link PolicyScope}. Their size does not grow with the number of lifecycles: a copy is
 * recognised by the name-free tags every copy of this version carries, not by one statement per lifecycle.
 * What does grow is what the operator configures: distinct sources, groups, zones, record names, roles, keys and
 * scripts, each listed once however many lifecycles share it. The only {@code *} resource is on read-only calls that
 * support no resource scoping: RDS Describe calls with filters, and the Tagging API's GetResources.
 */
public final class StagePermissions {
    static final String DESCRIBE_SNAPSHOTS = "rds:DescribeDBClusterSnapshots";

    private final CreatePermissions create;
    private final ModifyPermissions modify;
    private final PromotePermissions promote;
    private final RetirePermissions retire;
    private final RollbackPermissions rollback;
    private final PowerPermissions power;

    StagePermissions(Stack stack, String environment, String parameterPrefix) {
        PolicyScope scope = new PolicyScope(stack, environment);
        SecureCopyPermissions secure = new SecureCopyPermissions(scope);
        CopyInstancePermissions instance = new CopyInstancePermissions(scope);
        this.power = new PowerPermissions(scope);
        this.create = new CreatePermissions(scope, secure, instance);
        this.modify = new ModifyPermissions(scope, secure, instance, power);
        this.promote = new PromotePermissions(scope, secure, power, parameterPrefix);
        this.retire = new RetirePermissions(scope, power);
        this.rollback = new RollbackPermissions(scope, promote, power);
    }

    /**
     * Every statement of one stage function, for the lifecycles that schedule this stage (rollback: promote; stop and
     * start: those with running hours).
     */
    List<PolicyStatement> statements(Operation operation, List<LifecycleSchedule> lifecycles) {
        List<PolicyStatement> statements = new ArrayList<>();
        if (lifecycles.isEmpty()) {
            return statements;
        }
        List<LifecycleConfig> configs = lifecycles.stream().map(l -> l.config(operation)).toList();
        // The Tagging API names the resources that carry the lifecycle's stage tag key; only those are described.
        List<String> describe = new ArrayList<>(List.of("tag:GetResources", "rds:DescribeDBClusters",
                "rds:DescribeDBInstances"));
        // Retire lists the manual snapshots to find its final snapshots past finalSnapshotRetentionDays.
        if (operation == Operation.NEW || operation == Operation.RETIRE
                && configs.stream().anyMatch(c -> c.retirement().finalSnapshotRetentionDays() != null)) {
            describe.add(DESCRIBE_SNAPSHOTS);
        }
        statements.add(statement("ReadRds", describe, List.of("*"), Map.of()));
        switch (operation) {
            case NEW, CLONE -> statements.addAll(create.statements(operation, lifecycles));
            case MODIFY -> statements.addAll(modify.statements(configs));
            case PROMOTE -> statements.addAll(promote.statements(configs));
            case RETIRE -> statements.addAll(retire.statements(configs));
            case ROLLBACK -> statements.addAll(rollback.statements(configs));
            // Only the copy the lifecycle serves: a retired copy stays as promote and retire leave it.
            case STOP -> statements.add(power.stop(configs, Stage.PROMOTED));
            case START -> statements.add(power.start(configs, Stage.PROMOTED));
        }
        return statements;
    }
}
