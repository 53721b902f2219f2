package io.github.auroraecho.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of a lifecycle's connection parameter: where the served copy is and which RDS-managed secret signs in
 * to it. It names the secret and holds none of its material.
 *
 * @param host       the stable name ({@code recordSetName}) people connect to
 * @param port       the cluster's port; null when RDS did not say
 * @param secretArn  the served copy's managed secret; null without {@code manageMasterUserPassword}
 * @param runningHours when the copy runs ({@link RunningHours#describe}), so its users and {@code status} know when
 *                     it is stopped; null when it runs around the clock
 * @param drainMinutes how long a copy stays once the next promote (or a rollback) replaces it, so clients' pools
 *                     finish and a rollback can return to it; null in a value written before it was kept
 * @param promotedAt when the parameter was written for this copy, to the second
 */
public record ConnectionParameter(String host, Integer port, String engine, String copy, String endpoint,
                                  String secretArn, String runningHours, Long drainMinutes, Instant promotedAt) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the parameter says for {@code copy} served under the document's record name. */
    public static ConnectionParameter of(LifecycleConfig config, Copy copy, Instant now) {
        return new ConnectionParameter(config.dns().recordSetName(), copy.settings().port(), copy.engine(), copy.name(),
                copy.endpoint(), copy.settings().masterUserSecretArn(), config.stopping().runningHours() == null ? null
                : config.stopping().runningHours().describe(), config.drain().toMinutes(),
                now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /**
     * Whether the parameter must be written: it is missing, unreadable, or names another copy, endpoint, secret,
     * running hours or drain.
     * {@code promotedAt} alone never makes a write, so a run with nothing to do sends none.
     */
    public static boolean needsWrite(Optional<String> current, ConnectionParameter wanted) {
        return current.flatMap(ConnectionParameter::parse).map(found -> !found.sameTarget(wanted)).orElse(true);
    }

    boolean sameTarget(ConnectionParameter other) {
        return Objects.equals(host, other.host) && Objects.equals(port, other.port) && Objects.equals(engine, other.engine)
                && Objects.equals(copy, other.copy) && Objects.equals(endpoint, other.endpoint)
                && Objects.equals(secretArn, other.secretArn) && Objects.equals(runningHours, other.runningHours)
                && Objects.equals(drainMinutes, other.drainMinutes);
    }

    /** A value this tool wrote; empty for anything else (someone's own value is replaced, not trusted). */
    public static Optional<ConnectionParameter> parse(String value) {
        try {
            JsonNode node = JSON.readTree(value);
            if (node == null || !node.isObject() || !node.path("copy").isTextual()) {
                return Optional.empty();
            }
            Instant promotedAt = node.path("promotedAt").isTextual() ? Instant.parse(node.get("promotedAt").asText()) : null;
            return Optional.of(new ConnectionParameter(text(node, "host"),
                    node.path("port").isInt() ? node.get("port").asInt() : null, text(node, "engine"),
                    text(node, "copy"), text(node, "endpoint"), text(node, "secretArn"), text(node, "runningHours"),
                    node.path("drainMinutes").canConvertToLong() ? node.get("drainMinutes").asLong() : null, promotedAt));
        } catch (JsonProcessingException | java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.get(field).asText() : null;
    }

    /** The JSON written to the parameter; fields without a value are left out. */
    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("host", host);
        if (port != null) {
            node.put("port", port);
        }
        node.put("engine", engine);
        node.put("copy", copy);
        node.put("endpoint", endpoint);
        if (secretArn != null) {
            node.put("secretArn", secretArn);
        }
        if (runningHours != null) {
            node.put("runningHours", runningHours);
        }
        if (drainMinutes != null) {
            node.put("drainMinutes", drainMinutes);
        }
        node.put("promotedAt", promotedAt.toString());
        return node.toString();
    }
}
