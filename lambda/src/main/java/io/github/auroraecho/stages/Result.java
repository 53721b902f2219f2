package io.github.auroraecho.stages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What one run did: returned by the Lambda, printed by the CLI. {@code changes} lists the AWS changes made (or
 * planned); {@code freshness} is null when the run did not get as far as reading the lifecycle's copies;
 * {@code error} is the exception of a run that failed in a way the code does not expect (null otherwise): not part
 * of the JSON, its stack trace goes to the Lambda log line and, with {@code --verbose}, to the CLI's stderr;
 * {@code parameter} is the connection parameter promote looked after (null for the other stages).
 */
public record Result(String stage, String managedName, Outcome outcome, String message, String copy,
                     List<String> changes, Freshness freshness, Throwable error, String parameter) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Result {
        changes = List.copyOf(changes);
    }

    public Result(String stage, String managedName, Outcome outcome, String message, String copy,
                  List<String> changes, Freshness freshness) {
        this(stage, managedName, outcome, message, copy, changes, freshness, null, null);
    }

    public Result(String stage, String managedName, Outcome outcome, String message, String copy,
                  List<String> changes, Freshness freshness, Throwable error) {
        this(stage, managedName, outcome, message, copy, changes, freshness, error, null);
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
        if (parameter != null) {
            node.put("parameter", parameter);
        }
        changes.forEach(node.putArray("changes")::add);
        if (freshness != null) {
            freshness.addTo(node.putObject("freshness"));
        }
        return node;
    }

    public Result withFreshness(Freshness measured) {
        return new Result(stage, managedName, outcome, message, copy, changes, measured, error, parameter);
    }

    public Result withError(Throwable unexpected) {
        return new Result(stage, managedName, outcome, message, copy, changes, freshness, unexpected, parameter);
    }

    public Result withParameter(String name) {
        return new Result(stage, managedName, outcome, message, copy, changes, freshness, error, name);
    }

    public String toJson() {
        return toJsonNode().toPrettyString();
    }
}
