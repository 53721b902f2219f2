package io.github.auroraecho.stages;

import io.github.auroraecho.aws.DataApiAnswerException;
import io.github.auroraecho.aws.SqlStatements;
import io.github.auroraecho.aws.SqlStatements.Ending;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.SqlProgress;
import io.github.auroraecho.lifecycle.SqlScript;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.rdsdata.model.RdsDataException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs the document's SQL scripts on a copy in order, recording after each one that it ran, so each runs
 * once per copy even across interrupted runs (see {@link SqlStatements} for how a statement learns that it
 * committed). The first failure stops the run: the copy stays {@code new} and the result names the
 * statement, so a fixed document resumes at that statement.
 */
final class SqlRun {
    /** The Data API ends a call after 45 seconds; a statement is only started or asked after with that much time left. */
    private static final Duration STATEMENT_TIME = Duration.ofSeconds(50);
    /**
     * "A transaction times out if no calls use its transaction ID in three minutes. If a transaction times out
     * before it's committed, it's rolled back automatically." (RDS Data API reference, BeginTransaction,
     * https://docs.aws.amazon.com/rdsdataservice/latest/APIReference/API_BeginTransaction.html). A run keeps a
     * running statement's transaction in use by asking after it every 45 s; once the run ends, nothing does.
     */
    private static final String TRANSACTION_IDLE = "three minutes";

    private final StageContext context;
    private final Copy copy;
    private final List<SqlScript> scripts;
    private final SqlStatements statements;

    SqlRun(StageContext context, Copy copy, String secretArn) {
        this.context = context;
        this.copy = copy;
        this.scripts = context.config().modification().sqlScripts();
        this.statements = new SqlStatements(context.aws(), context.changes(), copy, secretArn);
    }

    /** Runs scripts {@code next} (0-based) to the last; a result when the run must stop. */
    Optional<Result> from(int next) {
        // A statement an earlier run left running in its transaction is asked after, not started again.
        String running = SqlProgress.of(copy.clusterTags(), context.managedName()).map(SqlProgress::transaction).orElse(null);
        for (int i = next; i < scripts.size(); i++) {
            SqlScript script = scripts.get(i);
            if (context.changes().dryRun()) {
                statements.run(i + 1, script, null, transaction -> { });
                continue;
            }
            if (context.waitBudget(STATEMENT_TIME).compareTo(STATEMENT_TIME) < 0) {
                if (running == null) {
                    // Stopping between statements loses nothing: the next run starts at this one.
                    return Optional.of(context.result(Outcome.WAITING, "the run's time is nearly up after SQL statement "
                            + i + " of " + scripts.size() + " on copy " + copy.name() + "; the next run continues at "
                            + "statement " + (i + 1), copy.name()));
                }
                // The first statement of a run had the whole run: no later run can give it more (see TRANSACTION_IDLE).
                return Optional.of(i == next ? tooLong(i) : stillRunning(i));
            }
            String step = SqlProgress.step(copy.name(), scripts, i + 1);
            SqlProgress before = SqlProgress.after(scripts, i);
            String[] started = {null};
            Ending ending;
            try {
                ending = running != null ? statements.finish(script, step, running)
                        : statements.committed(script, step) ? Ending.COMMITTED
                        : statements.run(i + 1, script, step, transaction -> {
                            started[0] = transaction;
                            context.copies().setSqlProgress(copy, context.managedName(), before.running(transaction));
                        });
            } catch (AwsServiceException e) {
                if (running != null) {
                    statements.rollback(running);
                    context.copies().setSqlProgress(copy, context.managedName(), before);
                }
                DataApiErrors.Kind kind = e instanceof RdsDataException
                        ? DataApiErrors.of(e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage())
                        // An S3 script that cannot be read: the document must name another.
                        : DataApiErrors.Kind.STATEMENT;
                return Optional.of(switch (kind) {
                    case NOT_YET -> notYet(i, e);
                    case STATEMENT -> failed(i, e);
                    case REFUSED -> refused(i, e);
                });
            } catch (DataApiAnswerException e) {
                return Optional.of(unexpected(i, e));
            } catch (SdkClientException e) {
                // No answer: whether the statement started is unknown; a transaction nobody commits takes no effect.
                return Optional.of(context.result(Outcome.WAITING, "no answer from the RDS Data API for SQL statement "
                        + (i + 1) + " of " + scripts.size() + " on copy " + copy.name() + " (" + e.getMessage()
                        + "); the next run learns whether it committed and runs it otherwise", copy.name()));
            }
            String asked = running;
            running = null;
            switch (ending) {
                case COMMITTED -> context.copies().setSqlProgress(copy, context.managedName(), SqlProgress.after(scripts, i + 1));
                case GONE -> {
                    // Rolled back without taking effect: it runs again in a new transaction.
                    if (asked != null) {
                        context.copies().setSqlProgress(copy, context.managedName(), before);
                    }
                    i--;
                }
                case RUNNING -> {
                    // Still running after the Data API's 45 s: asked after again (each ask waits up to 45 s behind it).
                    running = started[0] != null ? started[0] : asked;
                    i--;
                }
            }
        }
        return Optional.empty();
    }

    private Result stillRunning(int index) {
        return context.result(Outcome.WAITING, "SQL statement " + (index + 1) + " of " + scripts.size() + " still runs on copy "
                + copy.name() + " when the run's time is up; the Data API rolls its transaction back " + TRANSACTION_IDLE
                + " after this run's last call unless a run asks after it by then, and the next run then starts it "
                + "again, first, with the whole run's time", copy.name());
    }

    /**
     * A statement still running after a whole run. Its transaction ends three minutes after this run's last
     * call, long before the next scheduled run, so it can never commit: the copy waits for a fixed document.
     */
    private Result tooLong(int index) {
        context.copies().setSqlProgress(copy, context.managedName(), SqlProgress.after(scripts, index));
        return context.result(Outcome.FAILED, "SQL statement " + (index + 1) + " of " + scripts.size() + " ("
                + scripts.get(index).describe() + ") still runs on copy " + copy.name() + " after a whole run of modify: "
                + "the Data API rolls back a transaction " + TRANSACTION_IDLE + " after its last call, so a statement must "
                + "end within one run (see docs/secure-copies.md); it takes no effect, and the copy stays new ("
                + ran(index) + "); split the statement and run modify again", copy.name());
    }

    private Result notYet(int index, AwsServiceException e) {
        return context.result(Outcome.WAITING, "copy " + copy.name() + " cannot take SQL yet ("
                + e.awsErrorDetails().errorMessage() + "); the next run continues at statement " + (index + 1)
                + " of " + scripts.size(), copy.name());
    }

    private Result unexpected(int index, DataApiAnswerException e) {
        return context.result(Outcome.FAILED, "SQL statement " + (index + 1) + " of " + scripts.size() + " ("
                + scripts.get(index).describe() + ") on copy " + copy.name() + " stopped: " + e.getMessage()
                + ", which its API reference says it carries; no statement ran outside its transaction, and the copy "
                + "stays new (" + ran(index) + "); the next run learns from the steps table whether it committed",
                copy.name());
    }

    private static String ran(int index) {
        return index == 0 ? "no statement ran" : "statements 1 to " + index + " ran and will not run again";
    }

    private Result refused(int index, AwsServiceException e) {
        String code = e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails().errorMessage();
        return context.result(Outcome.FAILED, "the RDS Data API refused SQL statement " + (index + 1) + " of " + scripts.size()
                + " (" + scripts.get(index).describe() + ") on copy " + copy.name() + ": " + code + ": " + message
                + "; the call was refused, not the statement"
                + DataApiErrors.hint(code, message, copy.engine(), copy.settings().engineVersion()) + "; the copy stays new ("
                + ran(index) + "); run modify again once that is fixed", copy.name());
    }

    private Result failed(int index, AwsServiceException e) {
        return context.result(Outcome.FAILED, "SQL statement " + (index + 1) + " of " + scripts.size() + " ("
                + scripts.get(index).describe() + ") failed on copy " + copy.name() + ": "
                + e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage() + "; the copy stays new ("
                + ran(index) + "); fix the statement and run modify again", copy.name());
    }
}
