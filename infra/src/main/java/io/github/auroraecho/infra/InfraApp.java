package io.github.auroraecho.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CDK app: {@code npx cdk synth -c env=dev} (cdk.json runs it through Maven after building the Lambda jar).
 * Context: {@code env} (required), {@code settings} (default {@code infra/environments.json}) and
 * {@code lambdaJar} (default {@code lambda/target/aurora-echo.jar}), paths relative to the repository root.
 */
public final class InfraApp {
    public static final String DEFAULT_SETTINGS = "infra/environments.json";
    public static final String DEFAULT_LAMBDA_JAR = "lambda/target/aurora-echo.jar";

    private InfraApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        try {
            Path root = Path.of(System.getProperty("aurora-echo.root", "."));
            Settings settings = Settings.load(root.resolve(context(app, "settings", DEFAULT_SETTINGS)));
            EnvironmentSettings environment = settings.environment(context(app, "env", null));
            Path jar = root.resolve(context(app, "lambdaJar", DEFAULT_LAMBDA_JAR));
            build(app, environment, requireJar(jar));
        } catch (SettingsException e) {
            System.err.println("aurora-echo: " + e.getMessage());
            System.exit(2);
        }
        app.synth();
    }

    /** The environment's stack in the app, checked by the cdk-nag AwsSolutions pack. */
    public static AuroraEchoStack build(App app, EnvironmentSettings environment, Path lambdaJar) {
        StackProps.Builder props = StackProps.builder()
                .stackName(Names.stackName(environment.name()))
                .description("aurora-echo " + environment.name() + ": scheduled fresh copies of Aurora clusters");
        if (environment.account() != null || environment.region() != null) {
            // Either may be left out: what is missing stays unresolved (deploy-time), so synth needs no credentials.
            props.env(Environment.builder().account(environment.account()).region(environment.region()).build());
        }
        AuroraEchoStack stack = new AuroraEchoStack(app, Names.stackName(environment.name()),
                props.build(), environment, lambdaJar);
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return stack;
    }

    static Path requireJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new SettingsException("the Lambda jar " + jar.toAbsolutePath().normalize() + " does not exist: "
                    + "build it first with `mvn -B -DskipTests package` (cdk.json does this before synth), "
                    + "or point -c lambdaJar=PATH at it");
        }
        return jar;
    }

    private static String context(App app, String key, String defaultValue) {
        Object value = app.getNode().tryGetContext(key);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new SettingsException("context " + key + " must be a non-empty string, not " + value);
        }
        return text;
    }
}
