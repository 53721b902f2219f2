package io.github.auroraecho.infra;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an environment's lifecycles over nested stacks of schedules, so that no stack meets CloudFormation's limits
 * (500 resources and 1 MB of template a stack) however many lifecycles the environment has: a part takes lifecycles
 * until it holds {@link #MAX_SCHEDULES} schedules or about {@link #MAX_INPUT_BYTES} of schedule input (each schedule
 * carries the whole document), whichever comes first.
 */
final class SchedulePartition {
    /** Two in five of CloudFormation's 500 resources: a margin for what a later change adds to a schedule. */
    static final int MAX_SCHEDULES = 200;
    /** Documents are at most 8 KB each; this keeps a part's template well under 1 MB with the schedules around them. */
    static final int MAX_INPUT_BYTES = 400_000;

    private SchedulePartition() {
    }

    static List<List<LifecycleSchedule>> of(List<LifecycleSchedule> lifecycles) {
        List<List<LifecycleSchedule>> parts = new ArrayList<>();
        List<LifecycleSchedule> part = new ArrayList<>();
        int schedules = 0;
        long bytes = 0;
        for (LifecycleSchedule lifecycle : lifecycles) {
            int count = lifecycle.schedules().size();
            long input = (long) count * lifecycle.documentJson().length();
            if (!part.isEmpty() && (schedules + count > MAX_SCHEDULES || bytes + input > MAX_INPUT_BYTES)) {
                parts.add(List.copyOf(part));
                part.clear();
                schedules = 0;
                bytes = 0;
            }
            part.add(lifecycle);
            schedules += count;
            bytes += input;
        }
        if (!part.isEmpty()) {
            parts.add(List.copyOf(part));
        }
        return parts;
    }
}
