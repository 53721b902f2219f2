package io.github.auroraecho.aws;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.SqlScript;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.BadRequestException;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.RdsDataException;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;
import software.amazon.awssdk.services.rdsdata.model.StatementTimeoutException;
import software.amazon.awssdk.services.rdsdata.model.TransactionNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Runs modify's SQL scripts, and promote's checks ({@link #firstColumns}), on a copy through the RDS Data API: no JDBC driver and no network path into
 * the copy's VPC, and the credentials are the copy's RDS-managed secret, which the Data API reads itself.
 *
 * <p>Each statement runs exactly once, however long it takes and wherever a run dies. It runs in its own
 * Data API transaction, which also writes the statement's step into the table {@value #STEPS} of the same
 * database; only a commit makes the statement and its step visible together. So a later run reads the
 * step to learn whether the statement committed, and a transaction nobody commits is rolled back by
 * the Data API: a statement whose answer was lost never takes effect and runs again in a new one. The
 * statement is sent with {@code continueAfterTimeout}: when the Data API ends the call after 45 s it keeps
 * running, and {@link #finish} commits its transaction once it is done. The client makes no retries
 * (a resent statement would be a second statement) and waits longer than 45 s for an answer.
 */
public final class SqlStatements {
    /** The table, in each script's database, where a statement's transaction records its step. */
    static final String STEPS = "aurora_echo_sql_steps";
    private static final String CREATE = "CREATE TABLE IF NOT EXISTS " + STEPS + " (step VARCHAR(200) PRIMARY KEY)";
    private static final String SELECT = "SELECT step FROM " + STEPS + " WHERE step = :step";
    /** Written so that asking again in a transaction whose step is already written changes nothing. */
    private static final String INSERT = "INSERT INTO " + STEPS + " (step) SELECT :step FROM (SELECT 1 AS one) AS one"
            + " WHERE NOT EXISTS (SELECT 1 FROM " + STEPS + " WHERE step = :step)";

    /** How a statement's transaction stands after a call. */
    public enum Ending {
        /** The statement and its step are committed. */
        COMMITTED,
        /** The statement still runs in its transaction after the Data API's 45 s: ask again later. */
        RUNNING,
        /** The transaction is gone without a commit (rolled back): the statement took no effect. */
        GONE
    }

    private final RdsDataClient dataApi;
    private final S3Client s3;
    private final Changes changes;
    private final Copy copy;
    private final String secretArn;

    public SqlStatements(AwsClients aws, Changes changes, Copy copy, String secretArn) {
        this.dataApi = aws.rdsData();
        this.s3 = aws.s3();
        this.changes = changes;
        this.copy = copy;
        this.secretArn = secretArn;
    }

    /** The statement of a script: its inline text, or the whole content of its S3 object. */
    private String text(SqlScript script) {
        if (script.sql() != null) {
            return script.sql();
        }
        ResponseBytes<?> object = s3.getObjectAsBytes(r -> r.bucket(script.bucket()).key(script.key()));
        return object.asString(StandardCharsets.UTF_8);
    }

    /** True when the step's transaction committed (its row is there). Makes the steps table if it is not. */
    public boolean committed(SqlScript script, String step) {
        execute(script.database(), null, r -> r.sql(CREATE));
        ExecuteStatementResponse found = execute(script.database(), null, r -> r.sql(SELECT).parameters(stepParameter(step)));
        // An answer without records would read as "not committed" and run the statement a second time.
        if (!found.hasRecords()) {
            throw new DataApiAnswerException("ExecuteStatement (the look-up of the statement's step)", "its records");
        }
        return !found.records().isEmpty();
    }

    /**
     * Starts the statement in a new transaction and, when it ends within the Data API's 45 s, commits it with
     * its step. The text is read only when the statement runs, so a dry run reads no S3 object.
     *
     * @param number the script's 1-based position, for the change list and the log
     * @param running told the transaction's id when the statement runs on after the call ended
     */
    public Ending run(int number, SqlScript script, String step, Consumer<String> running) {
        Ending[] ending = {Ending.COMMITTED};
        changes.applyByHand("run SQL statement " + number + " on cluster " + copy.name() + ": " + script.describe(), () -> {
            String sql = text(script);
            String transaction = dataApi.beginTransaction(r -> r.resourceArn(copy.clusterArn()).secretArn(secretArn)
                    .database(script.database())).transactionId();
            if (transaction == null || transaction.isBlank()) {
                // Without a transaction the statement would commit on its own, without its step: never run it so.
                throw new DataApiAnswerException("BeginTransaction", "a transaction id");
            }
            try {
                execute(script.database(), transaction, r -> r.sql(sql).continueAfterTimeout(true));
            } catch (StatementTimeoutException e) {
                running.accept(transaction);
                ending[0] = Ending.RUNNING;
                return e.requestId();
            } catch (RdsDataException e) {
                rollback(transaction);
                throw e;
            }
            ending[0] = finish(script, step, transaction);
            return transaction;
        }, "copy", copy.name(), "statement", String.valueOf(number));
        return ending[0];
    }

    /**
     * Writes the step in the statement's transaction and commits both. The step's write waits behind the
     * statement while it runs, so this also learns when a long statement is done.
     */
    public Ending finish(SqlScript script, String step, String transaction) {
        try {
            execute(script.database(), transaction, r -> r.sql(INSERT).parameters(stepParameter(step)).continueAfterTimeout(true));
            String status = dataApi.commitTransaction(r -> r.resourceArn(copy.clusterArn()).secretArn(secretArn)
                    .transactionId(transaction)).transactionStatus();
            if (status == null || status.isBlank()) {
                // Whether it committed is unknown: the next run reads the step to learn it.
                throw new DataApiAnswerException("CommitTransaction", "a transaction status");
            }
            return Ending.COMMITTED;
        } catch (StatementTimeoutException e) {
            return Ending.RUNNING;
        } catch (RdsDataException e) {
            if (!transactionGone(e)) {
                throw e;
            }
            // Committed by a run that died before recording it, or rolled back: the step tells which.
            return committed(script, step) ? Ending.COMMITTED : Ending.GONE;
        }
    }

    /**
     * The Data API no longer knows the transaction: TransactionNotFoundException, or the BadRequestException
     * ("Transaction ... is not found") that it answered before that error existed.
     */
    private static boolean transactionGone(RdsDataException e) {
        String message = String.valueOf(e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage())
                .toLowerCase(Locale.ROOT);
        return e instanceof TransactionNotFoundException
                || e instanceof BadRequestException && message.contains("transaction") && message.contains("not found");
    }

    /** Ends a transaction whose statement failed; one the Data API no longer knows needs nothing. */
    public void rollback(String transaction) {
        try {
            dataApi.rollbackTransaction(r -> r.resourceArn(copy.clusterArn()).secretArn(secretArn).transactionId(transaction));
        } catch (RdsDataException e) {
            if (!transactionGone(e)) {
                throw e;
            }
        }
    }

    /**
     * Runs a read-only statement (one of verify's checks) outside any transaction and answers the first column of
     * each row it returns. "If a call isn't part of a transaction because it doesn't include the transactionID
     * parameter, changes that result from the call are committed automatically", and its answer's {@code records}
     * are "The records returned by the SQL statement" (RDS Data API reference, ExecuteStatement,
     * https://docs.aws.amazon.com/rdsdataservice/latest/APIReference/API_ExecuteStatement.html): a check changes
     * nothing, so it needs no transaction and no step, and it is not a change that {@link Changes} records.
     */
    public List<Object> firstColumns(SqlScript check) {
        String sql = text(check);
        ExecuteStatementResponse answer = execute(check.database(), null, r -> r.sql(sql));
        // An answer without records would read as "no row" and reject a copy the check might pass.
        if (!answer.hasRecords()) {
            throw new DataApiAnswerException("ExecuteStatement (a check's SELECT)", "its records");
        }
        return answer.records().stream().map(row -> row.isEmpty() ? null : value(row.get(0))).toList();
    }

    /** A column as Java gives it: Long, Double, String or Boolean; null for SQL NULL; a blob or array as the SDK writes it. */
    private static Object value(Field field) {
        if (Boolean.TRUE.equals(field.isNull())) {
            return null;
        }
        return switch (field.type()) {
            case LONG_VALUE -> field.longValue();
            case DOUBLE_VALUE -> field.doubleValue();
            case STRING_VALUE -> field.stringValue();
            case BOOLEAN_VALUE -> field.booleanValue();
            default -> field.toString();
        };
    }

    private ExecuteStatementResponse execute(
            String database, String transaction, UnaryOperator<ExecuteStatementRequest.Builder> statement) {
        return dataApi.executeStatement(statement.apply(ExecuteStatementRequest.builder()
                .resourceArn(copy.clusterArn()).secretArn(secretArn).database(database).transactionId(transaction)).build());
    }

    private static SqlParameter stepParameter(String step) {
        return SqlParameter.builder().name("step").value(v -> v.stringValue(step)).build();
    }
}
