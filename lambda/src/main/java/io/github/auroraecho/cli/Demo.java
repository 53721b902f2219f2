package io.github.auroraecho.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.aws.Log;
import io.github.auroraecho.emulator.MotoServer;
import io.github.auroraecho.lifecycle.ConnectionParameterName;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.RunningHours;
import io.github.auroraecho.stages.Engine;
import io.github.auroraecho.stages.Outcome;
import io.github.auroraecho.stages.Result;
import io.github.auroraecho.status.CopyStatus;
import io.github.auroraecho.status.StatusReport;
import io.github.auroraecho.status.StatusTable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The main job on an embedded default: an emulated account, two lifecycles run night by night through
 * every stage, the copies shown after each step, and the emulator stopped at the end whatever happens. Staging is
 * verified: a rollback the morning after night 2, and on night 3 a copy of a half-empty snapshot that fails its check
 * while the copy served before stays served (an expected failure; any other stops the demo). Analytics has running
 * hours: its copy is stopped for the night and started in the morning.
 */
final class Demo {
    private static final Region REGION = Region.US_EAST_1;
    /** The emulator takes any key; fixed ones keep the demo away from the user's real credentials. */
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("demo", "demo"));
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The night after which the team rolls staging back, once people have used the copy for a while. */
    private static final int ROLLBACK_NIGHT = 2;
    private static final Duration ROLLBACK_AFTER_PROMOTE = Duration.ofHours(3);
    /** When each night begins, in UTC: the times below count from it, so every run of the demo tells the same story. */
    private static final LocalTime NIGHT_START = LocalTime.of(1, 0);
    /** Analytics' running hours, every day, in UTC. */
    private static final LocalTime RUNNING_FROM = LocalTime.of(7, 0);
    private static final LocalTime RUNNING_UNTIL = LocalTime.of(18, 0);

    /**
     * One scheduled run of a day, {@code after} the night's start; NEW stands for each lifecycle's way of making a copy,
     * new or clone. Stop and start run only for a lifecycle with running hours.
     *
     * @param note what the step's first line says, when it needs saying
     */
    private record Step(Operation operation, Duration after, String note) {
    }

    /**
     * A day's schedules as an operator spaces them out: retire past analytics' drain after promote, twice (a
     * deployment runs it every 15 minutes for a while, so a copy it had to start is deleted minutes later); staging
     * drains a day, so its replaced copy is deleted by the next night's retire. Analytics' running hours begin and
     * end the day. Staging's rollback is run by hand, once, the morning after {@link #ROLLBACK_NIGHT}.
     */
    private static final List<Step> STEPS = List.of(
            new Step(Operation.NEW, Duration.ZERO, null),
            new Step(Operation.MODIFY, Duration.ZERO, null),
            new Step(Operation.PROMOTE, Duration.ZERO, null),
            new Step(Operation.RETIRE, Duration.ofHours(1), null),
            new Step(Operation.RETIRE, Duration.ofMinutes(75), "02:15, retire's next run"),
            new Step(Operation.ROLLBACK, ROLLBACK_AFTER_PROMOTE, null),
            new Step(Operation.START, Duration.between(NIGHT_START, RUNNING_FROM),
                    RUNNING_FROM + ", analytics' running hours begin"),
            new Step(Operation.STOP, Duration.between(NIGHT_START, RUNNING_UNTIL),
                    RUNNING_UNTIL + ", analytics' running hours end"));
    private static final String STAGING = "staging";
    private static final long STAGING_DRAIN_MINUTES = 24 * 60;
    /** The night production's snapshot is half-empty, so staging's new copy fails "orders copied". */
    private static final int HALF_EMPTY_NIGHT = 3;
    private static final long HALF_EMPTY_ORDERS = 5;
    private static final long MIN_ORDERS = 1000;

    /** One demo lifecycle: its managedName, its document, and whether it makes copies by new or by clone. */
    private record Lifecycle(String name, String document, Operation creation) {
        Operation operation(Operation step) {
            return step == Operation.NEW ? creation : step;
        }
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    Demo(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    int run(DemoArguments args) {
        Path logFile;
        PrintStream logs;
        try {
            logFile = Files.createTempFile("aurora-echo-demo-", ".log");
            logs = new PrintStream(Files.newOutputStream(logFile), true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The stages' JSON lines would bury the tables: they go to a file the user can read afterwards.
        PrintStream previousLog = Log.redirect(logs);
        MotoServer moto = null;
        int exit = Main.FAILED;
        try {
            URI endpoint = args.endpoint();
            if (endpoint == null) {
                out.println("Starting moto's AWS emulator on a free loopback port...");
                // It stops its process on Ctrl-C too, from a shutdown hook of its own.
                // As strict as AWS: a restored or cloned cluster refuses its instance until it is available.
                moto = MotoServer.start(MotoServer.STRICT_CREATING_DESCRIBES);
                endpoint = moto.endpoint();
            }
            out.println("Emulated AWS account at " + endpoint + " (region " + REGION.id() + ")");
            try (AwsClients aws = AwsClients.of(REGION, endpoint, CREDENTIALS, List.of())) {
                exit = play(aws, endpoint, args.nights());
                return exit;
            }
        } catch (IllegalStateException e) {
            err.println("aurora-echo demo: " + e.getMessage());
            return Main.FAILED;
        } catch (RuntimeException e) {
            err.println("aurora-echo demo: " + e);
            return Main.FAILED;
        } finally {
            if (moto != null) {
                moto.close();
                out.println("Emulator stopped.");
            }
            Log.redirect(previousLog);
            logs.close();
            keepOrDelete(logFile, exit == Main.OK, args.keepLog());
        }
    }

    /**
     * The log is kept where it can explain something: after a failure (unless nothing was logged, as when the
     * demo refused to start), or when asked; a demo that succeeded leaves nothing in the temporary folder.
     */
    private void keepOrDelete(Path logFile, boolean succeeded, boolean keepLog) {
        try {
            if (keepLog || (!succeeded && Files.size(logFile) > 0)) {
                out.println("The stages' JSON log lines (one per decision and per AWS change): " + logFile);
            } else {
                Files.delete(logFile);
            }
        } catch (IOException e) {
            err.println("aurora-echo demo: could not remove the log file " + logFile + ": " + e.getMessage());
        }
    }

    private int play(AwsClients aws, URI endpoint, int nights) {
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        DemoAccount account = DemoAccount.create(aws, endpoint, today);
        out.println();
        out.println("The account: Aurora PostgreSQL cluster \"" + account.sourceCluster() + "\" with snapshots "
                + String.join(", ", account.snapshots()) + "; subnet group " + account.subnetGroup()
                + "; hosted zone " + account.zoneName() + " (" + account.zoneId() + "); unrelated databases "
                + "billing (Aurora MySQL) and legacy-reporting (RDS PostgreSQL). Production holds "
                + DemoAccount.ORDERS + " orders, schema version " + DemoAccount.SCHEMA_VERSION + ".");
        Lifecycle staging = new Lifecycle(STAGING, staging(account), Operation.NEW);
        List<Lifecycle> lifecycles = List.of(staging, new Lifecycle("analytics", analytics(account), Operation.CLONE));
        out.println("Two lifecycles (staging: new from the newest snapshot, served only once its checks pass; "
                + "analytics: clone), each one document that every stage's schedule receives:");
        lifecycles.forEach(lifecycle -> out.println("  " + lifecycle.document()));
        // A night takes seconds here, so the emulator's creation times are all "now": each copy's age is
        // shown as the demo's clock saw it, by taking off how far that clock was ahead when it was made.
        Map<String, Duration> clockAheadAtCreation = new HashMap<>();
        Instant now = clock.instant();
        // How far the demo's clock runs ahead of the real one at the first night's start; each step adds its time.
        Duration firstNightAhead = Duration.between(now, firstNight(now));
        for (int night = 1; night <= nights; night++) {
            Duration nightAhead = firstNightAhead.plus(Duration.ofDays(night - 1L));
            LocalDate date = now.plus(nightAhead).atZone(ZoneOffset.UTC).toLocalDate();
            out.println();
            out.println("=== Night " + night + " of " + nights + ": " + date + " ===");
            if (night > 1) {
                String snapshot = account.takeNightlySnapshot(aws, date);
                long orders = night == HALF_EMPTY_NIGHT ? HALF_EMPTY_ORDERS : DemoAccount.ORDERS;
                account.ordersInCopies(orders);
                out.println("(production's nightly snapshot " + snapshot + " is taken" + (night == HALF_EMPTY_NIGHT
                        ? ": half-empty, a load that failed left " + orders + " orders in it; staging's check will see it)"
                        : ")"));
            }
            for (Step step : STEPS) {
                Duration ahead = nightAhead.plus(step.after());
                Clock stepClock = Clock.offset(clock, ahead);
                if (step.operation() == Operation.ROLLBACK) {
                    if (night == ROLLBACK_NIGHT && !rollBack(aws, staging, stepClock, clockAheadAtCreation)) {
                        return Main.FAILED;
                    }
                    continue;
                }
                out.println();
                if (step.note() != null) {
                    out.println("(" + step.note() + ")");
                }
                Engine engine = new Engine(aws, stepClock);
                for (Lifecycle lifecycle : lifecycles) {
                    Operation operation = lifecycle.operation(step.operation());
                    LifecycleConfig config = LifecycleConfig.parse(lifecycle.document(), operation);
                    if (operation.followsRunningHours() && config.stopping().runningHours() == null) {
                        continue;
                    }
                    Result result = engine.run(operation, config);
                    print(result);
                    if (operation.createsCopies() && result.outcome() == Outcome.CHANGED) {
                        clockAheadAtCreation.put(result.copy(), ahead);
                    }
                    boolean checkFails = night == HALF_EMPTY_NIGHT && operation == Operation.PROMOTE
                            && lifecycle == staging;
                    if (checkFails && result.outcome() == Outcome.FAILED) {
                        out.println("          (expected: the copy failed its check, so DNS and the connection "
                                + "parameter still name the copy served before; the alarm would fire)");
                    } else if (checkFails || result.outcome() == Outcome.FAILED) {
                        err.println("aurora-echo demo: " + lifecycle.name() + "'s " + operation.cliName() + " ended "
                                + result.outcome().json() + (checkFails ? ", not failed by its check" : "")
                                + "; see the log lines");
                        return Main.FAILED;
                    }
                }
                out.println();
                showStatus(aws, stepClock, clockAheadAtCreation, step.operation() == Operation.PROMOTE);
            }
        }
        out.println();
        out.println("Every night each lifecycle got a fresh copy. Analytics served each one, ran only from "
                + RUNNING_FROM + " to " + RUNNING_UNTIL + " (stopped for the night once promoted, started in the morning),"
                + " and retire deleted the copy it replaced, starting it first since it was stopped. Staging served a copy only once its checks passed"
                + (nights >= HALF_EMPTY_NIGHT ? " (night " + HALF_EMPTY_NIGHT + "'s failed, and DNS stayed where it was)"
                : "") + ", and the morning after night " + ROLLBACK_NIGHT + " one rollback put DNS back on the copy "
                + "before, which its drainMinutes had kept.");
        return Main.OK;
    }

    /** The morning after a night: the team sends staging back to yesterday's copy; false when that failed. */
    private boolean rollBack(AwsClients aws, Lifecycle staging, Clock morning, Map<String, Duration> clockAheadAtCreation) {
        out.println();
        out.println("In the morning the team finds a problem in staging's new copy that no check covers: they roll "
                + "back to yesterday's copy, which staging's drainMinutes (" + STAGING_DRAIN_MINUTES + ") has kept.");
        StatusReport.read(aws, Optional.of(STAGING), ConnectionParameterName.deployedPrefix(), morning.instant())
                .rollbacks().forEach(rollback -> out.println("  " + rollback.line()));
        Result result = new Engine(aws, morning).run(Operation.ROLLBACK,
                LifecycleConfig.parse(staging.document(), Operation.ROLLBACK));
        print(result);
        if (result.outcome() != Outcome.CHANGED) {
            err.println("aurora-echo demo: staging's rollback ended " + result.outcome().json() + "; see the log lines");
            return false;
        }
        out.println();
        showStatus(aws, morning, clockAheadAtCreation, true);
        return true;
    }

    private void print(Result result) {
        out.printf("%-9s %-8s %-13s %s%n", result.managedName(), result.stage(), result.outcome().json(), result.message());
    }

    /** The table {@code status} prints, with where applications find the served copy when DNS may have moved. */
    private void showStatus(AwsClients aws, Clock at, Map<String, Duration> clockAheadAtCreation, boolean parameters) {
        StatusReport report = StatusReport.read(aws, Optional.empty(), ConnectionParameterName.deployedPrefix(),
                at.instant());
        List<CopyStatus> copies = report.copies().stream()
                .map(copy -> copy.withAge(copy.age().minus(
                        clockAheadAtCreation.getOrDefault(copy.copy(), Duration.ZERO))))
                .toList();
        out.print(indent(StatusTable.render(copies)));
        if (parameters) {
            // Where applications find tonight's copy and its secret: the one name that never changes.
            report.parameters().forEach(parameter -> out.print(indent(parameter.line() + "\n")));
        }
    }

    private static String staging(DemoAccount account) {
        ObjectNode document = common(STAGING, account, "db.r6g.large");
        // The demo's production is Aurora PostgreSQL, where RDS associates a role only for a feature.
        document.putArray("iamRoleNames").addObject().put("name", account.roleName()).put("featureName", "s3Import");
        document.putObject("tags").put("team", "qa");
        // A secure copy: RDS manages its master password in a secret of its own, which the lifecycle's connection
        // parameter names each night (docs/secure-copies.md); the checks sign in with it (docs/verify.md).
        document.put("manageMasterUserPassword", true);
        ArrayNode verify = document.putArray("verify");
        verify.addObject().put("name", "orders copied").put("sql", DemoAccount.ORDERS_SQL).put("database", "postgres")
                .put("atLeast", MIN_ORDERS);
        verify.addObject().put("name", "schema version").put("sql", DemoAccount.SCHEMA_SQL).put("database", "postgres")
                .put("expect", DemoAccount.SCHEMA_VERSION);
        // Yesterday's copy stays a day after promote replaced it, until the next night's retire: a rollback's target.
        document.put("drainMinutes", STAGING_DRAIN_MINUTES);
        return document.toString();
    }

    /** Analytics runs from 07:00 to 18:00 every day: promote stops its copy for the night, start starts it. */
    private static String analytics(DemoAccount account) {
        ObjectNode document = common("analytics", account, "db.r6g.xlarge");
        ObjectNode hours = document.putObject("runningHours").put("timezone", "UTC");
        ArrayNode days = hours.putArray("days");
        Arrays.stream(DayOfWeek.values()).forEach(day -> days.add(RunningHours.name(day)));
        hours.put("start", RUNNING_FROM.toString()).put("stop", RUNNING_UNTIL.toString());
        return document.toString();
    }

    /** The first {@link #NIGHT_START} from now on, so no copy is made before the time the demo's clock shows. */
    static Instant firstNight(Instant now) {
        Instant today = now.atZone(ZoneOffset.UTC).toLocalDate().atTime(NIGHT_START).toInstant(ZoneOffset.UTC);
        return today.isBefore(now) ? today.plus(Duration.ofDays(1)) : today;
    }

    private static ObjectNode common(String managedName, DemoAccount account, String instanceClass) {
        ObjectNode document = JSON.createObjectNode();
        document.put("managedName", managedName);
        document.put("sourceClusterName", account.sourceCluster());
        document.put("dbSubnetGroupName", account.subnetGroup());
        document.put("dbInstanceClass", instanceClass);
        document.putArray("hostedZoneIds").add(account.zoneId());
        document.put("recordSetName", "db." + managedName + "." + account.zoneName());
        return document;
    }

    private static String indent(String table) {
        return table.lines().map(line -> "  " + line + "\n").reduce("", String::concat);
    }
}
