package io.github.auroraecho.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * moto's AWS emulator in a child process on a free loopback port, for the demo and the tests. It runs
 * through a small boot script that makes moto as strict as AWS documents where aurora-echo relies on it.
 */
public final class MotoServer implements AutoCloseable {
    public static final String INSTALL_HINT = "moto's server is needed: bin/demo and bin/test install it into .venv "
            + "(or set AURORA_ECHO_PYTHON to a python3 that has it)";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI endpoint;
    private final Path script;
    private final Path log;
    private final Thread stopOnExit;

    private MotoServer(Process process, URI endpoint, Path script, Path log, Thread stopOnExit) {
        this.process = process;
        this.endpoint = endpoint;
        this.script = script;
        this.log = log;
        this.stopOnExit = stopOnExit;
    }

    /**
     * As AWS does: a restored or cloned cluster is {@code creating} in its restore response, and refuses
     * {@code CreateDBInstance} until a describe has shown it {@code available} (the boot script's
     * {@code --creating-describes}).
     */
    public static final int STRICT_CREATING_DESCRIBES = 0;

    /**
     * @param creatingDescribes how many DescribeDBClusters answers still show a restored or cloned cluster
     *                          {@code creating} (each stands for the minutes a restore takes on AWS), during
     *                          which it refuses {@code CreateDBInstance}; -1 for moto's own behaviour
     */
    public static MotoServer start(int creatingDescribes) {
        try {
            Path script = Files.createTempFile("aurora-echo-moto", ".py");
            try (InputStream in = MotoServer.class.getResourceAsStream("moto_server.py")) {
                Files.write(script, in.readAllBytes());
            }
            Path log = Files.createTempFile("aurora-echo-moto", ".log");
            int port = freePort();
            String python = System.getenv().getOrDefault("AURORA_ECHO_PYTHON", "python3");
            // Ctrl-C and kill run shutdown hooks, not finally blocks: the hook is in place before the child
            // exists, so no moment is left in which the JVM could end and leave the emulator running.
            ExitGuard stopOnExit = new ExitGuard();
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            Process process;
            try {
                process = stopOnExit.start(new ProcessBuilder(
                        List.of(python, script.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port),
                                "--creating-describes", Integer.toString(creatingDescribes)))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile()));
            } catch (IOException e) {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
                throw new IllegalStateException("cannot run " + python + ": " + INSTALL_HINT, e);
            }
            MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port), script, log, stopOnExit);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Forgets every resource, so each test starts from an empty account. */
    public void reset() {
        reset(endpoint);
    }

    /** moto's reset API; false where the endpoint has none (another emulator, or AWS). */
    public static boolean reset(URI endpoint) {
        return post(endpoint, "/moto-api/reset", null);
    }

    /**
     * Changes, for clusters restored or cloned from now on, how many describes show them {@code creating};
     * false where the endpoint has no such setting (another emulator, or AWS).
     */
    public static boolean creatingDescribes(URI endpoint, int describes) {
        return post(endpoint, "/moto-api/aurora-echo/creating-describes", "{\"describes\": " + describes + "}");
    }

    /**
     * Sets the account's RDS quotas the boot script enforces, as a JSON object such as {@code {"clusters": 40}}
     * ({@code clusters}, {@code instances}, {@code manualClusterSnapshots}); {@code {}} for none.
     */
    public static boolean quotas(URI endpoint, String json) {
        return post(endpoint, "/moto-api/aurora-echo/quotas", json);
    }

    /**
     * From now on the RDS Data API answers the statement, on any cluster, with these rows (each a list of
     * columns: Long, Double, String, Boolean or null), as AWS answers a query; {@code null} rows give it moto's
     * answer again (no rows). moto's reset forgets every answer. False where the endpoint has no such setting.
     */
    public static boolean dataApiAnswer(URI endpoint, String sql, List<List<Object>> rows) {
        ObjectNode answer = JSON.createObjectNode().put("sql", sql);
        answer.set("rows", JSON.valueToTree(rows));
        return post(endpoint, "/moto-api/aurora-echo/data-api-answers", answer.toString());
    }

    private static boolean post(URI endpoint, String path, String json) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve(path).toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(30000);
            if (json != null) {
                connection.setDoOutput(true);
                connection.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
            }
            int status = connection.getResponseCode();
            connection.disconnect();
            return status == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitReady() throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                String output = Files.readString(log, StandardCharsets.UTF_8);
                close();
                throw new IllegalStateException(output.contains("ModuleNotFoundError") || output.contains("No module named")
                        ? INSTALL_HINT + "\n" + output.strip()
                        : "moto's server stopped at start:\n" + output.strip());
            }
            if (respond()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("moto's server did not answer on " + endpoint + " within " + START_TIMEOUT);
    }

    private boolean respond() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/data.json").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(5000);
            boolean ok = connection.getResponseCode() == 200;
            connection.disconnect();
            return ok;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        terminate(process);
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook is stopping the emulator.
        }
        try {
            Files.deleteIfExists(script);
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // Temp files; the OS cleans them up.
        }
    }

    /** The shutdown hook: stops the child, or keeps it from starting once the JVM is on its way out. */
    private static final class ExitGuard extends Thread {
        private Process process;
        private boolean exiting;

        ExitGuard() {
            super("aurora-echo-stop-moto");
        }

        synchronized Process start(ProcessBuilder builder) throws IOException {
            if (exiting) {
                throw new IllegalStateException("the JVM is exiting: moto's server was not started");
            }
            process = builder.start();
            return process;
        }

        @Override
        public void run() {
            Process started;
            synchronized (this) {
                exiting = true;
                started = process;
            }
            if (started != null) {
                terminate(started);
            }
        }
    }

    private static void terminate(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
