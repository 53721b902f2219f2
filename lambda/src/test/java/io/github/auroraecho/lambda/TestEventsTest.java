package io.github.auroraecho.lambda;

import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file in test-events/ is what the console's Test button or a schedule sends: each must parse with
 * the Lambda's parser for the stage its name ends with ({@code new.json}, {@code eventbridge-new.json}).
 */
class TestEventsTest {
    /** Surefire runs in the module directory, lambda/. */
    private static final Path TEST_EVENTS = Path.of("..", "test-events");

    @Test
    void everyTestEventParsesForItsStage() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(TEST_EVENTS)) {
            files = listing.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        Set<Operation> covered = EnumSet.noneOf(Operation.class);
        boolean envelope = false;
        for (Path file : files) {
            Operation operation = operationOf(file);
            String json = Files.readString(file);
            LifecycleConfig config = LifecycleConfig.parse(json, operation);
            assertTrue(config.managedName() != null, file.toString());
            covered.add(operation);
            envelope |= json.contains("\"detail-type\"");
        }
        assertEquals(EnumSet.allOf(Operation.class), covered, "a test event for every stage");
        assertTrue(envelope, "an EventBridge event example with the document in detail");
    }

    /** The stage is the last hyphen-separated word of the file name. */
    private static Operation operationOf(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        String stage = name.substring(name.lastIndexOf('-') + 1);
        return Operation.fromCliName(stage).orElseThrow(() -> new AssertionError(file
                + ": the file name must end with a stage, one of " + java.util.Arrays.stream(Operation.values())
                .map(Operation::cliName).toList()));
    }
}
