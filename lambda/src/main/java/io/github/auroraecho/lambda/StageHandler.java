package io.github.auroraecho.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.lifecycle.CopyTags;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.stages.Engine;
import io.github.auroraecho.stages.Outcome;
import io.github.auroraecho.stages.Result;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
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
 * Errors metric and hands the whole result to the on-failure destination.
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
        LifecycleConfig config = LifecycleConfig.parse(new String(input.readAllBytes(), StandardCharsets.UTF_8), operation);
        Engine engine = new Engine(clients.apply(config.region()), Clock.systemUTC());
        Result result = context == null ? engine.run(operation, config)
                : engine.run(operation, config, Duration.ofMillis(context.getRemainingTimeInMillis()));
        metrics.println(EmfLine.of(result, environment, Instant.now()));
        if (result.outcome() == Outcome.FAILED) {
            throw new StageFailedException(result);
        }
        output.write(result.toJson().getBytes(StandardCharsets.UTF_8));
    }
}
