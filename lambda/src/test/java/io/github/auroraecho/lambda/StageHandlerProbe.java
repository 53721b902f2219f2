package io.github.auroraecho.lambda;

import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.lifecycle.Operation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Invokes the handler of an operation as Lambda would, with the given clients; returns the response body. */
public final class StageHandlerProbe {
    private StageHandlerProbe() {
    }

    public static String invoke(Operation operation, String event, AwsClients clients) {
        return invoke(operation, event, clients, new PrintStream(OutputStream.nullOutputStream()));
    }

    /** As {@link #invoke(Operation, String, AwsClients)}, writing the run's metric lines to {@code metrics}. */
    public static String invoke(Operation operation, String event, AwsClients clients, PrintStream metrics) {
        return invoke(operation, event, clients, metrics, null);
    }

    /** As {@link #invoke(Operation, String, AwsClients, PrintStream)}, in an invocation with this request id. */
    public static String invoke(Operation operation, String event, AwsClients clients, PrintStream metrics, String requestId) {
        StageHandler handler = new StageHandler(operation, region -> clients, metrics, "test") {
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                    requestId == null ? null : new InvocationContext(requestId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
