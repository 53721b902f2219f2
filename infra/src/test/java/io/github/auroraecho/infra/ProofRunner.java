package io.github.auroraecho.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the proof's evaluator (infra/iam-proof/prove.mjs, on Node.js with the packages of package.json) over cases. */
final class ProofRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProofRunner() {
    }

    static void prove(ArrayNode cases, String what) throws IOException {
        assertTrue(Files.isDirectory(Path.of("..", "node_modules", "@cloud-copilot", "iam-simulate")),
                "the IAM proof needs the npm packages of package.json: run npm ci at the repository root (bin/test does)");
        Path file = Files.createTempFile(Path.of("target"), "iam-proof-", ".json");
        JSON.writeValue(file.toFile(), cases);
        Process node = new ProcessBuilder("node", Path.of("iam-proof", "prove.mjs").toString(), file.toString())
                .redirectErrorStream(true).start();
        String output;
        try {
            output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(node.waitFor(10, TimeUnit.MINUTES), "the IAM proof did not finish");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        System.out.println("IAM proof over " + what + ": " + output);
        assertEquals(0, node.exitValue(), "IAM proof over " + what + " (cases in " + file + "):\n" + output);
    }
}
