package io.github.auroraecho.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.CopyTags;
import io.github.auroraecho.lifecycle.InvalidInputException;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The options of a stage command. The document comes either from {@code --event FILE|-} or from the
 * aurora-echo 2.x flags ({@code flagsDocument}, built from them), never from both: a merge would leave
 * users guessing which value won. {@code --dry-run}, {@code --endpoint}, {@code -a} and {@code -i} work
 * with either.
 */
record StageArguments(String event, String flagsDocument, boolean dryRun, URI endpoint, String account,
                      boolean interactive, AwsProfile profile, boolean verbose, String environment,
                      String parameterPrefix) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    static StageArguments parse(String command, List<String> args) {
        String event = null;
        boolean dryRun = false;
        URI endpoint = null;
        String account = null;
        boolean interactive = false;
        String profile = null;
        boolean verbose = false;
        String parameterPrefix = null;
        String environment = null;
        ObjectNode flags = JSON.createObjectNode();
        String firstFlag = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--event" -> event = Options.once(event, Options.value(args, ++i, arg), arg);
                case "--dry-run" -> dryRun = true;
                case "--endpoint" -> endpoint = Options.once(endpoint, Options.endpoint(Options.value(args, ++i, arg)), arg);
                case "-a", "--aws-account-number" -> account = Options.once(account, account(Options.value(args, ++i, arg), arg), arg);
                case "-i", "--interactive" -> interactive = bool(Options.value(args, ++i, arg), arg);
                case "--profile" -> profile = Options.once(profile, Options.profile(Options.value(args, ++i, arg)), arg);
                case "--verbose" -> verbose = true;
                case "--parameter-prefix" -> parameterPrefix = Options.once(parameterPrefix,
                        Options.parameterPrefix(Options.value(args, ++i, arg)), arg);
                case "--environment" -> environment = Options.once(environment, environment(Options.value(args, ++i, arg)), arg);
                default -> {
                    LegacyFlag flag = LegacyFlag.named(arg).orElseThrow(() -> Options.unknown(arg, command));
                    flag.addTo(flags, arg, Options.value(args, ++i, arg));
                    firstFlag = firstFlag == null ? arg : firstFlag;
                }
            }
        }
        if (event != null && firstFlag != null) {
            throw new InvalidInputException("--event and the 2.x flags (here " + firstFlag + ") cannot be mixed: "
                    + "put the setting in the document, or give every setting as flags");
        }
        if (event == null && firstFlag == null) {
            throw new InvalidInputException("give the lifecycle document with --event FILE (- reads stdin), "
                    + "or the 2.x flags (-n NAME ...); see aurora-echo " + command + " --help");
        }
        if (interactive && "-".equals(event)) {
            throw new InvalidInputException("-i true reads the answers from stdin, so the document cannot come from "
                    + "there too: use --event FILE");
        }
        return new StageArguments(event, firstFlag == null ? null : flags.toString(), dryRun, endpoint, account,
                interactive, new AwsProfile(profile), verbose, environment, Options.orDeployed(parameterPrefix));
    }

    /** The deployed environment whose functions manage the copy (its aurora-echo:environment tag). */
    private static String environment(String value) {
        if (!value.matches(CopyTags.ENVIRONMENT_NAME)) {
            throw new InvalidInputException("--environment takes the name of a deployed environment (lower-case "
                    + "letters, digits and hyphens, a letter first, at most 20 characters), not \"" + value + "\"");
        }
        return value;
    }

    private static String account(String value, String option) {
        if (!ACCOUNT.matcher(value).matches()) {
            throw new InvalidInputException(option + " takes a 12-digit AWS account id, not \"" + value + "\"");
        }
        return value;
    }

    /** 2.x read -i with click's boolean type, so its spellings are accepted too. */
    private static boolean bool(String value, String option) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw new InvalidInputException(option + " takes true or false, not \"" + value + "\"");
        };
    }
}
