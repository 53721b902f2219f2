package io.github.auroraecho.docs;

import io.github.auroraecho.testing.MarkdownPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every relative link in README.md and docs/*.md points at a file that exists and, with #anchor, at a heading. */
class DocLinksTest {
    private static final Pattern EXTERNAL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    @Test
    void everyRelativeLinkResolves() {
        assertEquals(List.of(), brokenLinks(MarkdownPage.REPOSITORY));
    }

    @Test
    void aMissingFileAndAMissingHeadingAreReported(@TempDir Path repository) throws IOException {
        Files.createDirectories(repository.resolve("docs"));
        Files.writeString(repository.resolve("README.md"), """
                # Tool
                [ops](docs/ops.md#status-every-lifecycle-at-a-glance) [gone](docs/gone.md)
                [typo](docs/ops.md#status-every-lifecycle) `[not a link](nowhere.md)`
                ```
                [in code](nowhere.md)
                ```
                """);
        Files.writeString(repository.resolve("docs/ops.md"), """
                # Operations
                ## `status`: every lifecycle at a glance
                [back](../README.md#tool) [here](#operations) [site](https://example.com/x.md)
                """);
        assertEquals(List.of(
                        "README.md: docs/gone.md: no such file",
                        "README.md: docs/ops.md#status-every-lifecycle: no such heading in docs/ops.md"),
                brokenLinks(repository));
    }

    private static List<String> brokenLinks(Path checkout) {
        Path repository = checkout.toAbsolutePath().normalize();
        List<String> broken = new ArrayList<>();
        for (MarkdownPage page : MarkdownPage.documentation(repository)) {
            Path root = page.file().getParent();
            for (String link : page.links()) {
                if (EXTERNAL.matcher(link).find()) {
                    continue;
                }
                int hash = link.indexOf('#');
                String path = hash < 0 ? link : link.substring(0, hash);
                Path target = path.isEmpty() ? page.file() : root.resolve(URLDecoder.decode(path, StandardCharsets.UTF_8)).normalize();
                String where = repository.relativize(page.file()) + ": " + link + ": ";
                if (!Files.exists(target)) {
                    broken.add(where + "no such file");
                } else if (hash >= 0 && !MarkdownPage.read(target).anchors().contains(link.substring(hash + 1))) {
                    broken.add(where + "no such heading in " + repository.relativize(target));
                }
            }
        }
        return broken;
    }
}
