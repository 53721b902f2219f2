package io.github.auroraecho.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/lib.sh, which bin/demo, bin/test and bin/install run first: which python runs moto's emulator, and what a
 * build prints. Each case runs the real script in a shell, with fake programs first on the PATH.
 */
class BuildScriptsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path BOOT_SCRIPT = Path.of("lambda/src/main/resources/io/github/auroraecho/emulator/moto_server.py");

    @Test
    void usesPython3WhenItsMotoIsInTheTestedRangeAndInstallsNothing(@TempDir Path dir) throws Exception {
        Path root = repository(dir);
        Path bin = fakeBin(dir, realPython());

        Run run = sh(root, bin, Map.of(), "ensure_moto && echo \"$AURORA_ECHO_PYTHON\"");

        assertEquals(0, run.exit(), run.output());
        assertEquals("python3", run.output().strip());
        assertFalse(Files.exists(root.resolve(".venv")), "nothing is installed when python3's moto will do");
    }

    @Test
    void usesTheProjectsVirtualEnvironmentWhenPython3sMotoIsOutOfRange(@TempDir Path dir) throws Exception {
        Path root = repository(dir);
        Path bin = fakeBin(dir, pythonWithMoto(dir, "5.3.0"));
        Files.createDirectories(root.resolve(".venv/bin"));
        Files.createSymbolicLink(root.resolve(".venv/bin/python"), Path.of(realPython()));

        Run run = sh(root, bin, Map.of(), "ensure_moto && echo \"$AURORA_ECHO_PYTHON\"");

        assertEquals(0, run.exit(), run.output());
        assertEquals(root.toRealPath().resolve(".venv/bin/python").toString(), run.output().strip());
    }

    @Test
    void refusesAnAuroraEchoPythonWithoutMotoInRange(@TempDir Path dir) throws Exception {
        Path root = repository(dir);
        Path bin = fakeBin(dir, realPython());

        Run run = sh(root, bin, Map.of("AURORA_ECHO_PYTHON", pythonWithMoto(dir, "4.2.14")), "ensure_moto");

        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("has no moto[server]>=5.1,<5.3"), run.output());
    }

    /** Maven 3.8 writes ESC[0m even in batch mode: a build's output is shown only when it fails, without the codes. */
    @Test
    void aQuietBuildPrintsNothingWhenItWorksAndNoColourCodesWhenItFails(@TempDir Path dir) throws Exception {
        Path bin = fakeBin(dir, realPython());
        script(bin.resolve("mvn"), "printf '\\033[0m\\033[0m[ERROR] it broke\\033[0m\\n'; [ \"$1\" = -B ] && [ \"$4\" = fail ] && exit 1; exit 0");

        Run worked = sh(ROOT, bin, Map.of(), "quiet_build ok");
        Run failed = sh(ROOT, bin, Map.of(), "quiet_build fail");

        assertEquals(0, worked.exit(), worked.output());
        assertEquals("", worked.output());
        assertEquals(1, failed.exit(), failed.output());
        assertEquals("[ERROR] it broke\n", failed.output(), "not a terminal: no escape codes");
    }

    private record Run(int exit, String output) {
    }

    /** Sources bin/lib.sh in {@code dir} and runs {@code command}, with {@code bin} first on the PATH. */
    private static Run sh(Path dir, Path bin, Map<String, String> env, String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", ". '" + ROOT.resolve("bin/lib.sh") + "' && " + command)
                .directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().remove("AURORA_ECHO_PYTHON");
        builder.environment().remove("NO_COLOR");
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);
        return new Run(process.exitValue(), output);
    }

    /** A checkout as far as ensure_moto reads it: the boot script, whose TESTED_MOTO is the range. */
    private static Path repository(Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(root.resolve(BOOT_SCRIPT).getParent());
        Files.copy(ROOT.resolve(BOOT_SCRIPT), root.resolve(BOOT_SCRIPT));
        return root;
    }

    /** A directory with python3 (the given one) and nothing else of the PATH's. */
    private static Path fakeBin(Path dir, String python3) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        script(bin.resolve("python3"), "exec '" + python3 + "' \"$@\"");
        return bin;
    }

    /** A python whose moto is a stand-in of the given version (flask and the rest are the real python's). */
    private static String pythonWithMoto(Path dir, String version) throws Exception {
        Path modules = Files.createDirectories(dir.resolve("moto-" + version + "/moto"));
        Files.writeString(modules.resolve("__init__.py"), "__version__ = \"" + version + "\"\n");
        Files.writeString(modules.resolve("server.py"), "");
        Path python = dir.resolve("python-moto-" + version);
        script(python, "PYTHONPATH='" + modules.getParent() + "' exec '" + realPython() + "' \"$@\"");
        return python.toString();
    }

    private static String realPython() throws Exception {
        Process process = new ProcessBuilder(System.getenv().getOrDefault("AURORA_ECHO_PYTHON", "python3"), "-c",
                "import sys; print(sys.executable)").start();
        String executable = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.waitFor());
        return executable;
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
