package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Stage;
import software.amazon.awscdk.services.iam.PolicyStatement;

import java.util.List;

import static io.github.auroraecho.infra.PolicyScope.statement;

/**
 * Stopping and starting copies (docs/operations.md#running-hours): the stop and start functions on the promoted copy,
 * and the stages that find a copy stopped and must start it to work on it, or stop one to save its cost
 * ({@code stopRetired}, or a copy served outside its running hours). Only on copies of this environment in the named
 * stages, never on anything else: StopDBCluster and StartDBCluster act on a {@code cluster} resource, which takes
 * {@code aws:ResourceTag} conditions (Service Authorization Reference, "Actions, resources, and condition keys for
 * Amazon RDS", https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonrds.html: both Write,
 * resource type cluster*, with the cluster's aws:ResourceTag/${TagKey}).
 */
final class PowerPermissions {
    static final String STOP = "rds:StopDBCluster";
    static final String START = "rds:StartDBCluster";

    private final PolicyScope scope;

    PowerPermissions(PolicyScope scope) {
        this.scope = scope;
    }

    /** Stopping the lifecycles' copies in these stages. */
    PolicyStatement stop(List<LifecycleConfig> configs, Stage... stages) {
        return statement("StopCopies", List.of(STOP), scope.copies(configs, "cluster"), scope.ofThisEnvironment(stages));
    }

    /** Starting the lifecycles' stopped copies in these stages. */
    PolicyStatement start(List<LifecycleConfig> configs, Stage... stages) {
        return statement("StartCopies", List.of(START), scope.copies(configs, "cluster"),
                scope.ofThisEnvironment(stages));
    }
}
