package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.Copy;

import java.util.stream.Collectors;

/** Words for where a copy's resources are, for results that say why a stage waits. */
final class Statuses {
    private Statuses() {
    }

    static String of(Copy copy) {
        String instances = copy.instances().isEmpty() ? "no instance"
                : copy.instances().stream().map(i -> "instance " + i.id() + " " + i.status())
                .collect(Collectors.joining(", "));
        return "cluster " + copy.clusterStatus() + ", " + instances;
    }
}
