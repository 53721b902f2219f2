package io.github.auroraecho.testing;

import io.github.auroraecho.cli.Main;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** One CLI run in-process, its clients pointed at the emulator; {@code clientsMade} shows whether AWS could be reached. */
public record CliRun(int exit, String out, String err, int clientsMade) {

    public static CliRun of(TestAccount aws, String stdin, String... args) {
        return with(aws, List.of(), stdin, args);
    }

    /** As {@link #of}, with more interceptors on the clients (an answer AWS could give that the emulator does not). */
    public static CliRun with(TestAccount aws, List<ExecutionInterceptor> extra, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger made = new AtomicInteger();
        Main main = new Main(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                (region, endpoint, credentials) -> {
                    made.incrementAndGet();
                    return aws.clientsWith(extra.toArray(ExecutionInterceptor[]::new));
                }, aws.clock());
        int exit = main.run(args);
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), made.get());
    }
}
