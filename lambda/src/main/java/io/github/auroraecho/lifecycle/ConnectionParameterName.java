package io.github.auroraecho.lifecycle;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a lifecycle's connection parameter lives in SSM Parameter Store: {@code <prefix>/<managedName>/connection}.
 * The prefix is a deployment setting ({@code parameterPrefix} in {@code infra/environments.json}, passed to the
 * functions as {@value #ENVIRONMENT_VARIABLE}; the CLI's {@code --parameter-prefix}), checked here against SSM's
 * naming rules so a bad one is refused where it is read, before any AWS call.
 *
 * <p>AWS Systems Manager API Reference, "PutParameter"
 * (https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_PutParameter.html) and the user guide's
 * "Requirements and constraints for parameter names"
 * (https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-parameter-name-constraints.html):
 * "Parameter names can include only the following symbols and letters: a-zA-Z0-9_.-" with "/" delineating
 * hierarchies; "A parameter name can't be prefixed with "aws" or "ssm" (case-insensitive)"; "Parameter
 * hierarchies are limited to a maximum depth of fifteen levels"; "The maximum length for a parameter name that
 * you specify is 1011 characters".
 */
public final class ConnectionParameterName {
    public static final String DEFAULT_PREFIX = "/aurora-echo";
    public static final String ENVIRONMENT_VARIABLE = "AURORA_ECHO_PARAMETER_PREFIX";
    /** The leaf every lifecycle's parameter has under {@code <prefix>/<managedName>}. */
    public static final String LEAF = "connection";
    static final int MAX_NAME = 1011;
    static final int MAX_LEVELS = 15;
    /** The longest managed name a copy name leaves room for (63 less {@code -YYYY-MM-DD}). */
    private static final int MAX_MANAGED_NAME = 52;
    private static final Pattern SEGMENT = Pattern.compile("[a-zA-Z0-9_.-]+");

    private ConnectionParameterName() {
    }

    /** The parameter of one lifecycle under a prefix already checked. */
    public static String of(String prefix, String managedName) {
        return prefix + "/" + managedName + "/" + LEAF;
    }

    /** The prefix, checked; {@code field} names where it came from in the message. */
    public static String checkPrefix(String prefix, String field) {
        String problem = problem(prefix);
        if (problem != null) {
            throw new InvalidInputException(field + ": " + problem + " (got \"" + prefix + "\")");
        }
        return prefix;
    }

    /** The prefix the stack gave the function, else the default. */
    public static String deployedPrefix() {
        String prefix = System.getenv(ENVIRONMENT_VARIABLE);
        return prefix == null || prefix.isEmpty() ? DEFAULT_PREFIX : checkPrefix(prefix, ENVIRONMENT_VARIABLE);
    }

    /** Why SSM would refuse parameters under this prefix (for any managed name), or null. */
    public static String problem(String prefix) {
        if (prefix == null || !prefix.startsWith("/") || prefix.length() < 2) {
            return "an SSM parameter path starts with / and names at least one level, like " + DEFAULT_PREFIX;
        }
        if (prefix.endsWith("/")) {
            return "no trailing /: the lifecycle's name and /" + LEAF + " are added to it";
        }
        String[] levels = prefix.substring(1).split("/", -1);
        for (String level : levels) {
            if (!SEGMENT.matcher(level).matches()) {
                return "each level between the / must be one or more of a-z A-Z 0-9 _ . - (SSM's parameter name characters)";
            }
        }
        String first = levels[0].toLowerCase(Locale.ROOT);
        if (first.startsWith("aws") || first.startsWith("ssm")) {
            return "SSM reserves names starting with aws or ssm";
        }
        if (levels.length + 2 > MAX_LEVELS) {
            return "SSM allows " + MAX_LEVELS + " levels; the prefix may have at most " + (MAX_LEVELS - 2)
                    + " (the lifecycle's name and " + LEAF + " are two more)";
        }
        int longest = of(prefix, "x".repeat(MAX_MANAGED_NAME)).length();
        if (longest > MAX_NAME) {
            return "SSM allows parameter names of " + MAX_NAME + " characters; with the longest managed name this prefix makes "
                    + longest;
        }
        return null;
    }
}
