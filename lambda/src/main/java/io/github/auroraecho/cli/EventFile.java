package io.github.auroraecho.cli;

import io.github.auroraecho.lifecycle.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The document of {@code --event FILE} ({@code -} is stdin), read only up to a size no lifecycle document
 * reaches: a mistaken file (a dump, a log) is refused before it is read whole, rather than ending in an
 * {@code OutOfMemoryError}. The functions never get more than 256 KB anyway (Lambda quotas, "Invocation payload
 * ... 256 KB (asynchronous)", https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).
 */
final class EventFile {
    static final int MAX_BYTES = 1024 * 1024;

    private EventFile() {
    }

    static String read(String event, InputStream stdin) {
        try {
            // stdin is not closed: it belongs to the process.
            byte[] bytes = "-".equals(event) ? stdin.readNBytes(MAX_BYTES + 1) : readFile(Path.of(event));
            if (bytes.length > MAX_BYTES) {
                throw new InvalidInputException("--event " + event + " is larger than 1 MiB (" + MAX_BYTES
                        + " bytes), the most a lifecycle document may be");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("--event: no such file " + event);
        } catch (InvalidPathException e) {
            throw new InvalidInputException("--event: not a file path: " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidInputException("--event: cannot read " + event + ": " + e.getMessage());
        }
    }

    private static byte[] readFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(MAX_BYTES + 1);
        }
    }
}
