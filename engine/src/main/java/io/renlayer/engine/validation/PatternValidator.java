package io.renlayer.engine.validation;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.renlayer.schemas.config.CustomPattern;

import java.util.List;

/** Checks a custom DLP pattern before the API stores it. Never throws for bad input: it lists what is wrong. */
public final class PatternValidator {

    static final int MAX_REGEX_LENGTH = 1000;
    /** Text with word boundaries, line ends and mixed classes, where zero-width-only patterns match. */
    private static final String EMPTY_MATCH_PROBE = "a 0\n_B.";

    public static List<Violation> validate(CustomPattern pattern) {
        Violations violations = new Violations();
        violations.requireText("name", pattern.name(), 1, 200);
        violations.requirePresent("action", pattern.action());
        String problem = regexProblem(pattern.regex());
        if (problem != null) {
            violations.add("regex", problem);
        }
        return violations.toList();
    }

    /** Why {@code regex} cannot be a DLP pattern, or null when it can. */
    public static String regexProblem(String regex) {
        if (regex == null || regex.isEmpty()) {
            return "is required";
        }
        if (regex.length() > MAX_REGEX_LENGTH) {
            return "must be at most " + MAX_REGEX_LENGTH + " characters";
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return "is not a valid RE2 regular expression: " + e.getMessage();
        }
        return matchesEmpty(compiled) ? "must not match the empty string (it would match everywhere)" : null;
    }

    private static boolean matchesEmpty(Pattern pattern) {
        if (pattern.matcher("").find()) {
            return true;
        }
        Matcher probe = pattern.matcher(EMPTY_MATCH_PROBE);
        while (probe.find()) {
            if (probe.start() == probe.end()) {
                return true;
            }
        }
        return false;
    }

    private PatternValidator() {
    }
}
