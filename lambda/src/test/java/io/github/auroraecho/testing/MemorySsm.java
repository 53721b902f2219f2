package io.github.auroraecho.testing;

import io.github.auroraecho.aws.Changes;
import io.github.auroraecho.aws.ConnectionParameters;
import io.github.auroraecho.lifecycle.ConnectionParameterName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SSM Parameter Store in memory, under the default prefix: the parameters and every write made to them. */
public final class MemorySsm {
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final List<String> writes = new ArrayList<>();

    public Optional<String> value(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    public List<String> writes() {
        return List.copyOf(writes);
    }

    public ConnectionParameters parameters(Changes changes) {
        return new ConnectionParameters() {
            @Override
            public String name(String managedName) {
                return ConnectionParameterName.of(ConnectionParameterName.DEFAULT_PREFIX, managedName);
            }

            @Override
            public Optional<String> read(String managedName) {
                return value(name(managedName));
            }

            @Override
            public void write(String managedName, String value, String copy) {
                String description = "write parameter " + name(managedName) + " -> " + copy;
                changes.applyByHand(description, () -> {
                    parameters.put(name(managedName), value);
                    writes.add(description);
                    return "memory-ssm-" + writes.size();
                });
            }
        };
    }
}
