package io.github.auroraecho.cli;

import io.github.auroraecho.lifecycle.ManagedName;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The options of {@code status [-n NAME] [--json] [-r REGION] [--profile NAME] [--endpoint URL] [--verbose]
 * [--parameter-prefix PREFIX]}.
 */
record StatusArguments(Optional<String> managedName, boolean json, String region, URI endpoint, AwsProfile profile,
                       boolean verbose, String parameterPrefix) {

    static StatusArguments parse(List<String> args) {
        String managedName = null;
        boolean json = false;
        String region = null;
        URI endpoint = null;
        String profile = null;
        boolean verbose = false;
        String parameterPrefix = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-n", "--managed-name" -> managedName = Options.once(managedName,
                        ManagedName.check(Options.value(args, ++i, arg), arg), arg);
                case "--json" -> json = true;
                case "-r", "--region" -> region = Options.once(region, Options.value(args, ++i, arg), arg);
                case "--endpoint" -> endpoint = Options.once(endpoint, Options.endpoint(Options.value(args, ++i, arg)), arg);
                case "--profile" -> profile = Options.once(profile, Options.profile(Options.value(args, ++i, arg)), arg);
                case "--verbose" -> verbose = true;
                case "--parameter-prefix" -> parameterPrefix = Options.once(parameterPrefix,
                        Options.parameterPrefix(Options.value(args, ++i, arg)), arg);
                default -> throw Options.unknown(arg, "status");
            }
        }
        return new StatusArguments(Optional.ofNullable(managedName), json, region, endpoint, new AwsProfile(profile), verbose,
                Options.orDeployed(parameterPrefix));
    }
}
