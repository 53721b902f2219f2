package io.github.auroraecho.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers over a synthesized template (as {@code Template.toJSON()} gives it). */
final class TemplateJson {
    private TemplateJson() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> resources(Map<String, Object> template, String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        ((Map<String, Object>) template.get("Resources")).forEach((id, value) -> {
            Map<String, Object> resource = (Map<String, Object>) value;
            if (type.equals(resource.get("Type"))) {
                found.put(id, (Map<String, Object>) resource.get("Properties"));
            }
        });
        return found;
    }

    /** A statement of an IAM policy, with its resources flattened to strings ({@code ${Ref}} for references). */
    record Statement(String policy, String sid, List<String> actions, List<String> resources,
                     Map<String, Object> conditions) {
        boolean hasAction(String prefix) {
            return actions.stream().anyMatch(a -> a.startsWith(prefix));
        }

        @SuppressWarnings("unchecked")
        Object condition(String operator, String key) {
            Object byOperator = conditions.get(operator);
            return byOperator == null ? null : ((Map<String, Object>) byOperator).get(key);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Statement> statements(Map<String, Object> template, String policyIdPrefix) {
        List<Statement> statements = new ArrayList<>();
        resources(template, "AWS::IAM::Policy").forEach((id, properties) -> {
            if (!id.startsWith(policyIdPrefix)) {
                return;
            }
            Map<String, Object> document = (Map<String, Object>) properties.get("PolicyDocument");
            for (Object raw : (List<Object>) document.get("Statement")) {
                Map<String, Object> statement = (Map<String, Object>) raw;
                statements.add(new Statement(id, (String) statement.get("Sid"),
                        asList(statement.get("Action")).stream().map(String.class::cast).toList(),
                        asList(statement.get("Resource")).stream().map(TemplateJson::flatten).toList(),
                        statement.containsKey("Condition")
                                ? (Map<String, Object>) statement.get("Condition") : Map.of()));
            }
        });
        return statements;
    }

    static List<Object> asList(Object value) {
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        return value == null ? List.of() : List.of(value);
    }

    /** A template value as a string: Fn::Join joined, {"Ref": X} as ${X}, Fn::GetAtt as ${X.Attr}. */
    @SuppressWarnings("unchecked")
    static String flatten(Object value) {
        if (value instanceof String text) {
            return text;
        }
        Map<String, Object> map = (Map<String, Object>) value;
        if (map.containsKey("Ref")) {
            return "${" + map.get("Ref") + "}";
        }
        if (map.containsKey("Fn::GetAtt")) {
            List<Object> attribute = (List<Object>) map.get("Fn::GetAtt");
            return "${" + attribute.get(0) + "." + attribute.get(1) + "}";
        }
        if (map.containsKey("Fn::Join")) {
            List<Object> join = (List<Object>) map.get("Fn::Join");
            StringBuilder text = new StringBuilder();
            List<Object> parts = (List<Object>) join.get(1);
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    text.append((String) join.get(0));
                }
                text.append(flatten(parts.get(i)));
            }
            return text.toString();
        }
        throw new IllegalArgumentException("cannot flatten " + value);
    }
}
