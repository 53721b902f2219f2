package io.github.auroraecho.cli;

import io.github.auroraecho.lifecycle.ConnectionParameterName;
import io.github.auroraecho.lifecycle.InvalidInputException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every command's hand-written argument loop shares: option values and the endpoint URL. */
final class Options {
    /** {@code --region=eu-west-1}, {@code -n=staging}: an option's name, then its value after the first {@code =}. */
    private static final Pattern WITH_VALUE = Pattern.compile("(--?[A-Za-z][A-Za-z0-9-]*)=(.*)", Pattern.DOTALL);

    /** The options that take no value, so the argument after them is an option again. */
    private static final Set<String> FLAGS_WITHOUT_VALUE = Set.of("--dry-run", "--json", "--help",
            "--verbose");

    private Options() {
    }

    /**
     * The arguments with every {@code -name=value} split into {@code -name value}, as the AWS CLI and
     * 2.x's click accept both. Only where an option is expected: a value that looks like one is left as it is.
     */
    static List<String> split(List<String> args) {
        List<String> split = new ArrayList<>();
        boolean valueNext = false;
        for (String arg : args) {
            Matcher matcher = WITH_VALUE.matcher(arg);
            if (!valueNext && matcher.matches()) {
                split.add(matcher.group(1));
                split.add(matcher.group(2));
                valueNext = false;
            } else {
                split.add(arg);
                valueNext = !valueNext && arg.startsWith("-") && !FLAGS_WITHOUT_VALUE.contains(arg);
            }
        }
        return split;
    }


    /**
     * The value of a single-valued option, refused when the option was already given: the last of two would win
     * silently, and the user could not tell which document or name a run used.
     */
    static <T> T once(T previous, T value, String option) {
        if (previous != null) {
            throw new InvalidInputException(option + " is given twice");
        }
        return value;
    }

    /** The value after an option, or an error naming the option when the arguments end there. */
    static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new InvalidInputException(option + " needs a value");
        }
        return args.get(index);
    }

    /** A connection parameter prefix SSM accepts (see {@code ConnectionParameterName}). */
    static String parameterPrefix(String value) {
        return ConnectionParameterName.checkPrefix(value, "--parameter-prefix");
    }

    /** The prefix given, else {@value ConnectionParameterName#ENVIRONMENT_VARIABLE}, else the default. */
    static String orDeployed(String parameterPrefix) {
        return parameterPrefix != null ? parameterPrefix : ConnectionParameterName.deployedPrefix();
    }

    /** A profile name as the AWS config file's section names allow it. */
    static String profile(String value) {
        if (!value.matches("[\\w.@+=,-]{1,128}")) {
            throw new InvalidInputException("--profile takes a profile name of the AWS config file, not \"" + value + "\"");
        }
        return value;
    }

    static URI endpoint(String value) {
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

    static InvalidInputException unknown(String arg, String command) {
        return new InvalidInputException("unknown option \"" + arg + "\" (see aurora-echo " + command + " --help)");
    }
}
