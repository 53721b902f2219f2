package io.github.auroraecho.stages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run did: returned by the Lambda, printed by the CLI. {@code changes} lists the AWS changes made (or
 * planned); {@code freshness} is null when the run did not get as far as reading the lifecycle's copies;
 * {@code error} is the exception of a run that failed in a way the code does not expect (null otherwise): not part
 * of the JSON, its stack trace goes to the Lambda log line and, with {@code --verbose}, to the CLI's stderr.
 * {@code verified} is what promote's checks found on the copy it served (empty when it ran none);
 * {@code parameter} is the connection parameter promote looked after (null for the other stages).
 */
public record Result(String stage, String managedName, Outcome outcome, String message, String copy,
                     List<String> changes, Freshness freshness, Throwable error, Map<String, Object> verified,
                     String parameter) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Result {
        changes = List.copyOf(changes);
        verified = Collections.unmodifiableMap(new LinkedHashMap<>(verified));
    }

    public Result(String stage, String managedName, Outcome outcome, String message, String copy,
                  List<String> changes, Freshness freshness) {
        this(stage, managedName, outcome, message, copy, changes, freshness, null, Map.of(), null);
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
        if (!verified.isEmpty()) {
            ObjectNode values = node.putObject("verified");
            verified.forEach((check, value) -> values.set(check, JSON.valueToTree(value)));
        }
        return node;
    }

    public Result withFreshness(Freshness measured) {
        return new Result(stage, managedName, outcome, message, copy, changes, measured, error, verified, parameter);
    }

    public Result withError(Throwable unexpected) {
        return new Result(stage, managedName, outcome, message, copy, changes, freshness, unexpected, verified, parameter);
    }

    /** The value each of verify's checks found on the copy, in the document's order, when they all passed. */
    public Result withVerified(Map<String, Object> values) {
        return new Result(stage, managedName, outcome, message, copy, changes, freshness, error, values, parameter);
    }

    public Result withParameter(String name) {
        return new Result(stage, managedName, outcome, message, copy, changes, freshness, error, verified, name);
    }

    public String toJson() {
        return toJsonNode().toPrettyString();
    }
}
