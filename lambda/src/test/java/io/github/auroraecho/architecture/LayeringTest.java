package io.github.auroraecho.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-way rule of the packages (handlers and CLI, then stages, then AWS gateways, then the model), read
 * from the sources: each package-info says which packages it may use, and every reference to a package of
 * the project, imported or written out in full, must be one of those.
 */
class LayeringTest {
    private static final Path SOURCES = Path.of("src/main/java/io/github/auroraecho");
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.github\\.auroraecho\\.([a-z]+)\\.");
    private static final Pattern MAY_USE = Pattern.compile("<p>May use: ([^\\n]*)");
    private static final Pattern CODE = Pattern.compile("\\{@code ([a-z]+)}");

    @Test
    void everyPackageUsesOnlyWhatItsPackageInfoAllows() throws IOException {
        List<String> broken = new ArrayList<>();
        for (String own : packages()) {
            Set<String> allowed = allowed(own);
            try (Stream<Path> files = Files.list(SOURCES.resolve(own))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher uses = REFERENCE.matcher(Files.readString(file));
                    while (uses.find()) {
                        if (!uses.group(1).equals(own) && !allowed.contains(uses.group(1))) {
                            broken.add(file.getFileName() + " (" + own + ") uses " + uses.group(1));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void theModelAndTheGatewaysUseNothingAboveThem() throws IOException {
        assertEquals(Set.of(), allowed("lifecycle"));
        assertEquals(Set.of("lifecycle"), allowed("aws"));
        assertEquals(Set.of("aws", "lifecycle"), allowed("stages"));
    }

    private static Set<String> packages() throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            dirs.filter(Files::isDirectory).forEach(dir -> packages.add(dir.getFileName().toString()));
        }
        return packages;
    }

    /** The packages named in the package-info's "May use:" line. */
    private static Set<String> allowed(String name) throws IOException {
        Path info = SOURCES.resolve(name).resolve("package-info.java");
        assertTrue(Files.exists(info), info + " is missing: say what the package is for and what it may use");
        Matcher line = MAY_USE.matcher(Files.readString(info));
        assertTrue(line.find(), info + " has no \"<p>May use: ...\" line");
        Set<String> allowed = new TreeSet<>();
        Matcher code = CODE.matcher(line.group(1));
        while (code.find()) {
            allowed.add(code.group(1));
        }
        return allowed;
    }
}
