package io.github.auroraecho.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher the build writes (lambda/target/aurora-echo) as users install it: linked from a directory on their
 * PATH, run from anywhere, with an old Java first on the PATH. Needs the packaged jar, so the build runs it after
 * {@code package} (lambda/pom.xml, execution {@code launcher}), not with the unit tests.
 */
class LauncherTest {
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path LAUNCHER = TARGET.resolve("aurora-echo");

    @Test
    void aLinkedLauncherRunsFromAnotherDirectoryAndSkipsAnOldJavaFirstOnThePath(@TempDir Path dir) throws Exception {
        assertTrue(Files.isExecutable(LAUNCHER) && Files.isRegularFile(TARGET.resolve("aurora-echo.jar")),
                "the launcher and jar are built first: mvn -pl lambda -DskipTests package");
        // As bin/install links it, then a relative link to that link: both are followed to the jar.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("aurora-echo"), LAUNCHER);
        Files.createSymbolicLink(bin.resolve("ae"), Path.of("aurora-echo"));
        Path java17 = oldJava(dir.resolve("jdk-17"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

        for (String command : List.of("aurora-echo", "ae")) {
            // A shell looks the command up on its PATH, as the user's does.
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", command + " --version").directory(elsewhere.toFile())
                    .redirectErrorStream(true);
            builder.environment().remove("JAVA_HOME");
            builder.environment().put("PATH", bin + ":" + java17.resolve("bin") + ":/usr/bin:/bin");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);

            assertEquals(0, process.exitValue(), output);
            assertEquals("aurora-echo " + projectVersion() + "\n", output, command);
        }
    }

    /** A Java 17 home as a JDK lays it out (its release file), whose java fails loudly if it is ever run. */
    private static Path oldJava(Path home) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.9\"\n");
        for (String tool : List.of("java", "javac")) {
            Path file = home.resolve("bin").resolve(tool);
            Files.writeString(file, "#!/bin/sh\necho 'Java 17 was run' >&2\nexit 99\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return home;
    }

    /** The version of lambda/pom.xml (its parent's), which the build writes into the jar's manifest. */
    private static String projectVersion() throws IOException {
        Matcher version = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(version.find());
        return version.group(1);
    }
}
