package io.github.auroraecho.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.aws.AwsFailure;
import io.github.auroraecho.aws.Gateways;
import io.github.auroraecho.lifecycle.InvalidInputException;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.stages.Engine;
import io.github.auroraecho.stages.Outcome;
import io.github.auroraecho.stages.Result;
import io.github.auroraecho.status.StatusReport;
import io.github.auroraecho.status.StatusTable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * The command line: runs a stage exactly as the Lambda would, with the result JSON on stdout; reports
 * status; runs the demo. Exit codes 0 (done or nothing to do), 1 (AWS or unexpected failure), 2 (bad
 * input, no AWS change made).
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Makes the clients for a region, an optional endpoint and the credentials of a profile; tests point it at the emulator. */
    @FunctionalInterface
    public interface ClientFactory {
        AwsClients create(Region region, URI endpoint, AwsCredentialsProvider credentials);
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
        ClientFactory fromChain = (region, endpoint, credentials) -> AwsClients.of(region, endpoint, credentials, List.of());
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
        if (args.isEmpty()) {
            err.print(Help.MAIN);
            return BAD_INPUT;
        }
        String command = args.get(0);
        List<String> options = Options.split(args.subList(1, args.size()));
        if ("--help".equals(command) || "help".equals(command)) {
            out.print(Help.MAIN);
            return OK;
        }
        if ("--version".equals(command)) {
            out.println("aurora-echo " + version());
            return OK;
        }
        if (options.contains("--help")) {
            out.print(Help.of(command));
            return OK;
        }
        return switch (command) {
            case "status" -> status(StatusArguments.parse(options));
            case "demo" -> new Demo(out, err, clock).run(DemoArguments.parse(options));
            default -> stage(Operation.fromCliName(command).orElseThrow(() -> Help.unknownCommand(command)), options);
        };
    }

    /** The project version the build writes into the jar's manifest; classes run outside the jar have none. */
    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version != null ? version : "(development classes, not the built jar: no version)";
    }

    private int stage(Operation operation, List<String> options) {
        StageArguments parsed = StageArguments.parse(operation.cliName(), options);
        LifecycleConfig parsedConfig = config(parsed, operation);
        LifecycleConfig config = parsed.dryRun() ? parsedConfig.asDryRun() : parsedConfig;
        Region region = region(config.region(), parsed.profile());
        try (AwsClients aws = clients.create(region, parsed.endpoint(), parsed.profile().credentials())) {
            return stage(operation, parsed, config, aws);
        }
    }

    private int stage(Operation operation, StageArguments parsed, LifecycleConfig config, AwsClients aws) {
        try {
            if (!credentialsFound(aws, parsed.profile(), parsed.verbose())) {
                return FAILED;
            }
            if (parsed.account() != null) {
                String caller = aws.sts().getCallerIdentity().account();
                if (!caller.equals(parsed.account())) {
                    err.println("aurora-echo: -a " + parsed.account() + " is not the account of these credentials ("
                            + caller + "): nothing was changed");
                    return BAD_INPUT;
                }
            }
            Engine engine = new Engine(aws, clock, Gateways.of(aws, parsed.parameterPrefix()));
            if (parsed.environment() != null) {
                engine = engine.forEnvironment(parsed.environment());
            }
            // The question goes to stdout, ahead of the result: stderr carries only JSON log lines.
            Result result = parsed.interactive() && !config.dryRun()
                    ? new Confirmation(new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)), out)
                            .run(engine, operation, config)
                    : engine.run(operation, config);
            out.println(result.toJson());
            if (result.error() != null && parsed.verbose()) {
                result.error().printStackTrace(err);
            }
            return result.outcome() == Outcome.FAILED ? FAILED : OK;
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            return failed(e, aws, parsed.profile(), parsed.verbose());
        }
    }

    private LifecycleConfig config(StageArguments parsed, Operation operation) {
        if (parsed.flagsDocument() == null) {
            return LifecycleConfig.parse(EventFile.read(parsed.event(), stdin), operation);
        }
        try {
            return LifecycleConfig.parse(parsed.flagsDocument(), operation);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(LegacyFlag.withFlagNames(e.getMessage()));
        }
    }

    private int status(StatusArguments parsed) {
        Region region = region(parsed.region(), parsed.profile());
        try (AwsClients aws = clients.create(region, parsed.endpoint(), parsed.profile().credentials())) {
            return status(parsed, region, aws);
        }
    }

    private int status(StatusArguments parsed, Region region, AwsClients aws) {
        try {
            if (!credentialsFound(aws, parsed.profile(), parsed.verbose())) {
                return FAILED;
            }
            StatusReport status = StatusReport.read(aws, parsed.managedName(), parsed.parameterPrefix(), clock.instant());
            if (parsed.json()) {
                ObjectNode report = JSON.createObjectNode().put("region", region.id());
                ArrayNode nodes = report.putArray("copies");
                status.copies().forEach(copy -> nodes.add(copy.toJsonNode()));
                status.notCopies().forEach(report.putArray("notCopies")::add);
                ArrayNode kept = report.putArray("finalSnapshots");
                status.finalSnapshots().forEach(snapshots -> kept.add(snapshots.toJsonNode()));
                ArrayNode parameters = report.putArray("parameters");
                status.parameters().forEach(parameter -> parameters.add(parameter.toJsonNode()));
                ArrayNode rollbacks = report.putArray("rollbacks");
                status.rollbacks().forEach(rollback -> rollbacks.add(rollback.toJsonNode()));
                out.println(report.toPrettyString());
            } else {
                out.print(StatusTable.render(status.copies()));
                status.notCopies().forEach(line -> out.println("not a copy: " + line));
                status.finalSnapshots().forEach(kept -> out.println("final snapshots: " + kept.describe()));
                status.parameters().forEach(parameter -> out.println(parameter.line()));
                status.rollbacks().forEach(rollback -> out.println(rollback.line()));
            }
            return OK;
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            return failed(e, aws, parsed.profile(), parsed.verbose());
        }
    }

    /**
     * Resolves the credentials before the first call, so that missing or expired ones are said in words
     * rather than as the SDK's provider-chain exception in a stage's result.
     */
    private boolean credentialsFound(AwsClients aws, AwsProfile profile, boolean verbose) {
        try {
            aws.credentials().resolveCredentials();
            return true;
        } catch (SdkClientException | IllegalStateException | IllegalArgumentException e) {
            if (CredentialFailure.misconfigured(e)) {
                // The SDK read the profile and found it broken: nothing was called, so it is bad input.
                throw new InvalidInputException(CredentialFailure.misconfiguredWords(e, profile.effectiveName(System.getenv())));
            }
            if (!CredentialFailure.is(e)) {
                throw e;
            }
            failed(e, aws, profile, verbose);
            return false;
        }
    }

    private int failed(RuntimeException e, AwsClients aws, AwsProfile profile, boolean verbose) {
        if (CredentialFailure.is(e)) {
            err.println(CredentialFailure.words(e, profile.effectiveName(System.getenv())));
            if (verbose) {
                err.println("aurora-echo: " + e);
            }
            return FAILED;
        }
        err.println("aurora-echo: " + (e instanceof SdkException sdk
                ? AwsFailure.describe(sdk, aws.lastAction(), aws.lastEndpoint()) : e.toString()));
        if (verbose) {
            e.printStackTrace(err);
        }
        return FAILED;
    }

    /** The given region (-r or the document's), else AWS_REGION, AWS_DEFAULT_REGION, the profile's. */
    private static Region region(String given, AwsProfile profile) {
        profile.requireKnown(System.getenv());
        return AwsProfile.region(given, System.getenv(), profile::configuredRegion, profile.effectiveName(System.getenv()));
    }
}
