package io.github.auroraecho.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Markdown page of the repository's documentation, split as GitHub renders it: prose (where links and
 * headings are) and fenced code blocks (where neither is).
 */
public record MarkdownPage(Path file, List<String> prose, List<String> code) {
    /** Surefire runs in the module directory, lambda/. */
    public static final Path REPOSITORY = Path.of("..");

    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    /** README.md and every page under docs/. */
    public static List<MarkdownPage> documentation(Path repository) {
        List<Path> files = new ArrayList<>(List.of(repository.resolve("README.md")));
        try (Stream<Path> docs = Files.list(repository.resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files.stream().map(MarkdownPage::read).toList();
    }

    public static MarkdownPage read(Path file) {
        try {
            return parse(file, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MarkdownPage parse(Path file, String text) {
        List<String> prose = new ArrayList<>();
        List<String> code = new ArrayList<>();
        boolean inCode = false;
        for (String line : text.split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                inCode = !inCode;
            } else {
                (inCode ? code : prose).add(line);
            }
        }
        return new MarkdownPage(file, List.copyOf(prose), List.copyOf(code));
    }

    /** Every link target in the prose, as written (inline code is not a link). */
    public List<String> links() {
        List<String> targets = new ArrayList<>();
        for (String line : prose) {
            Matcher link = LINK.matcher(INLINE_CODE.matcher(line).replaceAll("``"));
            while (link.find()) {
                targets.add(link.group(2));
            }
        }
        return targets;
    }

    /** The anchors GitHub gives the page's headings, with -1, -2... for repeated ones. */
    public Set<String> anchors() {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        }
        return anchors;
    }

    /** Every inline code span of the prose and every line of the code blocks: where commands are shown. */
    public List<String> codeText() {
        List<String> text = new ArrayList<>(code);
        for (String line : prose) {
            Matcher span = INLINE_CODE.matcher(line);
            while (span.find()) {
                text.add(span.group().substring(1, span.group().length() - 1));
            }
        }
        return text;
    }

    /**
     * GitHub's heading anchor: the rendered text (links become their text, code its content), lower case,
     * without punctuation other than hyphens and underscores, each space a hyphen.
     */
    static String slug(String heading) {
        String text = LINK.matcher(heading).replaceAll("$1").replace("`", "");
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
    }

    /**
     * The rows of the prose table whose header row is {@code header} (cells as written, trimmed, without the
     * separator row); empty when the page has no such table.
     */
    public List<List<String>> table(List<String> header) {
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : prose) {
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            List<String> cells = cells(line);
            if (!inTable) {
                inTable = cells.equals(header);
            } else if (!cells.stream().allMatch(cell -> cell.matches(":?-+:?"))) {
                rows.add(cells);
            }
        }
        return rows;
    }

    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        return java.util.Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }
}
