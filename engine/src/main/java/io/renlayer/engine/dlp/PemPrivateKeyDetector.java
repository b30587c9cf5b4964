package io.renlayer.engine.dlp;

import java.util.List;

import static io.renlayer.engine.dlp.Prefilter.Anchor.LITERAL;

/**
 * PEM private keys of any kind ({@code RSA}, {@code EC}, {@code OPENSSH}, {@code ENCRYPTED}, PKCS#8): from the
 * {@code -----BEGIN … PRIVATE KEY-----} line to the matching END line. A key pasted without its END line still
 * leaks, so the match then runs over the base64 lines that follow.
 */
final class PemPrivateKeyDetector implements TextDetector {

    private static final String BEGIN = "-----BEGIN ";
    private static final String DASHES = "-----";
    private static final String LABEL_SUFFIX = "PRIVATE KEY";
    private static final int MAX_LABEL = 40;

    @Override
    public List<String> literals() {
        return List.of(BEGIN);
    }

    @Override
    public void detect(ScanText text, MatchSink sink) {
        scan(text, sink);
    }

    /** A BEGIN line not finished yet, or a key whose END line has not come: it may come at any distance. */
    @Override
    public int holdFrom(ScanText text) {
        return Math.min(scan(text, (start, end) -> { }), TrailingRun.partialLiteral(text.text(), BEGIN));
    }

    /** Reports the keys; returns where the first one that more text could still change begins, or the length. */
    private static int scan(ScanText text, MatchSink sink) {
        String s = text.text();
        Prefilter anchors = text.prefilter();
        int open = s.length();
        int from = 0;
        for (int a = 0; a < anchors.count(LITERAL); a++) {
            int at = anchors.at(LITERAL, a);
            if (at < from || !s.startsWith(BEGIN, at)) {
                continue;
            }
            int labelStart = at + BEGIN.length();
            int labelEnd = s.indexOf(DASHES, labelStart);
            if (labelEnd < 0 && s.length() - labelStart < MAX_LABEL + DASHES.length()) {
                open = Math.min(open, at);
            }
            if (labelEnd < 0 || labelEnd - labelStart > MAX_LABEL || !isPrivateKeyLabel(s, labelStart, labelEnd)) {
                continue;
            }
            int headerEnd = labelEnd + DASHES.length();
            String footer = "-----END " + s.substring(labelStart, labelEnd) + DASHES;
            int footerAt = s.indexOf(footer, headerEnd);
            if (footerAt < 0) {
                open = Math.min(open, at);
            }
            int end = footerAt >= 0 ? footerAt + footer.length() : endOfBase64Body(s, headerEnd);
            sink.match(at, end);
            from = end;
        }
        return open;
    }

    private static boolean isPrivateKeyLabel(String s, int start, int end) {
        if (!s.startsWith(LABEL_SUFFIX, end - LABEL_SUFFIX.length()) || end - LABEL_SUFFIX.length() < start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (!(Chars.isUpper(c) || Chars.isDigit(c) || c == ' ')) {
                return false;
            }
        }
        return true;
    }

    private static int endOfBase64Body(String s, int from) {
        int end = from;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Chars.isAlnum(c) || c == '+' || c == '/' || c == '=') {
                end = i + 1;
            } else if (c != '\n' && c != '\r') {
                break;
            }
        }
        return end;
    }
}
