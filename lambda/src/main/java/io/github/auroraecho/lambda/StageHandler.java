package io.github.auroraecho.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.aws.Log;
import io.github.auroraecho.lifecycle.CopyTags;
import io.github.auroraecho.lifecycle.InvalidInputException;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.stages.Engine;
import io.github.auroraecho.stages.Outcome;
import io.github.auroraecho.stages.Result;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Lambda side of one operation: parse the event, run the engine, write the run's metrics, return the result.
 * A run whose outcome is {@code failed} ends in an error carrying the result, so Lambda counts it in the function's
 * Errors metric and hands the whole result to the on-failure destination. A refused document is logged and counted
 * before the function fails with it; every line of the invocation carries its request id.
 */
public abstract class StageHandler implements RequestStreamHandler {
    /** Clients live as long as the container, one set per region a document names. */
    private static final Map<String, AwsClients> CLIENTS = new ConcurrentHashMap<>();
    private static final String DEFAULT_REGION = "";

    static {
        Priming.register();
    }

    private final Operation operation;
    private final Function<String, AwsClients> clients;
    private final PrintStream metrics;
    private final String environment;

    protected StageHandler(Operation operation) {
        this(operation, StageHandler::clientsFor, System.out,
                // The environment the stack sets (CopyTags), also a dimension of every metric.
                Optional.ofNullable(CopyTags.deployedEnvironment()).orElse("unnamed"));
    }

    private static AwsClients clientsFor(String region) {
        return CLIENTS.computeIfAbsent(region == null ? DEFAULT_REGION : region, r -> AwsClients.forRegion(region));
    }

    /** Builds the clients of the function's own region (no call made), so a SnapStart snapshot holds them. */
    static void buildDefaultClients() {
        clientsFor(null).buildAll();
    }

    protected StageHandler(Operation operation, Function<String, AwsClients> clients, PrintStream metrics,
                           String environment) {
        this.operation = operation;
        this.clients = clients;
        this.metrics = metrics;
        this.environment = environment;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context == null ? null : context.getAwsRequestId();
        try (Log.Scope scope = Log.forRequest(requestId)) {
            Result result = run(parse(input, requestId), context);
            if (result.error() != null) {
                Log.error("unexpected-error", "stage", result.stage(), "managedName", result.managedName(),
                        "error", result.error().toString(), "stackTrace", stackTrace(result.error()));
            }
            metrics.println(EmfLine.of(result, environment, Instant.now(), requestId));
            if (result.outcome() == Outcome.FAILED) {
                throw new StageFailedException(result);
            }
            output.write(result.toJson().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A refused document still logs a decision (WARN) and a metric line before the function fails with it. */
    private LifecycleConfig parse(InputStream input, String requestId) throws IOException {
        try {
            return LifecycleConfig.parse(new String(input.readAllBytes(), StandardCharsets.UTF_8), operation);
        } catch (InvalidInputException e) {
            Log.warn("decision", "stage", operation.cliName(), "outcome", "refused", "message", e.getMessage());
            metrics.println(EmfLine.refused(operation.cliName(), environment, Instant.now(), requestId));
            throw e;
        }
    }

    private Result run(LifecycleConfig config, Context context) {
        Engine engine = new Engine(clients.apply(config.region()), Clock.systemUTC());
        return context == null ? engine.run(operation, config)
                : engine.run(operation, config, Duration.ofMillis(context.getRemainingTimeInMillis()));
    }

    private static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
