package io.github.auroraecho.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.auroraecho.emulator.MotoServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo end to end on its own emulator: three nights, two lifecycles, nothing left running. */
class DemoTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void runsTwoLifecyclesNightByNightAndStopsTheEmulator() throws IOException {
        Set<Long> before = alive();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = main(out, err).run(new String[] {"demo", "--nights", "3", "--keep-log"});

        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, text + err.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("=== Night 3 of 3"), text);
        for (String expected : List.of("staging   new      changed", "analytics clone    changed", "is modified; roles: demo-s3-import",
                "promoted staging-", "deleted staging-", "deleted analytics-", "db.staging.example.internal",
                "db.analytics.example.internal", "Emulator stopped.")) {
            assertTrue(text.contains(expected), expected + " in:\n" + text);
        }
        // Staging is a secure copy: each night its parameter names the served copy and that copy's own secret.
        java.util.Set<String> secrets = new java.util.HashSet<>();
        for (int night = 1; night <= 3; night++) {
            String promoted = text.substring(text.indexOf("=== Night " + night)).replaceFirst("(?s).*?promoted (staging-\\S+):.*", "$1");
            java.util.regex.Matcher line = java.util.regex.Pattern.compile("parameter /aurora-echo/staging/connection -> "
                    + promoted + ", secret (arn:aws:secretsmanager:\\S+:secret:rds!cluster-\\S+) \\(what DNS serves\\)")
                    .matcher(text);
            assertTrue(line.find(), "night " + night + " names " + promoted + " and its secret in:\n" + text);
            secrets.add(line.group(1));
        }
        assertEquals(3, secrets.size(), "each night's copy has its own secret: " + secrets);
        assertTrue(alive().stream().allMatch(before::contains), "the demo's emulator is still running");
        assertDataAsOldAsCopy(text.substring(text.indexOf("=== Night 3 of 3")));

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

    /** A demo that succeeds leaves no log file behind, and neither does one refused before any stage ran. */
    @Test
    void leavesNoLogFileUnlessAsked() throws IOException {
        Set<Path> logsBefore = demoLogs();
        try (MotoServer moto = MotoServer.start(MotoServer.STRICT_CREATING_DESCRIBES)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            String[] args = {"demo", "--nights", "2", "--endpoint", moto.endpoint().toString()};

            assertEquals(0, main(out, err).run(args), out.toString(StandardCharsets.UTF_8) + err);
            assertFalse(out.toString(StandardCharsets.UTF_8).contains("JSON log lines"), out.toString(StandardCharsets.UTF_8));
            assertEquals(logsBefore, demoLogs(), "the log of a demo that succeeded");

            ByteArrayOutputStream refusedErr = new ByteArrayOutputStream();
            assertEquals(1, main(new ByteArrayOutputStream(), refusedErr).run(args));
            assertTrue(refusedErr.toString(StandardCharsets.UTF_8).contains("already has a cluster named production"),
                    refusedErr.toString(StandardCharsets.UTF_8));
            assertEquals(logsBefore, demoLogs(), "the (empty) log of a demo refused before it ran a stage");
        }
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
            } else if (header != null) {
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
