package io.github.auroraecho.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.ConnectionParameter;

import java.util.List;
import java.util.Optional;

/**
 * Where one lifecycle's connection parameter points, beside what DNS serves.
 *
 * @param copy      the copy the parameter names; null when there is no parameter or it names none
 * @param secretArn the secret it names; null without one
 * @param served    the lifecycle's copies a CNAME record points at
 * @param runningHours the served copy's running hours as promote last wrote them; null when it runs around the clock
 * @param drainMinutes the lifecycle's drain as promote last wrote it; null when the parameter does not say
 */
public record ParameterStatus(String managedName, String name, boolean exists, String copy, String secretArn,
                              List<String> served, String runningHours, Long drainMinutes) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ParameterStatus {
        served = List.copyOf(served);
    }

    /** The parameter's value as read ({@code value}), beside the lifecycle's copies as status reports them. */
    static ParameterStatus of(String managedName, String name, Optional<String> value, List<CopyStatus> copies) {
        Optional<ConnectionParameter> parsed = value.flatMap(ConnectionParameter::parse);
        List<String> served = copies.stream().filter(copy -> copy.managedName().equals(managedName))
                .filter(copy -> !copy.records().isEmpty()).map(CopyStatus::copy).toList();
        return new ParameterStatus(managedName, name, value.isPresent(), parsed.map(ConnectionParameter::copy).orElse(null),
                parsed.map(ConnectionParameter::secretArn).orElse(null), served,
                parsed.map(ConnectionParameter::runningHours).orElse(null),
                parsed.map(ConnectionParameter::drainMinutes).orElse(null));
    }

    /** Whether the parameter names the one copy DNS serves. */
    public boolean matchesDns() {
        return copy != null && served.equals(List.of(copy));
    }

    /** One line for people. */
    public String line() {
        String dns = served.isEmpty() ? "DNS serves no copy" : "DNS serves " + String.join(", ", served);
        if (!exists) {
            return "parameter " + name + ": not written (" + dns + ")";
        }
        if (copy == null) {
            return "parameter " + name + ": names no copy, promote rewrites it (" + dns + ")";
        }
        return "parameter " + name + " -> " + copy + (secretArn == null ? "" : ", secret " + secretArn)
                + (matchesDns() ? " (what DNS serves)" : ", but " + dns)
                + (runningHours == null ? "" : "; running hours " + runningHours);
    }

    public ObjectNode toJsonNode() {
        ObjectNode node = JSON.createObjectNode();
        node.put("managedName", managedName);
        node.put("name", name);
        node.put("exists", exists);
        node.put("copy", copy);
        node.put("secretArn", secretArn);
        node.put("matchesDns", matchesDns());
        served.forEach(node.putArray("served")::add);
        node.put("runningHours", runningHours);
        return node;
    }
}
