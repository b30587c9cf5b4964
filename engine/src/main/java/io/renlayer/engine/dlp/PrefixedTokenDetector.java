package io.renlayer.engine.dlp;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials whose format begins with a fixed literal ({@code AKIA}, {@code ghp_}, {@code xoxb-}…). A plain
 * {@code indexOf} on the literal is the prefilter (vectorised by the JDK), and the full-shape regex only runs
 * where a literal occurs, anchored there. Shapes use bounded quantifiers, so a failed attempt stays cheap.
 */
final class PrefixedTokenDetector implements TextDetector {

    private final List<String> prefixes;
    private final Pattern shape;
    private final Predicate<String> check;

    /**
     * @param prefixes literals every token starts with; the fewer and longer the better, as each is one pass
     *                 over the text (one shared prefix such as {@code gh} can serve several token kinds)
     * @param shape    the whole token, starting with one of {@code prefixes}; it should end with a negative
     *                 lookahead so that a longer token is not cut short
     * @param check    a last validation of the matched token (e.g. decoding a JWT header)
     */
    PrefixedTokenDetector(List<String> prefixes, String shape, Predicate<String> check) {
        this.prefixes = List.copyOf(prefixes);
        this.shape = Pattern.compile(shape);
        this.check = check;
    }

    PrefixedTokenDetector(List<String> prefixes, String shape) {
        this(prefixes, shape, token -> true);
    }

    @Override
    public void detect(ScanText text, MatchSink sink) {
        String s = text.text();
        Matcher matcher = null;
        for (String prefix : prefixes) {
            for (int at = s.indexOf(prefix); at >= 0; at = s.indexOf(prefix, at + 1)) {
                if (at > 0 && Chars.isAlnum(s.charAt(at - 1))) {
                    continue;
                }
                if (matcher == null) {
                    matcher = shape.matcher(s);
                }
                matcher.region(at, s.length());
                if (matcher.lookingAt() && check.test(matcher.group())) {
                    sink.match(at, matcher.end());
                    at = matcher.end() - 1;
                }
            }
        }
    }
}
