package io.github.auroraecho.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo end to end on its own emulator: two nights, two lifecycles, nothing left running. */
class DemoTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void runsTwoLifecyclesNightByNightAndStopsTheEmulator() throws IOException {
        Set<Long> before = alive();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main main = new Main(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), (region, endpoint, credentials) -> {
                    throw new AssertionError("the demo makes its own clients for its emulator");
                }, Clock.systemUTC());

        int exit = main.run(new String[] {"demo", "--nights", "2"});

        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, text + err.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("=== Night 2 of 2"), text);
        for (String expected : List.of("staging   new      changed", "analytics clone    changed", "is modified; roles: demo-s3-import",
                "promoted staging-", "deleted staging-", "deleted analytics-", "db.staging.example.internal",
                "db.analytics.example.internal", "Emulator stopped.")) {
            assertTrue(text.contains(expected), expected + " in:\n" + text);
        }
        assertTrue(alive().stream().allMatch(before::contains), "the demo's emulator is still running");

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
