package io.github.auroraecho.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.time.Instant;

/**
 * Structured JSON log lines on stderr (CloudWatch on Lambda), one per decision and per AWS change.
 * Written by hand rather than through a logging framework to keep start-up lean.
 *
 * <p>Each line carries {@code level}, which Lambda's log-level filtering reads ("Log-level filtering",
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html: a JSON line with a
 * {@code "level"} key is filtered by it, one without counts as INFO), so a failure is {@code ERROR} and a refusal
 * {@code WARN} and both stay when the function's application log level is {@code WARN}. During a Lambda invocation
 * every line also carries its request id as {@code function_request_id}, Powertools for AWS Lambda's key.
 */
public final class Log {
    /**
     * Powertools for AWS Lambda's key for the invocation's request id, so the same queries work on both ("Logging",
     * https://docs.aws.amazon.com/powertools/java/latest/core/logging/: {@code function_request_id}).
     */
    public static final String FUNCTION_REQUEST_ID = "function_request_id";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile PrintStream out = System.err;
    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();

    private Log() {
    }

    public static void info(String event, String... keyValues) {
        write("INFO", event, keyValues);
    }

    public static void warn(String event, String... keyValues) {
        write("WARN", event, keyValues);
    }

    public static void error(String event, String... keyValues) {
        write("ERROR", event, keyValues);
    }

    /** For the demo (a log file) and tests; returns the stream it replaces, to put it back. */
    public static PrintStream redirect(PrintStream stream) {
        PrintStream previous = out;
        out = stream;
        return previous;
    }

    /**
     * Puts the Lambda request id on every line this thread writes until the returned scope is closed
     * (one invocation runs on one thread).
     */
    public static Scope forRequest(String requestId) {
        String previous = REQUEST_ID.get();
        REQUEST_ID.set(requestId);
        return () -> REQUEST_ID.set(previous);
    }

    /** The request id of the invocation this thread serves, or null outside one (the CLI). */
    public static String requestId() {
        return REQUEST_ID.get();
    }

    /** A request id's lifetime on the thread; closing it cannot fail. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static void write(String level, String event, String... keyValues) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", Instant.now().toString());
        line.put("level", level);
        line.put("event", event);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                line.put(keyValues[i], keyValues[i + 1]);
            }
        }
        if (REQUEST_ID.get() != null) {
            line.put(FUNCTION_REQUEST_ID, REQUEST_ID.get());
        }
        out.println(line);
    }
}
