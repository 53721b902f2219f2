package io.github.auroraecho.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.github.auroraecho.lambda.CloneHandler;
import io.github.auroraecho.lambda.ModifyHandler;
import io.github.auroraecho.lambda.NewHandler;
import io.github.auroraecho.lambda.PromoteHandler;
import io.github.auroraecho.lambda.RetireHandler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One cold invocation for bench/run: {@code HandlerStartup <stage> <event file>} runs that stage's Lambda
 * handler once in this fresh JVM and prints {@code <stage> <ms from JVM start to result> <peak RSS kB>
 * <result JSON>}. Endpoint, region and credentials come from the environment, as on Lambda.
 */
public final class HandlerStartup {
    private static final Map<String, Supplier<RequestStreamHandler>> HANDLERS = Map.of(
            "new", NewHandler::new,
            "clone", CloneHandler::new,
            "modify", ModifyHandler::new,
            "promote", PromoteHandler::new,
            "retire", RetireHandler::new);

    private HandlerStartup() {
    }

    public static void main(String[] args) throws IOException {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        try (InputStream event = Files.newInputStream(Path.of(args[1]))) {
            HANDLERS.get(args[0]).get().handleRequest(event, result, null);
        }
        // Clock first: the management classes are loaded only after the measured work.
        long end = System.currentTimeMillis();
        long start = ManagementFactory.getRuntimeMXBean().getStartTime();
        String json = result.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        System.out.println(args[0] + " " + (end - start) + " " + peakRssKb() + " " + json);
    }

    /** VmHWM: the most resident memory this process has had. */
    private static String peakRssKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "n/a";
        }
        return Files.readAllLines(status).stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .map(line -> line.replaceAll("\\D", ""))
                .findFirst().orElse("n/a");
    }
}
