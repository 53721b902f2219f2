package io.github.auroraecho.stages;

import io.github.auroraecho.aws.SqlStatements;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.SqlProgress;
import io.github.auroraecho.lifecycle.SqlScript;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the document's SQL scripts on a copy in order, recording after each one that it ran, so each runs
 * once per copy even across interrupted runs. The first failure stops the run: the copy stays {@code new}
 * and the result names the statement, so a fixed document resumes at that statement.
 */
final class SqlRun {
    /** The Data API ends a call after 45 seconds; a statement is only started with that much time left. */
    private static final Duration STATEMENT_TIME = Duration.ofSeconds(50);
    /** The Data API's answers for a database that cannot take SQL yet but will: the next run tries again. */
    private static final Set<String> NOT_YET = Set.of(
            "DatabaseResumingException", "DatabaseUnavailableException", "HttpEndpointNotEnabledException");

    private final StageContext context;
    private final Copy copy;
    private final String secretArn;
    private final List<SqlScript> scripts;

    SqlRun(StageContext context, Copy copy, String secretArn) {
        this.context = context;
        this.copy = copy;
        this.secretArn = secretArn;
        this.scripts = context.config().modification().sqlScripts();
    }

    /** Runs scripts {@code next} (0-based) to the last; a result when the run must stop. */
    Optional<Result> from(int next) {
        SqlStatements statements = new SqlStatements(context.aws().dataApi(), context.aws().s3(), context.changes());
        for (int i = next; i < scripts.size(); i++) {
            SqlScript script = scripts.get(i);
            if (!context.changes().dryRun() && context.waitBudget(STATEMENT_TIME).compareTo(STATEMENT_TIME) < 0) {
                // Stopping between statements loses nothing: the next run starts at this one.
                return Optional.of(context.result(Outcome.WAITING, "the run's time is nearly up after SQL statement "
                        + i + " of " + scripts.size() + " on copy " + copy.name() + "; the next run continues at statement "
                        + (i + 1), copy.name()));
            }
            try {
                statements.execute(copy, secretArn, i + 1, script);
            } catch (AwsServiceException e) {
                if (NOT_YET.contains(e.awsErrorDetails().errorCode())) {
                    return Optional.of(context.result(Outcome.WAITING, "copy " + copy.name() + " cannot take SQL yet ("
                            + e.awsErrorDetails().errorMessage() + "); the next run continues at statement " + (i + 1)
                            + " of " + scripts.size(), copy.name()));
                }
                return Optional.of(failed(i, e));
            }
            context.copies().setSqlProgress(copy, context.managedName(), SqlProgress.after(scripts, i + 1));
        }
        return Optional.empty();
    }

    private Result failed(int index, AwsServiceException e) {
        String ran = index == 0 ? "no statement ran" : "statements 1 to " + index + " ran and will not run again";
        return context.result(Outcome.FAILED, "SQL statement " + (index + 1) + " of " + scripts.size() + " ("
                + scripts.get(index).describe() + ") failed on copy " + copy.name() + ": "
                + e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage() + "; the copy stays new ("
                + ran + "); fix the statement and run modify again", copy.name());
    }
}
