package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.Operation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Where a lifecycle's own resources go: its schedules and its staleness alarm live in one of {@value #COUNT} nested
 * stacks ({@code Lifecycles00} .. {@code Lifecycles15}), chosen by a hash of its managed name, so that the
 * environment's stack holds nothing per lifecycle and stays within CloudFormation's limits (500 resources and 1 MB of
 * template a stack) however many lifecycles it has. The hash, not the lifecycle's position in the settings, decides:
 * adding, removing or reordering lifecycles never moves another lifecycle's schedules or alarm to another stack. That
 * matters because their names are fixed: a schedule created in one stack while the other still holds it fails, and an
 * alarm written by one stack is deleted by the other's clean-up. Only stacks with lifecycles exist.
 */
final class LifecycleStacks {
    static final int COUNT = 16;
    /** Half of CloudFormation's 500 resources a stack: a margin for what a later change adds per lifecycle. */
    static final int MAX_RESOURCES = 250;
    /** Every schedule carries its whole document; about half of the 1 MB a template may hold, with what surrounds it. */
    static final int MAX_INPUT_BYTES = 500_000;

    private LifecycleStacks() {
    }

    /** The lifecycles of each nested stack that has any, by index; a stack past a limit is a synth-time error. */
    static Map<Integer, List<LifecycleSchedule>> of(String environment, List<LifecycleSchedule> lifecycles) {
        Map<Integer, List<LifecycleSchedule>> stacks = new TreeMap<>();
        lifecycles.forEach(lifecycle -> stacks.computeIfAbsent(indexOf(lifecycle.managedName()), i -> new ArrayList<>())
                .add(lifecycle));
        stacks.forEach((index, part) -> {
            int resources = part.stream().mapToInt(LifecycleStacks::resources).sum();
            long input = part.stream().mapToLong(l -> (long) l.schedules().size() * l.documentJson().length()).sum();
            if (resources > MAX_RESOURCES || input > MAX_INPUT_BYTES) {
                throw new SettingsException("environment " + environment + ": the " + part.size() + " lifecycles of "
                        + "nested stack " + idOf(index) + " (" + part.stream().map(LifecycleSchedule::managedName)
                        .toList() + ") need " + resources + " resources and " + input + " bytes of schedule input; "
                        + "a nested stack takes at most " + MAX_RESOURCES + " and " + MAX_INPUT_BYTES
                        + ": split the environment in two, or shorten these lifecycles' documents");
            }
        });
        return stacks;
    }

    /** A stable hash of the name (CRC-32, the same on every JVM), folded onto the stacks. */
    static int indexOf(String managedName) {
        CRC32 crc = new CRC32();
        crc.update(managedName.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % COUNT);
    }

    static String idOf(int index) {
        return String.format("Lifecycles%02d", index);
    }

    /**
     * A schedule per scheduled stage (with running hours, stop's and start's two among them), the staleness alarm of a
     * lifecycle that promotes, its consumer policy.
     */
    static int resources(LifecycleSchedule lifecycle) {
        return lifecycle.schedules().size() + (lifecycle.schedules(Operation.PROMOTE) ? 1 : 0)
                + (lifecycle.consumerPolicy() ? 1 : 0);
    }
}
