package io.github.auroraecho.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;
import software.constructs.IConstruct;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Attaches a stage's statements to its role within IAM's limits: inline while they fit a budget well under the
 * 10,240 characters IAM allows a role's inline policies, the rest in customer managed policies well under 6,144
 * characters each (IAM allows 10 a role), and under the 80 % of it StackLimitsTest keeps as margin. Sizes are counted on the statements as CloudFormation receives them,
 * which are longer than what IAM stores once references are resolved.
 */
final class RolePolicy {
    static final int INLINE_BUDGET = 7_000;
    static final int MANAGED_BUDGET = 4_500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RolePolicy() {
    }

    static void attach(Construct scope, Role role, List<PolicyStatement> statements, Consumer<IConstruct> suppress) {
        Stack stack = Stack.of(role);
        int inline = 0;
        List<List<PolicyStatement>> managed = new ArrayList<>();
        int managedSize = 0;
        for (PolicyStatement statement : statements) {
            int size = size(stack, statement);
            if (managed.isEmpty() && inline + size <= INLINE_BUDGET) {
                role.addToPrincipalPolicy(statement);
                inline += size;
                continue;
            }
            if (managed.isEmpty() || managedSize + size > MANAGED_BUDGET) {
                managed.add(new ArrayList<>());
                managedSize = 0;
            }
            managed.get(managed.size() - 1).add(statement);
            managedSize += size;
        }
        for (int i = 0; i < managed.size(); i++) {
            ManagedPolicy policy = ManagedPolicy.Builder.create(scope, "Policy" + (i + 1))
                    .description("aurora-echo: the part of " + role.getNode().getPath()
                            + "'s permissions beyond its inline policy")
                    .statements(managed.get(i))
                    .roles(List.of(role))
                    .build();
            suppress.accept(policy);
        }
    }

    private static int size(Stack stack, PolicyStatement statement) {
        try {
            return JSON.writeValueAsString(stack.resolve(statement.toStatementJson())).length();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
