package io.github.auroraecho.cli;

import io.github.auroraecho.testing.TestAccount;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/** One CLI run in-process, with the clients pointed at the emulator and every call recorded. */
record CliRun(int exit, String out, String err, int clientsMade) {

    static CliRun of(TestAccount aws, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger made = new AtomicInteger();
        Main main = new Main(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                (region, endpoint) -> {
                    made.incrementAndGet();
                    return aws.engineClients();
                }, Clock.systemUTC());
        int exit = main.run(args);
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), made.get());
    }
}
