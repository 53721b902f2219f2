package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.Operation;

import java.util.Map;

/** The synthesized stack of an environment, as the IAM proof reads it. */
final class ProofStacks {
    private ProofStacks() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> synthesize(EnvironmentSettings environment) {
        return (Map<String, Object>) (Map<?, ?>) Fixtures.template(Fixtures.stack(environment)).toJSON();
    }

    /** The principal the simulator is told makes the call: the stage function's role. */
    static String roleArn(Operation operation) {
        return "arn:aws:iam::" + IamProofTest.ACCOUNT + ":role/aurora-echo-" + IamProofTest.ENVIRONMENT + "-"
                + operation.cliName();
    }
}
