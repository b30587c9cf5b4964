package io.renlayer.engine.dlp;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.renlayer.engine.dlp.Prefilter.Anchor.LITERAL;

/**
 * Credentials whose format begins with a fixed literal ({@code AKIA}, {@code ghp_}, {@code xoxb-}…). The
 * {@link Prefilter} finds where the literals occur, and the full-shape regex only runs there, anchored. Shapes
 * use bounded quantifiers, so a failed attempt stays cheap.
 */
final class PrefixedTokenDetector implements TextDetector {

    private final List<String> prefixes;
    private final Pattern shape;
    private final Predicate<String> check;

    /**
     * @param prefixes literals every token starts with, two characters or more; the rarer their first two
     *                 characters, the fewer places the prefilter compares the rest
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
    public List<String> literals() {
        return prefixes;
    }

    @Override
    public void detect(ScanText text, MatchSink sink) {
        scan(text, sink);
    }

    /**
     * A token the regex read up to the end of the text ({@link Matcher#hitEnd()}: more characters could make,
     * lengthen or, past its maximum length, unmake it), or the first characters of a prefix ending the text.
     */
    @Override
    public int holdFrom(ScanText text) {
        String s = text.text();
        int hold = scan(text, (start, end) -> { });
        for (String prefix : prefixes) {
            int partial = TrailingRun.partialLiteral(s, prefix);
            if (partial < hold && startsToken(s, partial)) {
                hold = partial;
            }
        }
        return hold;
    }

    /** Reports the tokens; returns where the first one that more text could still change begins, or the length. */
    private int scan(ScanText text, MatchSink sink) {
        String s = text.text();
        Prefilter anchors = text.prefilter();
        Matcher matcher = null;
        int open = s.length();
        int from = 0;
        for (int a = 0; a < anchors.count(LITERAL); a++) {
            int at = anchors.at(LITERAL, a);
            if (at < from || !startsWithPrefix(s, at) || !startsToken(s, at)) {
                continue;
            }
            if (matcher == null) {
                matcher = shape.matcher(s);
            }
            matcher.region(at, s.length());
            boolean found = matcher.lookingAt();
            if (matcher.hitEnd()) {
                open = Math.min(open, at);
            }
            if (found && check.test(matcher.group())) {
                sink.match(at, matcher.end());
                from = matcher.end();
            }
        }
        return open;
    }

    private boolean startsWithPrefix(String s, int at) {
        for (String prefix : prefixes) {
            if (s.startsWith(prefix, at)) {
                return true;
            }
        }
        return false;
    }

    /** Not the tail of a longer word or token. */
    private static boolean startsToken(String s, int at) {
        return at == 0 || !Chars.isAlnum(s.charAt(at - 1));
    }
}
