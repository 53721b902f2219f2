package io.github.auroraecho.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * 45 s (answered with StatementTimeoutException while they go on in their transaction).
 */
public final class DataApiEmulator implements SdkHttpClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STEPS = "aurora_echo_sql_steps";

    private final SdkHttpClient real;
    private final FailingStatements failing;
    private final Map<String, Transaction> open = new HashMap<>();
    private final List<String> sent = new ArrayList<>();
    private final List<String> committed = new ArrayList<>();
    private final Set<String> steps = new HashSet<>();
    private boolean goneAsBadRequest;
    /** Operation to the field its answers leave out, as an answer the engine does not expect. */
    private final Map<String, String> omitted = new HashMap<>();

    /** An open transaction: its statements, its step, and how many more answers its running statement outlasts. */
    private static final class Transaction {
        final List<String> statements = new ArrayList<>();
        final List<String> steps = new ArrayList<>();
        int stillRunning;
        boolean failed;
    }

    public DataApiEmulator(SdkHttpClient real, FailingStatements failing) {
        this.real = real;
        this.failing = failing;
    }

    /** Every user statement that took effect (committed), in order. */
    public synchronized List<String> committed() {
        return List.copyOf(committed);
    }

    /** Every user statement that reached the Data API, in order (the steps' bookkeeping left out). */
    public synchronized List<String> sent() {
        return List.copyOf(sent);
    }

    /** The Data API rolls back a transaction no call used for three minutes: as if that much time passed. */
    public synchronized void expireTransactions() {
        open.clear();
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

    public synchronized void reset() {
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
            return switch (request.httpRequest().encodedPath()) {
                case "/BeginTransaction" -> begin();
                case "/Execute" -> execute(body);
                case "/CommitTransaction" -> commit(body.path("transactionId").asText());
                case "/RollbackTransaction" -> rollback(body.path("transactionId").asText());
                default -> throw new IllegalStateException("the engine called " + request.httpRequest().encodedPath());
            };
        }
    }

    private ExecutableHttpRequest begin() {
        String id = UUID.randomUUID().toString().replace("-", "") + "+/=";
        open.put(id, new Transaction());
        return ok(answer("BeginTransaction", JSON.createObjectNode().put("transactionId", id)));
    }

    private ExecutableHttpRequest execute(JsonNode body) {
        String sql = body.path("sql").asText();
        String step = body.path("parameters").path(0).path("value").path("stringValue").asText(null);
        Transaction transaction = null;
        if (body.hasNonNull("transactionId")) {
            transaction = open.get(body.get("transactionId").asText());
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
        Transaction transaction = open.remove(id);
        if (transaction == null) {
            return transactionNotFound();
        }
        if (!transaction.failed) {
            committed.addAll(transaction.statements);
            steps.addAll(transaction.steps);
        }
        return ok(answer("CommitTransaction", JSON.createObjectNode().put("transactionStatus", "Transaction Committed")));
    }

    private ExecutableHttpRequest rollback(String id) {
        return open.remove(id) == null ? transactionNotFound()
                : ok(JSON.createObjectNode().put("transactionStatus", "Rollback Complete"));
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

    private static ExecutableHttpRequest statementTimeout() {
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
