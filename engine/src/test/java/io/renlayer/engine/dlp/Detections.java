package io.renlayer.engine.dlp;

import java.util.ArrayList;
import java.util.List;

/** Runs one built-in detector directly and returns the matched substrings, so tests can assert on values. */
final class Detections {

    static List<String> find(String detectorName, String text) {
        return find(detectorName, text, null);
    }

    static List<String> find(String detectorName, String text, String fieldName) {
        TextDetector detector = DetectorCatalogue.byName(detectorName).orElseThrow().detector();
        List<String> found = new ArrayList<>();
        detector.detect(new ScanText(text, fieldName), (start, end) -> found.add(text.substring(start, end)));
        return found;
    }

    private Detections() {
    }
}
