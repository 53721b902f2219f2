package io.github.auroraecho.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.time.Instant;

/**
 * Structured JSON log lines on stderr (CloudWatch on Lambda), one per decision and per AWS change.
 * Written by hand rather than through a logging framework to keep start-up lean.
 */
public final class Log {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile PrintStream out = System.err;

    private Log() {
    }

    public static void info(String event, String... keyValues) {
        write("INFO", event, keyValues);
    }

    public static void warn(String event, String... keyValues) {
        write("WARN", event, keyValues);
    }

    /** For the demo (a log file) and tests; returns the stream it replaces, to put it back. */
    public static PrintStream redirect(PrintStream stream) {
        PrintStream previous = out;
        out = stream;
        return previous;
    }

    private static void write(String level, String event, String... keyValues) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", Instant.now().toString());
        line.put("level", level);
        line.put("event", event);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                line.put(keyValues[i], keyValues[i + 1]);
            }
        }
        out.println(line);
    }
}
