package io.github.auroraecho.stages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What one run did: returned by the Lambda, printed by the CLI. {@code changes} lists the AWS changes made (or
 * planned); {@code freshness} is null when the run did not get as far as reading the lifecycle's copies.
 */
public record Result(String stage, String managedName, Outcome outcome, String message, String copy,
                     List<String> changes, Freshness freshness) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Result {
        changes = List.copyOf(changes);
    }

    public ObjectNode toJsonNode() {
        ObjectNode node = JSON.createObjectNode();
        node.put("stage", stage);
        node.put("managedName", managedName);
        node.put("outcome", outcome.json());
        node.put("message", message);
        if (copy != null) {
            node.put("copy", copy);
        }
        changes.forEach(node.putArray("changes")::add);
        if (freshness != null) {
            freshness.addTo(node.putObject("freshness"));
        }
        return node;
    }

    public Result withFreshness(Freshness measured) {
        return new Result(stage, managedName, outcome, message, copy, changes, measured);
    }

    public String toJson() {
        return toJsonNode().toPrettyString();
    }
}
