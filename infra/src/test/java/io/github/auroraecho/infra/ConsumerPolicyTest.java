package io.github.auroraecho.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The consumer policy of a lifecycle (settings {@code "consumerPolicy": true}): in the lifecycle's nested stack, and
 * proven with the IAM proof's evaluator to let a consumer of staging read staging's parameter and managed secrets,
 * and nothing of analytics' or production's.
 */
class ConsumerPolicyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RDS = "arn:aws:rds:us-east-1:123456789012:cluster:";
    private static final String PARAMETER = "arn:aws:ssm:us-east-1:123456789012:parameter";
    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-0b1c2d3e-AbCdEf";

    private static String lifecycle(String name, boolean consumerPolicy) {
        return "{\"document\": {\"managedName\": \"" + name + "\", \"hostedZoneIds\": [\"Z0123456789ABCDEFGHIJ\"], "
                + "\"recordSetName\": \"db." + name + ".example.com\"}, \"consumerPolicy\": " + consumerPolicy
                + ", \"schedules\": {\"promote\": \"rate(1 day)\"}}";
    }

    /** Every managed policy of the nested stacks, by its name in IAM, with the pseudo parameters resolved. */
    @SuppressWarnings("unchecked")
    private static Map<String, JsonNode> consumerPolicies() throws IOException {
        EnvironmentSettings environment = Settings.parse("{\"environments\": {\"test\": {\"account\": \"123456789012\", "
                + "\"region\": \"us-east-1\", \"lifecycles\": [" + lifecycle("staging", true) + ", "
                + lifecycle("analytics", true) + ", " + lifecycle("reports", false) + "]}}}", Path.of(".")).environment("test");
        AuroraEchoStack stack = Fixtures.stack(environment);
        Template.fromStack(stack);
        String outdir = ((App) stack.getNode().getRoot()).getOutdir();
        Map<String, JsonNode> policies = new LinkedHashMap<>();
        for (IConstruct child : stack.getNode().getChildren()) {
            if (child instanceof NestedStack nested) {
                Map<String, Object> template = JSON.readValue(Path.of(outdir, nested.getTemplateFile()).toFile(), Map.class);
                TemplateJson.resources(template, "AWS::IAM::ManagedPolicy").values().forEach(properties ->
                    policies.put((String) properties.get("ManagedPolicyName"), JSON.valueToTree(
                            RolePolicies.resolve(properties.get("PolicyDocument"), Map.of()))));
            }
        }
        assertEquals(0, Template.fromStack(stack).findResources("AWS::IAM::ManagedPolicy").size(),
                "nothing per lifecycle in the environment's own stack");
        return policies;
    }

    @Test
    void onlyTheLifecyclesThatAskGetOneInTheirNestedStack() throws IOException {
        assertEquals(List.of("aurora-echo-test-staging-consumer", "aurora-echo-test-analytics-consumer").stream().sorted().toList(),
                consumerPolicies().keySet().stream().sorted().toList());
    }

    @Test
    void aConsumerOfStagingReadsStagingsParameterAndSecretsAndNothingOfAnalyticsOrProduction() throws IOException {
        JsonNode policy = consumerPolicies().get("aurora-echo-test-staging-consumer");
        ArrayNode cases = JSON.createArrayNode();
        String own = PARAMETER + "/aurora-echo/staging/connection";
        add(cases, policy, "reads its parameter", "ssm:GetParameter", "parameter", own, Map.of(), true);
        add(cases, policy, "must not write its parameter", "ssm:PutParameter", "parameter", own, Map.of(), false);
        add(cases, policy, "must not read analytics' parameter", "ssm:GetParameter", "parameter",
                PARAMETER + "/aurora-echo/analytics/connection", Map.of(), false);
        add(cases, policy, "must not read another parameter", "ssm:GetParameter", "parameter",
                PARAMETER + "/production/db/password", Map.of(), false);
        String tag = "aws:ResourceTag/aws:rds:primaryDBClusterArn";
        add(cases, policy, "reads a staging copy's managed secret", "secretsmanager:GetSecretValue", "Secret", SECRET,
                Map.of(tag, RDS + "staging-2026-01-01"), true);
        add(cases, policy, "reads a staging copy's managed secret (a suffixed copy)", "secretsmanager:GetSecretValue",
                "Secret", SECRET, Map.of(tag, RDS + "staging-2026-01-01-b"), true);
        add(cases, policy, "must not read an analytics copy's secret", "secretsmanager:GetSecretValue", "Secret", SECRET,
                Map.of(tag, RDS + "analytics-2026-01-01"), false);
        add(cases, policy, "must not read production's secret", "secretsmanager:GetSecretValue", "Secret", SECRET,
                Map.of(tag, RDS + "production"), false);
        add(cases, policy, "must not read the secret of a lifecycle named staging-eu", "secretsmanager:GetSecretValue",
                "Secret", SECRET, Map.of(tag, RDS + "staging-eu-2026-01-01"), false);
        add(cases, policy, "must not read a secret RDS does not manage", "secretsmanager:GetSecretValue", "Secret",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:production-db-AbCdEf", Map.of(), false);
        add(cases, policy, "must not change a staging copy's secret", "secretsmanager:PutSecretValue", "Secret", SECRET,
                Map.of(tag, RDS + "staging-2026-01-01"), false);
        ProofRunner.prove(cases, cases.size() + " consumer policy probes");
    }

    private static void add(ArrayNode cases, JsonNode policy, String name, String action, String type, String arn,
                            Map<String, Object> resourceContext, boolean allowed) {
        ObjectNode proofCase = cases.addObject();
        proofCase.put("name", "a consumer of staging " + name);
        proofCase.put("role", "consumer");
        proofCase.put("principal", "arn:aws:iam::123456789012:role/staging-app");
        proofCase.putArray("policies").add(policy);
        proofCase.put("action", action);
        ObjectNode resource = proofCase.putArray("resources").addObject().put("type", type).put("arn", arn);
        resource.set("context", JSON.valueToTree(resourceContext));
        proofCase.putObject("context");
        proofCase.put("expect", allowed ? "Allowed" : "Denied");
    }
}
