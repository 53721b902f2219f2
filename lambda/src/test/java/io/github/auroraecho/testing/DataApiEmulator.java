package io.github.auroraecho.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The RDS Data API at the HTTP level, in front of the engine's real HTTP client: moto answers every
 * statement with success and knows no transactions, so this answers the Data API's requests as AWS
 * does and passes every other request on. It keeps what AWS keeps: open transactions with their
 * statements, and what was committed, so a test can count how often each statement took effect.
 * Statements {@link FailingStatements} marks fail with AWS's error, or run longer than the Data API's
 * 45 s (answered with StatementTimeoutException while they go on in their transaction; the account's
 * clock moves 45 s with each such answer, as the call lasted that long).
 *
 * <p>As AWS documents: "A transaction times out if no calls use its transaction ID in three minutes. If a
 * transaction times out before it's committed, it's rolled back automatically." (RDS Data API reference,
 * BeginTransaction, https://docs.aws.amazon.com/rdsdataservice/latest/APIReference/API_BeginTransaction.html),
 * measured on the account's clock; and "Data API isn't supported on T DB instance classes." (Limitations for
 * the Amazon RDS Data API, https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/data-api.limitations.html):
 * a cluster with a T-class instance is refused. AWS does not document the error for that; this answers
 * BadRequestException with the limitation's words.
 */
public final class DataApiEmulator implements SdkHttpClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STEPS = "aurora_echo_sql_steps";
    private static final Duration IDLE_LIMIT = Duration.ofMinutes(3);
    private static final Duration CALL_LIMIT = Duration.ofSeconds(45);

    private final SdkHttpClient real;
    private final FailingStatements failing;
    private final MovingClock clock;
    private final RdsClient rds;
    private final Map<String, Transaction> open = new HashMap<>();
    private final List<String> sent = new ArrayList<>();
    private final List<String> committed = new ArrayList<>();
    private final Set<String> steps = new HashSet<>();
    private boolean goneAsBadRequest;
    /** Operation to the field its answers leave out, as an answer the engine does not expect. */
    private final Map<String, String> omitted = new HashMap<>();
    /** A SELECT to the first column of each row the database answers it with (verify's checks). */
    private final Map<String, List<Object>> rows = new HashMap<>();

    /** An open transaction: its statements, its step, and how many more answers its running statement outlasts. */
    private static final class Transaction {
        final List<String> statements = new ArrayList<>();
        final List<String> steps = new ArrayList<>();
        int stillRunning;
        boolean failed;
        Instant lastUsed;
    }

    /** @param rds the account's RDS, where the Data API looks up the cluster's instance classes */
    public DataApiEmulator(SdkHttpClient real, FailingStatements failing, MovingClock clock, RdsClient rds) {
        this.real = real;
        this.failing = failing;
        this.clock = clock;
        this.rds = rds;
    }

    /** Every user statement that took effect (committed), in order. */
    public synchronized List<String> committed() {
        return List.copyOf(committed);
    }

    /** Every user statement that reached the Data API, in order (the steps' bookkeeping left out). */
    public synchronized List<String> sent() {
        return List.copyOf(sent);
    }

    /** Answers an unknown transaction as the Data API did before TransactionNotFoundException existed. */
    public synchronized void answerGoneTransactionsAsBadRequest() {
        goneAsBadRequest = true;
    }

    /** From now on, answers to the operation ({@code BeginTransaction}) leave out the field ({@code transactionId}). */
    public synchronized void answerWithout(String operation, String field) {
        omitted.put(operation, field);
    }

    /** Answers every operation in full again. */
    public synchronized void answerAsDocumented() {
        omitted.clear();
    }

    /**
     * From now on the statement is answered with these rows of one column each, as the Data API gives a query's
     * records: a Long as {@code longValue}, a String as {@code stringValue}, a Boolean as {@code booleanValue},
     * null as {@code isNull}.
     */
    public synchronized void answer(String sql, Object... firstColumns) {
        rows.put(sql, java.util.Arrays.asList(firstColumns));
    }

    public synchronized void reset() {
        rows.clear();
        goneAsBadRequest = false;
        omitted.clear();
        open.clear();
        sent.clear();
        committed.clear();
        steps.clear();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        // The signature's scope names the service, whatever the endpoint (the emulator serves every one).
        if (!request.httpRequest().firstMatchingHeader("Authorization").orElse("").contains("/rds-data/aws4_request")) {
            return real.prepareRequest(request);
        }
        JsonNode body = json(CannedHttp.body(request));
        synchronized (this) {
            String tClass = tClassOf(body.path("resourceArn").asText());
            if (tClass != null) {
                return error(400, "BadRequestException", "Data API isn't supported on T DB instance classes ("
                        + tClass + ")");
            }
            ExecutableHttpRequest answer = switch (request.httpRequest().encodedPath()) {
                case "/BeginTransaction" -> begin();
                case "/Execute" -> execute(body);
                case "/CommitTransaction" -> commit(body.path("transactionId").asText());
                case "/RollbackTransaction" -> rollback(body.path("transactionId").asText());
                default -> throw new IllegalStateException("the engine called " + request.httpRequest().encodedPath());
            };
            // The call used its transaction until it answered.
            Transaction used = open.get(body.path("transactionId").asText(""));
            if (used != null) {
                used.lastUsed = clock.instant();
            }
            return answer;
        }
    }

    /** The T instance class of the cluster's instances, if one has it; null otherwise. */
    private String tClassOf(String clusterArn) {
        String cluster = clusterArn.substring(clusterArn.lastIndexOf(':') + 1);
        return rds.describeDBInstances(r -> r.filters(f -> f.name("db-cluster-id").values(cluster))).dbInstances().stream()
                .map(DBInstance::dbInstanceClass).filter(c -> c.startsWith("db.t")).findFirst().orElse(null);
    }

    /** The open transaction, unless no call used it for three minutes: then the Data API rolled it back. */
    private Transaction inUse(String id) {
        Transaction transaction = open.get(id);
        if (transaction != null && !clock.instant().isBefore(transaction.lastUsed.plus(IDLE_LIMIT))) {
            open.remove(id);
            return null;
        }
        return transaction;
    }

    private ExecutableHttpRequest begin() {
        String id = UUID.randomUUID().toString().replace("-", "") + "+/=";
        Transaction transaction = new Transaction();
        transaction.lastUsed = clock.instant();
        open.put(id, transaction);
        return ok(answer("BeginTransaction", JSON.createObjectNode().put("transactionId", id)));
    }

    private ExecutableHttpRequest execute(JsonNode body) {
        String sql = body.path("sql").asText();
        String step = body.path("parameters").path(0).path("value").path("stringValue").asText(null);
        Transaction transaction = null;
        if (body.hasNonNull("transactionId")) {
            transaction = inUse(body.get("transactionId").asText());
            if (transaction == null) {
                return transactionNotFound();
            }
        }
        if (sql.startsWith("CREATE TABLE IF NOT EXISTS " + STEPS)) {
            return ok(JSON.createObjectNode().put("numberOfRecordsUpdated", 0));
        }
        if (sql.startsWith("SELECT step FROM " + STEPS)) {
            ObjectNode answer = JSON.createObjectNode();
            var records = answer.putArray("records");
            if (steps.contains(step)) {
                records.addArray().addObject().put("stringValue", step);
            }
            return ok(answer("ExecuteStatement", answer));
        }
        if (transaction != null && transaction.failed) {
            return error(400, "DatabaseErrorException", "current transaction is aborted, commands ignored until end of transaction block");
        }
        if (sql.startsWith("INSERT INTO " + STEPS)) {
            // Waits behind the statement the transaction still runs.
            if (transaction.stillRunning > 0) {
                transaction.stillRunning--;
                return statementTimeout();
            }
            if (!transaction.steps.contains(step)) {
                transaction.steps.add(step);
            }
            return ok(JSON.createObjectNode().put("numberOfRecordsUpdated", 1));
        }
        sent.add(sql);
        if (rows.containsKey(sql)) {
            return ok(records(rows.get(sql)));
        }
        var error = failing.errorFor(sql);
        if (error.isPresent()) {
            if (transaction != null) {
                transaction.failed = true;
            }
            return error.get();
        }
        if (transaction == null) {
            committed.add(sql);
            return ok(JSON.createObjectNode().put("numberOfRecordsUpdated", 1));
        }
        transaction.statements.add(sql);
        int answers = failing.answersOutlasted(sql);
        if (answers > 0 && body.path("continueAfterTimeout").asBoolean()) {
            transaction.stillRunning = answers - 1;
            return statementTimeout();
        }
        if (answers > 0) {
            // Without continueAfterTimeout the Data API cancels the statement at 45 s.
            transaction.statements.remove(sql);
            return statementTimeout();
        }
        return ok(JSON.createObjectNode().put("numberOfRecordsUpdated", 1));
    }

    private ExecutableHttpRequest commit(String id) {
        Transaction transaction = inUse(id);
        if (transaction == null) {
            return transactionNotFound();
        }
        open.remove(id);
        if (!transaction.failed) {
            committed.addAll(transaction.statements);
            steps.addAll(transaction.steps);
        }
        return ok(answer("CommitTransaction", JSON.createObjectNode().put("transactionStatus", "Transaction Committed")));
    }

    private ExecutableHttpRequest rollback(String id) {
        return inUse(id) == null || open.remove(id) == null ? transactionNotFound()
                : ok(JSON.createObjectNode().put("transactionStatus", "Rollback Complete"));
    }

    private static ObjectNode records(List<Object> firstColumns) {
        ObjectNode answer = JSON.createObjectNode();
        var records = answer.putArray("records");
        for (Object value : firstColumns) {
            ObjectNode field = records.addArray().addObject();
            switch (value) {
                case null -> field.put("isNull", true);
                case Long number -> field.put("longValue", number);
                case Boolean flag -> field.put("booleanValue", flag);
                default -> field.put("stringValue", value.toString());
            }
        }
        return answer.put("numberOfRecordsUpdated", 0);
    }

    private ObjectNode answer(String operation, ObjectNode body) {
        if (omitted.containsKey(operation)) {
            body.remove(omitted.get(operation));
        }
        return body;
    }

    private static ExecutableHttpRequest ok(ObjectNode body) {
        return CannedHttp.answering(SdkHttpResponse.builder().statusCode(200).putHeader("Content-Type", "application/json")
                .putHeader("x-amzn-RequestId", UUID.randomUUID().toString()).build(), body.toString());
    }

    /** The answer after the Data API's 45 s: the call lasted that long. */
    private ExecutableHttpRequest statementTimeout() {
        clock.advance(CALL_LIMIT);
        return error(400, "StatementTimeoutException", "The statement exceeded the 45 second timeout");
    }

    private ExecutableHttpRequest transactionNotFound() {
        return goneAsBadRequest ? error(400, "BadRequestException", "Transaction AQC5SRDIm3 is not found")
                : error(404, "TransactionNotFoundException", "Transaction not found");
    }

    /** AWS's error: the type with its namespace in the header, the words in the body. */
    static ExecutableHttpRequest error(int status, String code, String message) {
        return CannedHttp.answering(SdkHttpResponse.builder().statusCode(status)
                .putHeader("x-amzn-ErrorType", code + ":http://internal.amazon.com/coral/com.amazon.rdsdataservice/")
                .putHeader("Content-Type", "application/json")
                .build(), JSON.createObjectNode().put("message", message).toString());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        real.close();
    }
}
