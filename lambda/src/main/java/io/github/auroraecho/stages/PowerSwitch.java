package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.RunningHours;
import io.github.auroraecho.lifecycle.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stop's and start's shared rule over the lifecycle's promoted copies: send the call to a copy in the state RDS takes
 * it from, leave one already where the run wants it, and wait for one between states, which RDS refuses to stop or
 * start. RDS takes StopDBCluster only from {@code available} and StartDBCluster only from {@code stopped} ("To start
 * a cluster it must be in a stopped status. To stop a cluster it must be in an available status": AWS Systems Manager
 * runbook AWS-StartStopAuroraCluster, https://docs.aws.amazon.com/systems-manager-automation-runbooks/latest/userguide/start-stop-aurora-cluster.html).
 */
final class PowerSwitch {
    private PowerSwitch() {
    }

    enum Direction {
        STOP("available", "stopped", "stop", "stopped"),
        START("stopped", "available", "start", "started");

        final String from;
        final String to;
        final String verb;
        final String done;

        Direction(String from, String to, String verb, String done) {
            this.from = from;
            this.to = to;
            this.verb = verb;
            this.done = done;
        }
    }

    enum Step { SEND, DONE, WAIT }

    /** What the run does with one promoted copy, by its cluster's status. */
    static Step decide(Copy copy, Direction direction) {
        String status = copy.clusterStatus();
        return direction.from.equals(status) ? Step.SEND : direction.to.equals(status) ? Step.DONE : Step.WAIT;
    }

    static Result run(StageContext context, List<Copy> copies, Direction direction) {
        String managedName = context.managedName();
        List<Copy> promoted = copies.stream()
                .filter(copy -> copy.stage(managedName).equals(Optional.of(Stage.PROMOTED)))
                .sorted(Copy.newestFirst(managedName))
                .toList();
        if (promoted.isEmpty()) {
            return context.result(Outcome.NOTHING_TO_DO, "no copy is promoted: there is nothing to " + direction.verb,
                    null);
        }
        List<String> sent = new ArrayList<>();
        List<String> done = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (Copy copy : promoted) {
            switch (decide(copy, direction)) {
                case SEND -> {
                    if (direction == Direction.STOP) {
                        context.copies().stopCluster(copy);
                    } else {
                        context.copies().startCluster(copy);
                    }
                    sent.add(copy.name());
                }
                case DONE -> done.add(copy.name() + " is " + direction.to);
                case WAIT -> waiting.add(copy.name() + " is " + copy.clusterStatus() + "; RDS can " + direction.verb
                        + " it once it is " + direction.from + ", which the next run does");
            }
        }
        List<String> words = new ArrayList<>();
        if (!sent.isEmpty()) {
            words.add(direction.done + " " + String.join(", ", sent) + hoursWords(context.config().stopping().runningHours()));
        }
        words.addAll(waiting);
        words.addAll(done);
        String message = String.join("; ", words);
        String copy = promoted.get(0).name();
        return context.result(!sent.isEmpty() ? Outcome.CHANGED : !waiting.isEmpty() ? Outcome.WAITING
                : Outcome.NOTHING_TO_DO, message, copy);
    }

    private static String hoursWords(RunningHours hours) {
        return hours == null ? "" : " (running hours " + hours.describe() + ")";
    }
}
