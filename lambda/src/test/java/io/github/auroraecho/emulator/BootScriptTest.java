package io.github.auroraecho.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator's boot script against a moto it was not made for: it refuses at start, in words naming the moto
 * version and the internal it patches that this moto lacks, instead of failing somewhere in a test.
 */
class BootScriptTest {

    @Test
    void refusesAMotoWithoutAnInternalItPatches(@TempDir Path dir) throws Exception {
        // A moto whose RDS backend has create_db_cluster but no restore_db_cluster_from_snapshot.
        write(dir, "moto/__init__.py", "__version__ = \"9.9.0\"\n");
        write(dir, "moto/server.py", "def main(argv):\n    raise SystemExit('started')\n");
        write(dir, "moto/core/__init__.py", "");
        write(dir, "moto/core/responses.py", "class ActionResult:\n    pass\n");
        write(dir, "moto/rds/__init__.py", "");
        write(dir, "moto/rds/models.py", "class RDSBackend:\n    def create_db_cluster(self, kwargs):\n        pass\n");

        Run run = boot(dir);

        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("patches moto.rds.models.RDSBackend.restore_db_cluster_from_snapshot, which moto 9.9.0 "
                + "does not have: install moto[server]>=5.1,<5.3"), run.output());
    }

    @Test
    void saysWhatToInstallWithoutMoto(@TempDir Path dir) throws Exception {
        // As an uninstalled moto: its import fails.
        write(dir, "moto/__init__.py", "raise ImportError(\"No module named 'moto'\")\n");

        Run run = boot(dir);

        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("needs moto's server: install moto[server]>=5.1,<5.3"), run.output());
    }

    private record Run(int exit, String output) {
    }

    /** The boot script as MotoServer runs it, with {@code dir} first on Python's module path. */
    private static Run boot(Path dir) throws Exception {
        Path script = dir.resolve("moto_server.py");
        try (InputStream in = MotoServer.class.getResourceAsStream("moto_server.py")) {
            Files.write(script, in.readAllBytes());
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(System.getenv().getOrDefault("AURORA_ECHO_PYTHON", "python3"),
                script.toString(), "-p", "0")).redirectErrorStream(true);
        builder.environment().put("PYTHONPATH", dir.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        return new Run(process.exitValue(), output);
    }

    private static void write(Path dir, String file, String text) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
