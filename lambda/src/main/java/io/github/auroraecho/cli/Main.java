package io.github.auroraecho.cli;

import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.lifecycle.InvalidInputException;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.stages.Engine;
import io.github.auroraecho.stages.Outcome;
import io.github.auroraecho.stages.Result;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The command line: runs a stage exactly as the Lambda would, with the result JSON on stdout and
 * exit codes 0 (done or nothing to do), 1 (AWS or unexpected failure), 2 (bad input, nothing called).
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    static final String USAGE = """
            usage: aurora-echo <stage> --event FILE|- [--dry-run] [--endpoint URL]
                   aurora-echo --help

            stages: new, clone, modify, promote, retire
              --event FILE   the lifecycle document (or an EventBridge event with it in "detail"); - reads stdin
              --dry-run      report what would change, change nothing (sets "dryRun": true)
              --endpoint URL send AWS calls to this endpoint (an emulator); default: AWS_ENDPOINT_URL or AWS

            Region and credentials come from the standard AWS chain; "region" in the document wins.
            Exit codes: 0 done or nothing to do, 1 AWS or unexpected failure, 2 bad input (no AWS call made).
            """;

    /** Makes the clients for a region and an optional endpoint; tests point it at the emulator. */
    @FunctionalInterface
    public interface ClientFactory {
        AwsClients create(Region region, URI endpoint);
    }

    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;
    private final ClientFactory clients;
    private final Clock clock;

    public Main(InputStream stdin, PrintStream out, PrintStream err, ClientFactory clients, Clock clock) {
        this.stdin = stdin;
        this.out = out;
        this.err = err;
        this.clients = clients;
        this.clock = clock;
    }

    public static void main(String[] args) {
        ClientFactory fromChain = (region, endpoint) -> endpoint == null
                ? AwsClients.forRegion(region.id())
                : AwsClients.of(region, endpoint, DefaultCredentialsProvider.builder().build(), List.of());
        int code = new Main(System.in, System.out, System.err, fromChain, Clock.systemUTC()).run(args);
        System.exit(code);
    }

    public int run(String[] args) {
        try {
            return dispatch(List.of(args));
        } catch (InvalidInputException e) {
            err.println("aurora-echo: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private int dispatch(List<String> args) {
        if (args.isEmpty() || args.contains("--help")) {
            (args.isEmpty() ? err : out).print(USAGE);
            return args.isEmpty() ? BAD_INPUT : OK;
        }
        Operation operation = Operation.fromCliName(args.get(0)).orElseThrow(() ->
                new InvalidInputException("unknown command \"" + args.get(0) + "\" (see --help)"));
        StageArguments parsed = StageArguments.parse(args.subList(1, args.size()));
        LifecycleConfig parsedConfig = LifecycleConfig.parse(read(parsed.event()), operation);
        LifecycleConfig config = parsed.dryRun() ? parsedConfig.asDryRun() : parsedConfig;
        Region region = region(config);
        try (AwsClients aws = clients.create(region, parsed.endpoint())) {
            Result result = new Engine(aws, clock).run(operation, config);
            out.println(result.toJson());
            return result.outcome() == Outcome.FAILED ? FAILED : OK;
        } catch (RuntimeException e) {
            err.println("aurora-echo: " + e);
            return FAILED;
        }
    }

    private String read(String event) {
        try {
            byte[] bytes = "-".equals(event) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(event));
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("--event: no such file " + event);
        } catch (IOException e) {
            throw new InvalidInputException("--event: cannot read " + event + ": " + e.getMessage());
        }
    }

    private static Region region(LifecycleConfig config) {
        if (config.region() != null) {
            return Region.of(config.region());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            throw new InvalidInputException("no region: set \"region\" in the document, or AWS_REGION");
        }
    }
}
