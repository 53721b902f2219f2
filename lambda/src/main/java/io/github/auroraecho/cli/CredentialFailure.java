package io.github.auroraecho.cli;

import java.util.Locale;

/**
 * A failure to find or refresh credentials, in two lines: what was tried and what to do. The SDK's own
 * exception names every provider of its chain on one long line; the CLI prints it only with
 * {@code --verbose}.
 */
final class CredentialFailure {
    private CredentialFailure() {
    }

    /** True when the SDK could not come by credentials at all (not when AWS refused the ones it had). */
    static boolean is(Throwable e) {
        String text = chain(e);
        return text.contains("unable to load credentials") || text.contains("profile file contained no credentials")
                || sso(text) || text.contains("no profile") || text.contains("profile") && text.contains("not found");
    }

    /**
     * True when the SDK found the profile it reads broken (a {@code source_profile} without credentials or in a
     * loop, an unknown {@code credential_source}): it says so with a bare IllegalStateException or
     * IllegalArgumentException, before any call.
     */
    static boolean misconfigured(Throwable e) {
        return (e instanceof IllegalStateException || e instanceof IllegalArgumentException) && !is(e);
    }

    /** What is wrong with the profile, in the SDK's words, and what a working one holds. */
    static String misconfiguredWords(Throwable e, String profile) {
        return "the AWS profile " + profile + " cannot give credentials: " + e.getMessage() + ". In the AWS config file "
                + "(AWS_CONFIG_FILE, else ~/.aws/config), an assume-role profile needs role_arn with source_profile (a "
                + "profile that has credentials, no loop) or credential_source (Environment, Ec2InstanceMetadata or "
                + "EcsContainer); check it with: aws sts get-caller-identity --profile " + profile;
    }

    /** The SSO module's own failures: an expired or missing IAM Identity Center session or token. */
    private static boolean sso(String text) {
        return text.contains("software.amazon.awssdk.services.sso.") || text.contains("software.amazon.awssdk.services.ssooidc.")
                || text.contains("sso session") || text.contains("sso token");
    }

    /** The two lines for a failure that {@link #is} one, for the profile the chain read. */
    static String words(Throwable e, String profile) {
        String text = chain(e);
        if (sso(text)) {
            return "aurora-echo: the IAM Identity Center (SSO) session of profile " + profile + " has expired or was never "
                    + "started.\nRun: aws sso login --profile " + profile + ", then try again (--verbose shows the SDK's detail).";
        }
        return "aurora-echo: no AWS credentials found (tried AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a web identity token, "
                + "profile " + profile + " of ~/.aws/config and ~/.aws/credentials, container and instance roles).\n"
                + "Set AWS_PROFILE or give --profile NAME, run aws sso login --profile NAME for an IAM Identity Center "
                + "profile, or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (--verbose shows the SDK's detail).";
    }

    /** Every class and message of the exception and its causes, lower case. */
    private static String chain(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
