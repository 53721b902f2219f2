package io.github.auroraecho.cli;

import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.stages.Engine;
import io.github.auroraecho.stages.Outcome;
import io.github.auroraecho.stages.Result;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code -i true}: the stage first runs as a dry run against the real state, the planned changes are
 * shown, and one answer applies them all. The real run decides again from fresh state, so if something
 * changed in between it does what that state needs, as any scheduled run would.
 */
final class Confirmation {
    private final BufferedReader answers;
    private final PrintStream prompt;

    Confirmation(BufferedReader answers, PrintStream prompt) {
        this.answers = answers;
        this.prompt = prompt;
    }

    Result run(Engine engine, Operation operation, LifecycleConfig config) {
        Result plan = engine.run(operation, config.asDryRun());
        if (plan.outcome() != Outcome.PLANNED) {
            return plan;
        }
        prompt.println(operation.cliName() + " " + config.managedName() + ": " + plan.message());
        plan.changes().forEach(change -> prompt.println("  - " + change));
        prompt.print("apply " + (plan.changes().size() == 1 ? "this change" : "these " + plan.changes().size()
                + " changes") + "? [y/N] ");
        prompt.flush();
        if (!yes()) {
            prompt.println("not applied: nothing was changed");
            return plan;
        }
        return engine.run(operation, config);
    }

    private boolean yes() {
        try {
            String line = answers.readLine();
            return line != null && switch (line.strip().toLowerCase(Locale.ROOT)) {
                case "y", "yes" -> true;
                default -> false;
            };
        } catch (IOException e) {
            return false;
        }
    }
}
