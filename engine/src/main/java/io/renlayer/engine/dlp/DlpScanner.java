package io.renlayer.engine.dlp;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.renlayer.schemas.config.AllowList;
import io.renlayer.schemas.config.CustomPattern;
import io.renlayer.schemas.config.DetectorSetting;
import io.renlayer.schemas.config.DlpAction;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.schemas.events.DlpFinding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A tenant's DLP configuration compiled once (detector settings, RE2/J patterns, allow lists) and then used
 * for any number of scans, concurrently: it is immutable.
 */
public final class DlpScanner {

    private final List<ActiveDetector> detectors;
    private final AllowListIndex allowList;

    private DlpScanner(List<ActiveDetector> detectors, AllowListIndex allowList) {
        this.detectors = detectors;
        this.allowList = allowList;
    }

    public static DlpScanner compile(TenantConfigSnapshot snapshot) {
        return compile(snapshot.detectors(), snapshot.patterns(), snapshot.allowLists());
    }

    /**
     * @param settings   per-tenant detector settings; a built-in detector without one keeps its defaults,
     *                   settings for unknown ids are ignored
     * @param patterns   custom patterns; disabled ones are skipped
     * @throws IllegalArgumentException when an enabled pattern is not valid RE2 (the API validates patterns
     *                                  before storing them, so this means a corrupt snapshot: fail closed)
     */
    public static DlpScanner compile(List<DetectorSetting> settings, List<CustomPattern> patterns,
                                     List<AllowList> allowLists) {
        Map<String, DetectorSetting> settingById = orEmpty(settings).stream()
                .collect(Collectors.toMap(DetectorSetting::id, Function.identity(), (first, second) -> second));
        List<ActiveDetector> active = new ArrayList<>();
        for (BuiltInDetector builtIn : DetectorCatalogue.all()) {
            DetectorSetting setting = settingById.getOrDefault(builtIn.id(), builtIn.defaultSetting());
            if (setting.enabled()) {
                DlpAction action = Objects.requireNonNullElse(setting.action(), builtIn.defaultAction());
                active.add(new ActiveDetector(builtIn.id(), builtIn.name(), action, builtIn.fallback(),
                        builtIn.detector()));
            }
        }
        for (CustomPattern pattern : orEmpty(patterns)) {
            if (pattern.enabled()) {
                active.add(new ActiveDetector(pattern.id(), pattern.name(), pattern.action(), false,
                        new Re2PatternDetector(compileRe2(pattern))));
            }
        }
        return new DlpScanner(List.copyOf(active), AllowListIndex.of(orEmpty(allowLists)));
    }

    /**
     * Scans a body; JSON bodies value by value (locations are JSON pointers), anything else as text. Redaction
     * edits are worked out during the same walk, so a body is parsed once.
     */
    public DlpResult scan(byte[] body) {
        List<SegmentScan> scans = BodySegments.collect(body, (segment, out) -> scanSegment(body, segment, out));
        List<DlpFinding> findings = scans.stream().flatMap(scan -> scan.findings().stream()).toList();
        byte[] forwarded = Redactor.apply(body, scans.stream().flatMap(scan -> scan.redactions().stream()).toList());
        boolean blocked = findings.stream().anyMatch(f -> f.action() == DlpAction.BLOCK);
        return new DlpResult(blocked, findings, forwarded, forwarded != body);
    }

    /** {@link #scan(byte[])} for a body held as text, e.g. the API's dry run; it is scanned as UTF-8. */
    public DlpResult scan(String body) {
        return scan(body.getBytes(StandardCharsets.UTF_8));
    }

    /** A scanner for one response read as it streams; see {@link StreamingDlpScanner} for what it catches. */
    public StreamingDlpScanner newStreamScanner() {
        return newStreamScanner(StreamingDlpScanner.DEFAULT_MAX_HOLD_BYTES);
    }

    /** @param maxHoldBytes the most a stream is held back while a match could still be forming */
    public StreamingDlpScanner newStreamScanner(int maxHoldBytes) {
        return new StreamingDlpScanner(detectors, allowList, maxHoldBytes);
    }

    private record SegmentScan(List<DlpFinding> findings, List<Redactor.Edit> redactions) {
    }

    private void scanSegment(byte[] body, Segment segment, List<SegmentScan> out) {
        ScanText text = new ScanText(segment.text(), segment.fieldName());
        SegmentFindings segmentFindings = new SegmentFindings(text, allowList);
        segmentFindings.runAll(detectors);
        List<DlpFinding> findings = segmentFindings.findings(segment);
        if (!findings.isEmpty()) {
            List<DlpFinding> toRedact = findings.stream().filter(f -> f.action() == DlpAction.REDACT).toList();
            out.add(new SegmentScan(findings, Redactor.edits(body, segment, toRedact)));
        }
    }

    private static Pattern compileRe2(CustomPattern pattern) {
        try {
            return Pattern.compile(pattern.regex());
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern " + pattern.id() + " is not valid RE2: " + e.getMessage(), e);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
