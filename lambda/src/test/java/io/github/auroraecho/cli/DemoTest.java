package io.github.auroraecho.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.emulator.MotoServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo end to end on its own emulator: two lifecycles night by night, staging's rollback and its failing check
 * read from what the demo printed and from the account it leaves, nothing left running.
 */
class DemoTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void runsTwoLifecyclesNightByNightAndStopsTheEmulator() throws IOException {
        Set<Long> before = alive();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // Four nights: the rollback (night 2), the failing check (night 3), and a night served afresh after it.
        int exit = main(out, err).run(new String[] {"demo", "--nights", "4", "--keep-log"});

        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, text + err.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("=== Night 4 of 4"), text);
        for (String expected : List.of("staging   new      changed", "analytics clone    changed", "is modified; roles: demo-s3-import",
                "promoted staging-", "deleted staging-", "deleted analytics-", "db.staging.example.internal",
                "db.analytics.example.internal", "Emulator stopped.")) {
            assertTrue(text.contains(expected), expected + " in:\n" + text);
        }
        // Staging is a secure copy: each night it serves a new copy, its parameter names that copy and its own secret.
        Map<String, String> secrets = new HashMap<>();
        for (int night = 1; night <= 4; night++) {
            Matcher promoted = find(night(text, night), "staging   promote  changed       promoted (staging-\\S+):");
            if (promoted != null) {
                Matcher line = find(text, "parameter /aurora-echo/staging/connection -> " + promoted.group(1)
                        + ", secret (arn:aws:secretsmanager:\\S+:secret:rds!cluster-\\S+) \\(what DNS serves\\)");
                assertTrue(line != null, "night " + night + " names " + promoted.group(1) + " and its secret in:\n" + text);
                secrets.put(promoted.group(1), line.group(1));
            }
        }
        assertEquals(3, Set.copyOf(secrets.values()).size(), "nights 1, 2 and 4 serve copies with their own secrets: "
                + secrets);
        assertTrue(alive().stream().allMatch(before::contains), "the demo's emulator is still running");
        assertDataAsOldAsCopy(night(text, 4));
        assertRollback(night(text, 1), night(text, 2), secrets);
        assertFailingNight(night(text, 2), night(text, 3), night(text, 4));
        assertTrue(text.contains("night 3's failed, and DNS stayed where it was"), text);
        assertStoppedForTheNight(night(text, 1), night(text, 2));

        Path log = Path.of(text.lines().filter(line -> line.startsWith("The stages' JSON log lines"))
                .findFirst().orElseThrow().replaceFirst(".*: ", ""));
        List<JsonNode> lines = Files.readAllLines(log).stream().map(DemoTest::json).toList();
        Files.delete(log);
        assertTrue(lines.stream().anyMatch(line -> "changed".equals(line.path("event").asText())
                && "modified".equals(line.path("stageFrom").asText()) && "promoted".equals(line.path("stageTo").asText())
                && line.hasNonNull("requestId") && line.hasNonNull("copy")), "a stage change's log line");
        assertTrue(lines.stream().anyMatch(line -> "decision".equals(line.path("event").asText())
                && "retire".equals(line.path("stage").asText())), "a decision's log line");
    }

    /**
     * Night 2's morning: the rollback returns DNS and the connection parameter (with that copy's own secret) to the
     * copy night 1 served, and rejects the one night 2 served.
     */
    private static void assertRollback(String night1, String night2, Map<String, String> secrets) {
        String yesterday = find(night1, "promoted (staging-\\S+):").group(1);
        String tonight = find(night2, "promoted (staging-\\S+):").group(1);
        Matcher rollback = find(night2, "staging   rollback changed       rolled back to (staging-\\S+): "
                + "db\\.staging\\.example\\.internal -> \\S+; rejected (staging-\\S+) \\(retired, deleted after its drain "
                + "of 1440 minutes\\)");
        assertTrue(rollback != null, night2);
        assertEquals(yesterday, rollback.group(1), night2);
        assertEquals(tonight, rollback.group(2), night2);
        String table = tableAfter(night2, rollback.start());
        assertTrue(row(table, yesterday).contains(" promoted ") && row(table, yesterday).endsWith("db.staging.example.internal"),
                table);
        assertTrue(row(table, tonight).contains("retired (rejected: rolled back)") && row(table, tonight).endsWith(" -"), table);
        assertTrue(table.contains("parameter /aurora-echo/staging/connection -> " + yesterday + ", secret "
                + secrets.get(yesterday) + " (what DNS serves)"), table);
    }

    /**
     * Night 3: staging's new copy fails a check, so DNS and the connection parameter stay on the copy served before
     * (the one the rollback returned to) and the copy shows rejected, while analytics goes on; night 4's copy is
     * checked afresh and served, and retire deletes both rejected copies once drained.
     */
    private static void assertFailingNight(String night2, String night3, String night4) {
        String served = find(night2, "rolled back to (staging-\\S+):").group(1);
        String made = find(night3, "staging   new      changed       created copy (staging-\\S+) ").group(1);
        Matcher failed = find(night3, "staging   promote  failed        copy (staging-\\S+) failed its checks: check "
                + "\"orders copied\" found (\\d+), expected at least (\\d+)\\. DNS is not moved and copy (staging-\\S+) "
                + "stays served; copy (staging-\\S+) is rejected");
        assertTrue(failed != null, night3);
        assertEquals(made, failed.group(1), night3);
        assertTrue(Long.parseLong(failed.group(2)) < Long.parseLong(failed.group(3)), failed.group());
        assertEquals(served, failed.group(4), night3);
        assertTrue(night3.contains("analytics promote  changed       promoted analytics-"), night3);
        String table = tableAfter(night3, failed.start());
        assertTrue(row(table, made).contains("retired (rejected: check \"orders copied\" failed)"), table);
        assertTrue(row(table, served).contains(" promoted ") && row(table, served).endsWith("db.staging.example.internal"),
                table);
        assertTrue(table.contains("parameter /aurora-echo/staging/connection -> " + served + ", secret "), table);

        String rolledBack = find(night2, "; rejected (staging-\\S+) ").group(1);
        assertTrue(find(night4, "promoted staging-\\S+: .*; retired " + served + "; its checks passed: \"orders copied\" "
                + "found \\d+") != null, night4);
        Matcher deleted = find(night4, "staging   retire   changed       deleted (staging-[^ .]+(, staging-[^ .]+)*)\\.");
        assertTrue(deleted != null && deleted.group(1).contains(rolledBack) && deleted.group(1).contains(made), night4);
        assertFalse(deleted.group(1).contains(served), "the copy served until night 4 drains first: " + night4);
    }

    /**
     * Analytics has running hours: night 1's promote stops the copy it serves (outside the hours), the morning's start
     * starts it, the evening's stop stops it; night 2's retire starts that stopped copy once it is retired and
     * drained, and retire's next run deletes it.
     */
    private static void assertStoppedForTheNight(String night1, String night2) {
        String copy = find(night1, "analytics promote  changed       promoted (analytics-\\S+):").group(1);
        Matcher promoted = find(night1, "promoted " + copy + ": .*; stopped " + copy + ": outside its running hours "
                + "MON-SUN 07:00-18:00 UTC \\(77 of 168 hours a week\\)");
        assertTrue(promoted != null, night1);
        assertTrue(row(tableAfter(night1, promoted.start()), copy).matches(".* promoted +stopped .*"), night1);
        Matcher started = find(night1, "analytics start    changed       started " + copy + " \\(running hours ");
        assertTrue(started != null, night1);
        assertTrue(row(tableAfter(night1, started.start()), copy).matches(".* promoted +available .*"), night1);
        Matcher stopped = find(night1, "analytics stop     changed       stopped " + copy + " \\(running hours ");
        assertTrue(stopped != null, night1);
        assertTrue(row(tableAfter(night1, stopped.start()), copy).matches(".* promoted +stopped .*"), night1);
        assertTrue(night1.indexOf(started.group()) < night1.indexOf(stopped.group()), night1);

        Matcher woken = find(night2, "analytics retire   waiting       started " + copy + ": RDS deletes no instance of "
                + "a stopped cluster");
        assertTrue(woken != null, night2);
        Matcher deleted = find(night2, "analytics retire   changed       deleted " + copy);
        assertTrue(deleted != null && deleted.start() > woken.start(), "retire's next run deletes it: " + night2);
    }

    /** The night's part of the output, from its heading to the next one. */
    private static String night(String text, int night) {
        int start = text.indexOf("=== Night " + night + " of ");
        int end = text.indexOf("=== Night " + (night + 1) + " of ");
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static Matcher find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? matcher : null;
    }

    /** The first status table (and its parameter lines) printed after {@code from}. */
    private static String tableAfter(String text, int from) {
        List<String> table = new ArrayList<>();
        for (String line : text.substring(from).lines().dropWhile(line -> !line.startsWith("  LIFECYCLE ")).toList()) {
            if (!line.startsWith("  ")) {
                break;
            }
            table.add(line);
        }
        return String.join("\n", table);
    }

    private static String row(String table, String copy) {
        return table.lines().filter(line -> line.contains(" " + copy + " ")).findFirst()
                .orElseThrow(() -> new AssertionError(copy + " in:\n" + table)).strip();
    }

    /** A demo that succeeds leaves no log file behind, and neither does one refused before any stage ran. */
    @Test
    void leavesNoLogFileUnlessAsked() throws IOException {
        Set<Path> logsBefore = demoLogs();
        try (MotoServer moto = MotoServer.start(MotoServer.STRICT_CREATING_DESCRIBES)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            String[] args = {"demo", "--nights", "2", "--endpoint", moto.endpoint().toString()};

            assertEquals(0, main(out, err).run(args), out.toString(StandardCharsets.UTF_8) + err);
            String text = out.toString(StandardCharsets.UTF_8);
            assertFalse(text.contains("JSON log lines"), text);
            assertEquals(logsBefore, demoLogs(), "the log of a demo that succeeded");
            assertServedAfterTheRollback(moto, text);

            ByteArrayOutputStream refusedErr = new ByteArrayOutputStream();
            assertEquals(1, main(new ByteArrayOutputStream(), refusedErr).run(args));
            assertTrue(refusedErr.toString(StandardCharsets.UTF_8).contains("already has a cluster named production"),
                    refusedErr.toString(StandardCharsets.UTF_8));
            assertEquals(logsBefore, demoLogs(), "the (empty) log of a demo refused before it ran a stage");
        }
    }

    /** Another emulator (here moto without aurora-echo's boot script) cannot answer the checks: refused before it changes anything. */
    @Test
    void refusesAnEmulatorWhoseDataApiItCannotAnswer() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process plainMoto = new ProcessBuilder(System.getenv().getOrDefault("AURORA_ECHO_PYTHON", "python3"), "-m",
                "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            java.net.URI endpoint = java.net.URI.create("http://127.0.0.1:" + port);
            awaitAnswer(endpoint);
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int exit = main(new ByteArrayOutputStream(), err).run(new String[] {"demo", "--endpoint", endpoint.toString()});

            assertEquals(1, exit);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot be told what its RDS Data API answers"),
                    err.toString(StandardCharsets.UTF_8));
            try (AwsClients aws = AwsClients.of(Region.US_EAST_1, endpoint,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), List.of())) {
                assertEquals(List.of(), aws.rds().describeDBClusters().dbClusters(), "nothing was made");
            }
        } finally {
            plainMoto.destroy();
            plainMoto.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static void awaitAnswer(java.net.URI endpoint) throws InterruptedException {
        for (int tries = 0; tries < 300; tries++) {
            try {
                java.net.HttpURLConnection connection = (java.net.HttpURLConnection) endpoint.resolve("/moto-api/data.json")
                        .toURL().openConnection();
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new AssertionError("moto did not answer on " + endpoint);
    }

    /**
     * The account after two nights: staging's record and connection parameter name the copy the rollback returned to
     * (night 1's), analytics' name its night-2 copy, which the rollback left alone.
     */
    private static void assertServedAfterTheRollback(MotoServer moto, String text) throws IOException {
        String rolledBackTo = find(text, "staging   rollback changed       rolled back to (staging-\\S+):").group(1);
        assertEquals(find(night(text, 1), "promoted (staging-\\S+):").group(1), rolledBackTo, text);
        String analytics = find(night(text, 2), "promoted (analytics-\\S+):").group(1);
        try (AwsClients aws = AwsClients.of(Region.US_EAST_1, moto.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), List.of())) {
            assertEquals("stopped", aws.rds().describeDBClusters(r -> r.dbClusterIdentifier(analytics)).dbClusters()
                    .get(0).status(), "the demo ends in the evening, analytics' copy stopped for the night");
            for (String copy : List.of(rolledBackTo, analytics)) {
                String lifecycle = copy.substring(0, copy.indexOf('-'));
                assertEquals(aws.rds().describeDBClusters(r -> r.dbClusterIdentifier(copy)).dbClusters().get(0).endpoint(),
                        cname(aws, "db." + lifecycle + ".example.internal."), lifecycle + "'s record");
                assertEquals(copy, JSON.readTree(aws.ssm().getParameter(r -> r.name("/aurora-echo/" + lifecycle
                        + "/connection")).parameter().value()).get("copy").asText(), lifecycle + "'s parameter");
            }
        }
    }

    private static String cname(AwsClients aws, String name) {
        String zone = aws.route53().listHostedZones().hostedZones().stream()
                .filter(z -> z.name().equals("example.internal.")).findFirst().orElseThrow().id();
        return aws.route53().listResourceRecordSets(r -> r.hostedZoneId(zone)).resourceRecordSets().stream()
                .filter(set -> set.name().equals(name)).findFirst().orElseThrow().resourceRecords().get(0).value();
    }

    /**
     * Each row's DATA-AGE against its AGE: a day-old copy holds day-old data (the snapshot or clone point of
     * its night), whether it was restored or cloned.
     */
    private static void assertDataAsOldAsCopy(String night) {
        List<String> dayOld = new ArrayList<>();
        String header = null;
        for (String printed : night.lines().toList()) {
            // The tables are indented by two spaces; the results between them are not.
            String line = printed.startsWith("  ") ? printed.substring(2) : null;
            if (line == null) {
                header = null;
            } else if (line.startsWith("LIFECYCLE")) {
                header = line;
            } else if (header != null && !line.startsWith("parameter ")) {
                int age = header.indexOf(" AGE ") + 1;
                int dataAge = header.indexOf("DATA-AGE");
                if (line.substring(age, dataAge).strip().equals("1d 0h")) {
                    dayOld.add(line.substring(0, header.indexOf("STAGE")).strip() + ": DATA-AGE "
                            + line.substring(dataAge, Math.min(line.length(), header.indexOf("DNS"))).strip());
                }
            }
        }
        assertTrue(dayOld.stream().anyMatch(row -> row.startsWith("analytics")), night);
        assertTrue(dayOld.stream().anyMatch(row -> row.startsWith("staging")), night);
        dayOld.forEach(row -> assertTrue(row.endsWith("DATA-AGE 1d 0h"), row + " in:\n" + night));
    }

    private static Main main(ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return new Main(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), (region, endpoint, credentials) -> {
                    throw new AssertionError("the demo makes its own clients for its emulator");
                }, Clock.systemUTC());
    }

    private static Set<Path> demoLogs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("aurora-echo-demo-")).collect(Collectors.toSet());
        }
    }

    private static Set<Long> alive() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }
}
