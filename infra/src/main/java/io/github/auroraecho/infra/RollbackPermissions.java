package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.CopyTags;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.Verification;
import software.amazon.awscdk.services.iam.PolicyStatement;

import java.util.ArrayList;
import java.util.List;

/**
 * What rollback may do beyond reading, for the lifecycles that schedule promote: serve a copy as promote does
 * ({@link PromotePermissions#serve}), and move the copies, the one it returns to to promoted and the one it replaces to
 * retired with the rejected tag; start the retired copy it returns to when promote stopped it ({@code stopRetired}).
 * Nothing to delete, create, stop or run SQL on.
 */
final class RollbackPermissions {
    private final PolicyScope scope;
    private final PromotePermissions promote;
    private final PowerPermissions power;

    RollbackPermissions(PolicyScope scope, PromotePermissions promote, PowerPermissions power) {
        this.scope = scope;
        this.promote = promote;
        this.power = power;
    }

    List<PolicyStatement> statements(List<LifecycleConfig> configs) {
        String lifecycle = "${aws:ResourceTag/" + CopyTags.LIFECYCLE + "}";
        List<PolicyStatement> statements = new ArrayList<>(promote.serve(configs));
        statements.add(scope.moveStage("MoveStage", configs, List.of(Verification.rejectedTagKey(lifecycle)),
                Stage.PROMOTED, Stage.RETIRED));
        statements.add(power.start(configs, Stage.RETIRED));
        return statements;
    }
}
