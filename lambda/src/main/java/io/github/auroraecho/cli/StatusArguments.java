package io.github.auroraecho.cli;

import io.github.auroraecho.lifecycle.InvalidInputException;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** The options of {@code status [-n NAME] [--json] [-r REGION] [--endpoint URL]}. */
record StatusArguments(Optional<String> managedName, boolean json, String region, URI endpoint) {

    static StatusArguments parse(List<String> args) {
        String managedName = null;
        boolean json = false;
        String region = null;
        URI endpoint = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-n", "--managed-name" -> managedName = Options.value(args, ++i, arg);
                case "--json" -> json = true;
                case "-r", "--region" -> region = Options.value(args, ++i, arg);
                case "--endpoint" -> endpoint = Options.endpoint(Options.value(args, ++i, arg));
                default -> throw Options.unknown(arg, "status");
            }
        }
        if (managedName != null && managedName.isBlank()) {
            throw new InvalidInputException("-n needs a lifecycle name");
        }
        return new StatusArguments(Optional.ofNullable(managedName), json, region, endpoint);
    }
}
