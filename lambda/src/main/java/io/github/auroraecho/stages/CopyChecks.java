package io.github.auroraecho.stages;

import io.github.auroraecho.aws.DataApiAnswerException;
import io.github.auroraecho.aws.SqlStatements;
import io.github.auroraecho.lifecycle.Check;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;
import io.github.auroraecho.lifecycle.Verification;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.rdsdata.model.RdsDataException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Promote's checks before it points DNS at a copy: the document's {@code verify}, in order, through the RDS Data
 * API with the copy's managed secret (see {@link SqlStatements#firstColumns}). All pass: the copy carries the time
 * ({@link TimeTag#VERIFIED}). One fails: the copy is rejected (retired, with the check in
 * {@link Verification#rejectedTagKey}, in one call), so no promote serves it and retire deletes it after its
 * drain. A check that cannot run yet, or at all, decides nothing: DNS stays and the copy stays modified.
 */
final class CopyChecks {
    private CopyChecks() {
    }

    /** What the checks decided. */
    sealed interface Verdict {
        /**
         * Each check's value, in the document's order (none when the document has no checks or in a dry run), and
         * words for the run's message ("" without checks).
         */
        record Passed(Map<String, Object> values, String words) implements Verdict {
        }

        /** The run ends here with this result, DNS unmoved. */
        record Stop(Result result) implements Verdict {
        }
    }

    /**
     * Runs the checks on a copy that DNS is about to point at; a dry run only says which would run.
     *
     * @param served what the record serves now, in words ("copy staging-2026-12-06"); null when nothing yet
     */
    static Verdict run(StageContext context, Copy copy, String served) {
        List<Check> checks = context.config().verification().checks();
        if (checks.isEmpty()) {
            return new Verdict.Passed(Map.of(), "");
        }
        if (context.changes().dryRun()) {
            context.copies().setStage(copy, context.managedName(), Stage.MODIFIED, Map.of(TimeTag.VERIFIED, context.now()));
            return new Verdict.Passed(Map.of(), "; first it runs the checks " + String.join(", ", checks.stream()
                    .map(check -> "\"" + check.name() + "\"").toList()) + " on " + copy.name()
                    + " (a check that fails stops it, and DNS stays)");
        }
        Optional<String> cannot = cannotRun(copy);
        if (cannot.isPresent()) {
            return new Verdict.Stop(context.result(Outcome.FAILED, cannot.get() + "; DNS is not moved and "
                    + servedWords(served) + " (see docs/verify.md)", copy.name()));
        }
        if (!"active".equals(copy.settings().masterUserSecretStatus())) {
            return new Verdict.Stop(context.result(Outcome.WAITING, "the managed secret of copy " + copy.name() + " is "
                    + copy.settings().masterUserSecretStatus() + ", not active: its checks run once it is", copy.name()));
        }
        SqlStatements statements = new SqlStatements(context.aws(), context.changes(), copy,
                copy.settings().masterUserSecretArn());
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        String firstFailing = null;
        for (Check check : checks) {
            List<Object> rows;
            try {
                rows = statements.firstColumns(check.statement());
            } catch (AwsServiceException e) {
                return new Verdict.Stop(cannotAnswer(context, copy, check, e, served));
            } catch (DataApiAnswerException e) {
                return new Verdict.Stop(context.result(Outcome.FAILED, "check \"" + check.name() + "\" on copy "
                        + copy.name() + " stopped: " + e.getMessage() + "; DNS is not moved and " + servedWords(served)
                        + "; the next run asks again", copy.name()));
            } catch (SdkClientException e) {
                return new Verdict.Stop(context.result(Outcome.WAITING, "no answer from the RDS Data API for check \""
                        + check.name() + "\" on copy " + copy.name() + " (" + e.getMessage() + "); the next run checks "
                        + "again before DNS moves", copy.name()));
            }
            Optional<String> failure = check.failure(rows);
            if (failure.isPresent()) {
                failures.add(failure.get());
                firstFailing = firstFailing == null ? check.name() : firstFailing;
            } else {
                values.put(check.name(), rows.get(0));
            }
        }
        if (!failures.isEmpty()) {
            context.copies().setStage(copy, context.managedName(), Stage.RETIRED, Map.of(TimeTag.RETIRED, context.now()),
                    Map.of(Verification.rejectedTagKey(context.managedName()), firstFailing));
            return new Verdict.Stop(context.result(Outcome.FAILED, "copy " + copy.name() + " failed its checks: "
                    + String.join("; ", failures) + ". DNS is not moved and " + servedWords(served) + "; copy "
                    + copy.name() + " is rejected (marked retired, so no promote serves it and retire deletes it after "
                    + "its drain of " + context.config().drain().toMinutes() + " minutes: time to inspect it)",
                    copy.name()));
        }
        context.copies().setStage(copy, context.managedName(), Stage.MODIFIED, Map.of(TimeTag.VERIFIED, context.now()));
        return new Verdict.Passed(values, "; its checks passed: " + String.join(", ", values.entrySet().stream()
                .map(value -> "\"" + value.getKey() + "\" found " + value.getValue()).toList()));
    }

    /** Why the checks cannot run on this copy at all: modify gives a copy of a document with verify both. */
    private static Optional<String> cannotRun(Copy copy) {
        if (copy.settings().masterUserSecretArn() == null) {
            return Optional.of("copy " + copy.name() + " has no managed secret for its checks to sign in with (it was "
                    + "modified by a document without manageMasterUserPassword)");
        }
        if (!copy.settings().httpEndpointEnabled()) {
            return Optional.of("copy " + copy.name() + " does not have the RDS Data API its checks run through enabled "
                    + "(it was modified by a document without verify or sqlScripts)");
        }
        return Optional.empty();
    }

    private static Result cannotAnswer(StageContext context, Copy copy, Check check, AwsServiceException e, String served) {
        String code = e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails().errorMessage();
        DataApiErrors.Kind kind = e instanceof RdsDataException ? DataApiErrors.of(code, message)
                // A check in S3 that cannot be read: the document must name another.
                : DataApiErrors.Kind.STATEMENT;
        return switch (kind) {
            case NOT_YET -> context.result(Outcome.WAITING, "copy " + copy.name() + " cannot run check \"" + check.name()
                    + "\" yet (" + message + "); the next run checks again before DNS moves", copy.name());
            case STATEMENT -> context.result(Outcome.FAILED, "check \"" + check.name() + "\" could not run on copy "
                    + copy.name() + ": " + code + ": " + message + "; DNS is not moved and " + servedWords(served)
                    + "; fix the check (its statement must be one read-only SELECT) and run promote again", copy.name());
            case REFUSED -> context.result(Outcome.FAILED, "the RDS Data API refused check \"" + check.name()
                    + "\" on copy " + copy.name() + ": " + code + ": " + message
                    + DataApiErrors.hint(code, message, copy.engine(), copy.settings().engineVersion())
                    + "; DNS is not moved and " + servedWords(served), copy.name());
        };
    }

    private static String servedWords(String served) {
        return served == null ? "no copy is served yet" : served + " stays served";
    }
}
