package io.github.auroraecho.cli;

import io.github.auroraecho.lifecycle.Identifiers;
import io.github.auroraecho.lifecycle.InvalidInputException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Credentials and region as the AWS CLI and boto3 find them, for the profile given with {@code --profile}
 * (else {@code AWS_PROFILE}, else {@code default}): static keys, {@code role_arn} with {@code source_profile}
 * or {@code credential_source}, {@code web_identity_token_file}, IAM Identity Center ({@code sso_session}).
 *
 * @param name the {@code --profile} given, or null for the standard chain (environment keys first)
 */
record AwsProfile(String name) {

    /** {@code --profile NAME} reads that profile only, as the AWS CLI does; without it, the standard chain. */
    AwsCredentialsProvider credentials() {
        return name == null ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.builder().profileName(name).build();
    }

    /** The profile the chain reads: the one given, else AWS_PROFILE, else default. */
    String effectiveName(Map<String, String> env) {
        return name != null ? name : Optional.ofNullable(env.get("AWS_PROFILE")).filter(s -> !s.isBlank()).orElse("default");
    }

    /**
     * Refuses a named profile (--profile or AWS_PROFILE) that neither the config nor the credentials file
     * has, as the AWS CLI does, before any call: the chain would otherwise report it among six providers.
     */
    void requireKnown(Map<String, String> env) {
        boolean named = name != null || env.get("AWS_PROFILE") != null && !env.get("AWS_PROFILE").isBlank();
        if (!named) {
            return;
        }
        String profile = effectiveName(env);
        boolean known;
        try {
            known = ProfileFile.defaultProfileFile().profile(profile).isPresent();
        } catch (RuntimeException e) {
            throw new InvalidInputException("cannot read the AWS config or credentials file: " + e.getMessage());
        }
        if (!known) {
            throw new InvalidInputException("the profile " + profile + (name != null ? " (--profile)" : " (AWS_PROFILE)")
                    + " is in neither the AWS config file nor the credentials file");
        }
    }

    /** The region of the profile in the AWS config file, if it names one. */
    Optional<String> configuredRegion(Map<String, String> env) {
        try {
            return ProfileFile.defaultProfileFile().profile(effectiveName(env)).flatMap(p -> p.property(ProfileProperty.REGION));
        } catch (RuntimeException e) {
            // An unreadable config file: the region is then missing, which the caller reports in words.
            return Optional.empty();
        }
    }

    /**
     * The region: the one given ({@code -r} or the document's), else {@code AWS_REGION}, else
     * {@code AWS_DEFAULT_REGION} (what boto3 and the AWS CLI read), else the profile's.
     */
    static Region region(String given, Map<String, String> env, Function<Map<String, String>, Optional<String>> profileRegion,
                         String profileName) {
        String[][] sources = {{given, "-r"}, {env.get("AWS_REGION"), "AWS_REGION"},
                {env.get("AWS_DEFAULT_REGION"), "AWS_DEFAULT_REGION"}};
        for (String[] source : sources) {
            if (source[0] != null && !source[0].isBlank()) {
                return checked(source[0].strip(), source[1]);
            }
        }
        return profileRegion.apply(env).filter(r -> !r.isBlank())
                .map(r -> checked(r.strip(), "region of profile " + profileName))
                .orElseThrow(() -> new InvalidInputException("no region: give -r REGION (or \"region\" in the document), "
                        + "set AWS_REGION or AWS_DEFAULT_REGION, or set region in profile " + profileName
                        + " of the AWS config file"));
    }

    /**
     * A region of the wrong form is bad input wherever it comes from, as the document's is: the SDK would build a
     * host name from it that does not resolve (rds.eu-west1.amazonaws.com) and fail with UnknownHostException.
     */
    private static Region checked(String region, String source) {
        if (!Identifiers.isRegion(region)) {
            throw new InvalidInputException(source + " \"" + region + "\" must be an AWS region such as eu-west-1");
        }
        return Region.of(region);
    }
}
