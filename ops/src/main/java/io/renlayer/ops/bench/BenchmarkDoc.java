package io.renlayer.ops.bench;

import io.renlayer.ops.stack.ServiceJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one {@code ## } section of docs/benchmarks.md and leaves the rest of the file as it is: other
 * benchmarks (the DLP engine's) own their sections of the same file. The section runs from its heading to
 * the next {@code ## } heading; a missing section is put before the first other one.
 */
final class BenchmarkDoc {

    private static final String TITLE = "# Benchmarks";

    private BenchmarkDoc() {
    }

    /** @param section the whole section, starting with its {@code ## } heading line */
    static void replaceSection(Path file, String section) throws IOException {
        String heading = section.lines().findFirst().orElseThrow();
        List<String> lines = Files.exists(file)
                ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
                : new ArrayList<>(List.of(TITLE, ""));
        int start = lines.indexOf(heading);
        int end;
        if (start >= 0) {
            end = start + 1;
            while (end < lines.size() && !lines.get(end).startsWith("## ")) {
                end++;
            }
            lines.subList(start, end).clear();
        } else {
            start = 0;
            while (start < lines.size() && !lines.get(start).startsWith("## ")) {
                start++;
            }
        }
        List<String> replacement = new ArrayList<>(section.strip().lines().toList());
        if (start < lines.size()) {
            replacement.add(""); // a blank line before the next section
        } else if (start > 0 && !lines.get(start - 1).isBlank()) {
            replacement.add(0, "");
        }
        lines.addAll(start, replacement);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    /** docs/benchmarks.md of the checkout whose proxy is measured. */
    static Path defaultFile() {
        return ServiceJvm.repositoryRoot().resolve("docs").resolve("benchmarks.md");
    }
}
