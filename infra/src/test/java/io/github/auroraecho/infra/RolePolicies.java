package io.github.auroraecho.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.auroraecho.lifecycle.Operation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every policy document (inline and managed) attached to each stage function's role in a synthesized template, with
 * CloudFormation's pseudo parameters and references resolved to the literal values the IAM proof simulates with.
 */
final class RolePolicies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RolePolicies() {
    }

    @SuppressWarnings("unchecked")
    static Map<Operation, List<JsonNode>> of(Map<String, Object> template) {
        Map<Operation, List<JsonNode>> policies = new EnumMap<>(Operation.class);
        Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
        resources.forEach((id, value) -> {
            Map<String, Object> resource = (Map<String, Object>) value;
            String type = (String) resource.get("Type");
            if (!"AWS::IAM::Policy".equals(type) && !"AWS::IAM::ManagedPolicy".equals(type)) {
                return;
            }
            Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
            for (Object role : TemplateJson.asList(properties.get("Roles"))) {
                String roleId = (String) ((Map<String, Object>) role).get("Ref");
                for (Operation operation : Operation.values()) {
                    if (roleId.startsWith(roleIdPrefix(operation))) {
                        policies.computeIfAbsent(operation, k -> new ArrayList<>())
                                .add(JSON.valueToTree(resolve(properties.get("PolicyDocument"), refs(template))));
                    }
                }
            }
        });
        return policies;
    }

    /** The logical id prefix of a stage function's role ({@code NewRole...}), as AuroraEchoStack names it. */
    private static String roleIdPrefix(Operation operation) {
        String stage = operation.cliName();
        return Character.toUpperCase(stage.charAt(0)) + stage.substring(1) + "Role";
    }

    /**
     * What a {@code Ref} to a resource of the template gives, where a policy names it: an SNS topic's ARN (its name as
     * CloudFormation makes it: stack, logical id, a random suffix).
     */
    @SuppressWarnings("unchecked")
    static Map<String, String> refs(Map<String, Object> template) {
        Map<String, String> refs = new LinkedHashMap<>();
        ((Map<String, Object>) template.get("Resources")).forEach((id, resource) -> {
            if ("AWS::SNS::Topic".equals(((Map<String, Object>) resource).get("Type"))) {
                refs.put(id, "arn:aws:sns:" + IamProofTest.REGION + ":" + IamProofTest.ACCOUNT + ":AuroraEcho-"
                        + IamProofTest.ENVIRONMENT + "-" + id + "-A1B2C3D4E5F6");
            }
        });
        return refs;
    }

    @SuppressWarnings("unchecked")
    static Object resolve(Object value, Map<String, String> refs) {
        if (value instanceof List<?> list) {
            return list.stream().map(item -> resolve(item, refs)).toList();
        }
        if (!(value instanceof Map<?, ?> raw)) {
            return value;
        }
        Map<String, Object> map = (Map<String, Object>) raw;
        if (map.containsKey("Ref")) {
            return switch ((String) map.get("Ref")) {
                case "AWS::Partition" -> "aws";
                case "AWS::Region" -> IamProofTest.REGION;
                case "AWS::AccountId" -> IamProofTest.ACCOUNT;
                case "AWS::URLSuffix" -> "amazonaws.com";
                default -> refs.getOrDefault((String) map.get("Ref"), "ref-" + map.get("Ref"));
            };
        }
        if (map.containsKey("Fn::GetAtt")) {
            List<Object> attribute = (List<Object>) map.get("Fn::GetAtt");
            return "arn:aws:logs:" + IamProofTest.REGION + ":" + IamProofTest.ACCOUNT + ":log-group:" + attribute.get(0);
        }
        if (map.containsKey("Fn::Join")) {
            List<Object> join = (List<Object>) map.get("Fn::Join");
            StringBuilder text = new StringBuilder();
            List<Object> parts = (List<Object>) join.get(1);
            for (int i = 0; i < parts.size(); i++) {
                text.append(i > 0 ? (String) join.get(0) : "").append(resolve(parts.get(i), refs));
            }
            return text.toString();
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        map.forEach((key, inner) -> resolved.put(key, resolve(inner, refs)));
        return resolved;
    }
}
