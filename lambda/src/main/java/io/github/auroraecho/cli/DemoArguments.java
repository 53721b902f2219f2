package io.github.auroraecho.cli;

import io.github.auroraecho.lifecycle.InvalidInputException;

import java.net.URI;
import java.util.List;

/**
 * The options of {@code demo [--endpoint URL] [--nights N] [--keep-log]}.
 *
 * @param keepLog keep the stages' log file after a demo that succeeded (one that failed always keeps it)
 */
record DemoArguments(URI endpoint, int nights, boolean keepLog) {
    static final int DEFAULT_NIGHTS = 3;
    /** A copy is retired on the second night, so fewer would never show the whole lifecycle. */
    static final int MIN_NIGHTS = 2;
    private static final int MAX_NIGHTS = 14;

    static DemoArguments parse(List<String> args) {
        URI endpoint = null;
        int nights = DEFAULT_NIGHTS;
        boolean keepLog = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--endpoint" -> endpoint = Options.endpoint(Options.value(args, ++i, arg));
                case "--nights" -> nights = nights(Options.value(args, ++i, arg));
                case "--keep-log" -> keepLog = true;
                default -> throw Options.unknown(arg, "demo");
            }
        }
        return new DemoArguments(endpoint, nights, keepLog);
    }

    private static int nights(String value) {
        try {
            int nights = Integer.parseInt(value);
            if (nights >= MIN_NIGHTS && nights <= MAX_NIGHTS) {
                return nights;
            }
        } catch (NumberFormatException e) {
            // Reported below with the range.
        }
        throw new InvalidInputException("--nights takes a whole number from " + MIN_NIGHTS + " to " + MAX_NIGHTS
                + ", not \"" + value + "\"");
    }
}
