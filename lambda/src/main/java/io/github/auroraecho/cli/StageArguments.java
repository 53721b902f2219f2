package io.github.auroraecho.cli;

import io.github.auroraecho.lifecycle.InvalidInputException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** The options of a stage command: {@code --event FILE|- [--dry-run] [--endpoint URL]}. */
record StageArguments(String event, boolean dryRun, URI endpoint) {

    static StageArguments parse(List<String> args) {
        String event = null;
        boolean dryRun = false;
        URI endpoint = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--event" -> event = value(args, ++i, arg);
                case "--dry-run" -> dryRun = true;
                case "--endpoint" -> endpoint = endpoint(value(args, ++i, arg));
                default -> throw new InvalidInputException("unknown option \"" + arg + "\" (see --help)");
            }
        }
        if (event == null) {
            throw new InvalidInputException("--event FILE is required (- reads the document from stdin)");
        }
        return new StageArguments(event, dryRun, endpoint);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new InvalidInputException(option + " needs a value");
        }
        return args.get(index);
    }

    private static URI endpoint(String value) {
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidInputException("--endpoint must be an http(s) URL, not " + value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInputException("--endpoint must be an http(s) URL, not " + value);
        }
    }
}
