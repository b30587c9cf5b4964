package io.renlayer.engine.dlp;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.renlayer.schemas.events.DlpFinding;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Replaces findings in a body with typed placeholders ({@code [REDACTED:payment_card]}), changing no other byte.
 * Inside a JSON string the placeholder is written JSON-escaped, so the document stays valid; a number value that
 * holds a finding is replaced as a whole by the placeholder as a string.
 */
public final class Redactor {

    /** Replace bytes {@code [start, end)} of the body with {@code replacement}. */
    record Edit(int start, int end, byte[] replacement) {
    }

    private record Range(int start, int end, String name) {
    }

    /**
     * Redacts every given finding, whatever its action; pass the REDACT ones for the body to forward, or all of
     * them for a body safe to capture. Findings must come from scanning this same body. Returns {@code body}
     * itself when there is nothing to replace.
     */
    public static byte[] redact(byte[] body, List<DlpFinding> findings) {
        if (findings.isEmpty()) {
            return body;
        }
        Map<String, List<DlpFinding>> byLocation = findings.stream()
                .collect(Collectors.groupingBy(DlpFinding::location));
        List<Edit> edits = BodySegments.collect(body, (segment, out) -> {
            List<DlpFinding> here = byLocation.get(segment.location());
            if (here != null) {
                out.addAll(edits(body, segment, here));
            }
        });
        return apply(body, edits);
    }

    /** The edits that redact {@code findings}, all of which lie in {@code segment}. */
    static List<Edit> edits(byte[] body, Segment segment, List<DlpFinding> findings) {
        List<Range> ranges = merge(findings, segment.text().length());
        if (ranges.isEmpty()) {
            return List.of();
        }
        if (segment.kind() == Segment.Kind.JSON_NUMBER) {
            byte[] quoted = ("\"" + jsonEscaped(ranges.getFirst().name()) + "\"").getBytes(StandardCharsets.UTF_8);
            return List.of(new Edit(segment.rawStart(), segment.rawStart() + segment.text().length(), quoted));
        }
        List<Edit> edits = new ArrayList<>(ranges.size());
        RawCursor cursor = new RawCursor(body, segment);
        for (Range range : ranges) {
            int start = cursor.startOf(range.start());
            int end = cursor.endOf(range.end());
            String placeholder = segment.kind() == Segment.Kind.JSON_STRING
                    ? jsonEscaped(range.name())
                    : placeholder(range.name());
            edits.add(new Edit(start, end, placeholder.getBytes(StandardCharsets.UTF_8)));
        }
        return edits;
    }

    /**
     * Sorted, overlap-free ranges clipped to the text (a duplicated JSON key yields two values at one pointer).
     * Where findings overlap, the earliest and then longest one names the placeholder.
     */
    private static List<Range> merge(List<DlpFinding> findings, int textLength) {
        List<DlpFinding> sorted = findings.stream()
                .filter(f -> f.start() < Math.min(f.end(), textLength) && f.start() >= 0)
                .sorted(Comparator.comparingInt(DlpFinding::start)
                        .thenComparing(Comparator.comparingInt(DlpFinding::end).reversed()))
                .toList();
        List<Range> ranges = new ArrayList<>();
        for (DlpFinding finding : sorted) {
            int end = Math.min(finding.end(), textLength);
            Range last = ranges.isEmpty() ? null : ranges.getLast();
            if (last != null && finding.start() < last.end()) {
                ranges.set(ranges.size() - 1, new Range(last.start(), Math.max(last.end(), end), last.name()));
            } else {
                ranges.add(new Range(finding.start(), end, finding.detectorName()));
            }
        }
        return ranges;
    }

    private static String placeholder(String detectorName) {
        return "[REDACTED:" + detectorName + "]";
    }

    private static String jsonEscaped(String detectorName) {
        // Custom pattern names are tenant text and may hold quotes or backslashes.
        return new String(JsonStringEncoder.getInstance().quoteAsString(placeholder(detectorName)));
    }

    /** The body with the edits applied, or {@code body} itself when there are none. */
    static byte[] apply(byte[] body, List<Edit> edits) {
        return edits.isEmpty() ? body : apply(body, 0, body.length, edits);
    }

    /** Bytes {@code [from, to)} of the body with the edits, which all lie inside them, applied. */
    static byte[] apply(byte[] body, int from, int to, List<Edit> edits) {
        if (edits.isEmpty()) {
            return Arrays.copyOfRange(body, from, to);
        }
        List<Edit> ordered = edits.stream().sorted(Comparator.comparingInt(Edit::start)).toList();
        // Placeholders are often longer than what they replace: size for that, or the buffer grows by a copy.
        int added = ordered.stream().mapToInt(edit -> edit.replacement().length).sum();
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from + added);
        int copied = from;
        for (Edit edit : ordered) {
            out.write(body, copied, edit.start() - copied);
            out.writeBytes(edit.replacement());
            copied = edit.end();
        }
        out.write(body, copied, to - copied);
        return out.toByteArray();
    }

    private Redactor() {
    }
}
