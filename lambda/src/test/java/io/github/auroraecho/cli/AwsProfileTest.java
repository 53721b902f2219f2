package io.github.auroraecho.cli;

import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CLI as a process, with only an AWS config file for credentials, against the emulator's STS: an
 * assume-role profile and a web-identity profile. The roles live in another account (111111111111) than
 * the one the source keys belong to (moto's 123456789012), so {@code -a} passes only when the CLI really
 * works with the role's credentials.
 */
@ExtendWith(EmulatorExtension.class)
class AwsProfileTest {
    private static final String ROLE_ACCOUNT = "111111111111";

    private record Process(int exit, String out, String err) {
    }

    private static Path config(Path dir) throws IOException {
        Path token = Files.writeString(dir.resolve("token"), "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl");
        return Files.writeString(dir.resolve("config"), """
                [profile base]
                aws_access_key_id = AKIAIOSFODNN7EXAMPLE
                aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

                [profile ops]
                role_arn = arn:aws:iam::%1$s:role/aurora-echo-ops
                source_profile = base
                region = us-east-1

                [profile ci]
                role_arn = arn:aws:iam::%1$s:role/aurora-echo-ci
                web_identity_token_file = %2$s
                region = us-east-1
                """.formatted(ROLE_ACCOUNT, token));
    }

    /** {@code aurora-echo ARGS} in a fresh JVM, with no credentials in its environment, only the files given. */
    private static Process cli(TestAccount aws, Path config, Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.put("AWS_CONFIG_FILE", config.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
        env.put("AWS_ENDPOINT_URL", aws.endpoint().toString());
        // The SDK's own STS client (which assumes the role) takes its region from here, not from our -r.
        env.put("AWS_REGION", "us-east-1");
        // Not on EC2: the chain's last provider would wait for the instance metadata service otherwise.
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        java.lang.Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the CLI did not end");
        return new Process(process.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    }

    @Test
    void anAssumeRoleProfileWorksWithTheRolesCredentials(TestAccount aws, @TempDir Path dir) throws Exception {
        Path config = config(dir);

        Process inRoleAccount = cli(aws, config, dir, "modify", "-n", "staging", "--profile", "ops", "-a", ROLE_ACCOUNT);
        Process elsewhere = cli(aws, config, dir, "modify", "-n=staging", "--profile=ops", "-a", "123456789012");

        assertEquals(0, inRoleAccount.exit(), inRoleAccount.err());
        assertTrue(inRoleAccount.out().contains("\"nothing-to-do\""), inRoleAccount.out());
        assertEquals(2, elsewhere.exit(), elsewhere.err());
        assertTrue(elsewhere.err().contains("(" + ROLE_ACCOUNT + ")"), elsewhere.err());
    }

    @Test
    void aWebIdentityProfileWorksWithTheRolesCredentials(TestAccount aws, @TempDir Path dir) throws Exception {
        Path config = config(dir);

        Process run = cli(aws, config, dir, "status", "--profile", "ci", "--json");
        Process checked = cli(aws, config, dir, "modify", "-n", "staging", "--profile", "ci", "-a", ROLE_ACCOUNT);

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("\"copies\""), run.out());
        assertEquals(0, checked.exit(), checked.err());
    }

    @Test
    void missingCredentialsAreSaidInTwoLinesAndTheSdksDetailOnlyWithVerbose(TestAccount aws, @TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("config"), "[default]\nregion = us-east-1\n");

        Process plain = cli(aws, config, dir, "status");
        Process verbose = cli(aws, config, dir, "status", "--verbose");
        Process noProfile = cli(aws, config, dir, "status", "--profile", "nope");

        assertEquals(1, plain.exit(), plain.err());
        assertEquals(2, plain.err().strip().lines().count(), plain.err());
        assertTrue(plain.err().contains("no AWS credentials found"), plain.err());
        assertTrue(plain.err().contains("AWS_PROFILE") && plain.err().contains("aws sso login"), plain.err());
        assertFalse(plain.err().contains("AwsCredentialsProviderChain"), plain.err());
        assertTrue(verbose.err().contains("Unable to load credentials"), verbose.err());
        assertEquals(2, noProfile.exit(), noProfile.err());
        assertEquals("aurora-echo: the profile nope (--profile) is in neither the AWS config file nor the credentials file",
                noProfile.err().strip());
    }

    @Test
    void anExpiredSsoSessionSaysToLogIn(TestAccount aws, @TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("config"), """
                [profile dev]
                sso_session = corp
                sso_account_id = 123456789012
                sso_role_name = ReadOnly
                region = us-east-1

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = us-east-1
                """);

        Process run = cli(aws, config, dir, "status", "--profile", "dev");

        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("aws sso login --profile dev"), run.err());
        assertTrue(run.err().strip().lines().count() <= 2, run.err());
    }

    @Test
    void aBrokenAssumeRoleProfileSaysWhatIsWrongAndExitsTwo(TestAccount aws, @TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("config"), """
                [profile ops]
                role_arn = arn:aws:iam::111111111111:role/aurora-echo-ops
                source_profile = base
                region = us-east-1

                [profile loop]
                role_arn = arn:aws:iam::111111111111:role/aurora-echo-ops
                source_profile = loop
                region = us-east-1

                [profile base]
                region = us-east-1
                """);

        Process noKeys = cli(aws, config, dir, "status", "--profile", "ops");
        Process loop = cli(aws, config, dir, "status", "--profile", "loop");

        assertEquals(2, noKeys.exit(), noKeys.err());
        assertTrue(noKeys.err().startsWith("aurora-echo: the AWS profile ops cannot give credentials: The source profile "
                + "of 'ops' was configured to be 'base', but that source profile has no credentials configured."), noKeys.err());
        assertTrue(noKeys.err().contains("aws sts get-caller-identity --profile ops"), noKeys.err());
        assertFalse(noKeys.err().contains("java.lang.IllegalStateException"), noKeys.err());
        assertEquals(2, loop.exit(), loop.err());
        assertTrue(loop.err().contains("Circular relationship"), loop.err());
    }
}
