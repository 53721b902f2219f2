package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.RunningHours;
import io.github.auroraecho.lifecycle.Stage;
import software.amazon.awssdk.services.rds.model.InvalidDbClusterStateException;

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

    /**
     * For a stage that needs {@code copy} running, which RDS changes or deletes only then ({@link Copy#isPoweredDown}):
     * starts it when stopped, else says it waits while it stops or starts; empty when it is not powered down.
     *
     * @param reason why the stage needs it running ("RDS deletes no instance of a stopped cluster")
     * @param then   what the next run does once it is available ("the next run deletes it")
     */
    static Optional<String> wake(StageContext context, Copy copy, String reason, String then) {
        if (!copy.isPoweredDown()) {
            return Optional.empty();
        }
        if (decide(copy, Direction.START) == Step.SEND) {
            context.copies().startCluster(copy);
            return Optional.of("started " + copy.name() + ": " + reason + "; " + then);
        }
        return Optional.of(copy.name() + " is " + copy.clusterStatus() + ": " + reason + "; " + ("stopping".equals(
                copy.clusterStatus()) ? "the next run starts it once it is stopped" : then));
    }

    /** Stops a copy that need not run now, in words for the stage's message; {@code why} says why. */
    static String stop(StageContext context, Copy copy, String why) {
        return switch (decide(copy, Direction.STOP)) {
            case SEND -> {
                try {
                    context.copies().stopCluster(copy);
                    yield "stopped " + copy.name() + ": " + why;
                } catch (InvalidDbClusterStateException e) {
                    yield left(copy, e.awsErrorDetails().errorMessage());
                }
            }
            case DONE -> copy.name() + " is already stopped";
            case WAIT -> left(copy, "it is " + copy.clusterStatus());
        };
    }

    private static String left(Copy copy, String state) {
        return "left " + copy.name() + " as it is (" + state + "; RDS stops only an available cluster)";
    }

    private static String hoursWords(RunningHours hours) {
        return hours == null ? "" : " (running hours " + hours.describe() + ")";
    }
}
