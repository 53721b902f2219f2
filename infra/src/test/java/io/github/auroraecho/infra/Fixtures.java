package io.github.auroraecho.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Stacks synthesized from the test settings with a stand-in for the Lambda jar (tests run before packaging). */
final class Fixtures {
    private Fixtures() {
    }

    static Path testSettingsFile() {
        try {
            return Path.of(Fixtures.class.getResource("/test-environments.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Settings testSettings() {
        return Settings.load(testSettingsFile());
    }

    static Path fakeJar() {
        try {
            Path dir = Files.createTempDirectory("aurora-echo-infra-test");
            Path jar = dir.resolve("aurora-echo.jar");
            Files.write(jar, new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static App app() {
        try {
            Path out = Files.createTempDirectory("aurora-echo-cdk-out");
            return new App(AppProps.builder().outdir(out.toString()).context(Map.of()).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stack of one environment, with the cdk-nag pack applied as the real app does. */
    static AuroraEchoStack stack(EnvironmentSettings environment) {
        return InfraApp.build(app(), environment, fakeJar());
    }

    static Template template(AuroraEchoStack stack) {
        return Template.fromStack(stack);
    }
}
