package io.renlayer.engine.validation;

import io.renlayer.schemas.config.PolicyMatch;
import io.renlayer.schemas.config.PolicyRule;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a policy before the API stores it. Never throws for bad input: it lists what is wrong. */
public final class PolicyValidator {

    static final int MAX_PRIORITY = 1_000_000;
    static final int MAX_CONDITION_VALUES = 100;
    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");
    // RFC 9110 token characters.
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    public static List<Violation> validate(PolicyRule rule) {
        Violations violations = new Violations();
        violations.requireText("name", rule.name(), 1, 200);
        if (rule.priority() < 0 || rule.priority() > MAX_PRIORITY) {
            violations.add("priority", "must be between 0 and " + MAX_PRIORITY);
        }
        violations.requirePresent("action", rule.action());
        if (rule.reason() != null) {
            violations.checkLength("reason", rule.reason(), 0, 500);
        }
        if (rule.match() != null) {
            checkMatch(rule.match(), violations);
        }
        return violations.toList();
    }

    private static void checkMatch(PolicyMatch match, Violations violations) {
        violations.checkList("match.agent_ids", match.agentIds(), 0, MAX_CONDITION_VALUES, (field, id) -> {
            if (!TypedId.isValid(IdType.AGENT, id)) {
                violations.add(field, "must be an agent id (agent_ followed by a ULID)");
            }
        });
        violations.checkList("match.methods", match.methods(), 0, MAX_CONDITION_VALUES, (field, method) -> {
            if (!METHODS.contains(method.toUpperCase(Locale.ROOT))) {
                violations.add(field, "must be one of " + String.join(", ", METHODS.stream().sorted().toList()));
            }
        });
        violations.checkList("match.hosts", match.hosts(), 0, MAX_CONDITION_VALUES, (field, host) -> {
            if (!isHostPattern(host)) {
                violations.add(field, "must be a hostname, or *. followed by one (e.g. *.example.com)");
            }
        });
        violations.checkList("match.path_globs", match.pathGlobs(), 0, MAX_CONDITION_VALUES,
                (field, glob) -> checkPathGlob(field, glob, violations));
        if (match.headers().size() > MAX_CONDITION_VALUES) {
            violations.add("match.headers", "must have 0-" + MAX_CONDITION_VALUES + " entries");
        }
        match.headers().forEach((name, valueGlob) -> {
            if (!HEADER_NAME.matcher(name).matches()) {
                violations.add("match.headers." + name, "header name must be a non-empty HTTP token");
            }
            violations.checkLength("match.headers." + name, valueGlob, 0, 512);
        });
        violations.checkList("match.body_contains", match.bodyContains(), 0, MAX_CONDITION_VALUES,
                (field, text) -> violations.checkLength(field, text, 1, 1024));
    }

    private static void checkPathGlob(String field, String glob, Violations violations) {
        if (!glob.startsWith("/")) {
            violations.add(field, "must start with /");
        }
        violations.checkLength(field, glob, 1, 512);
        if (glob.contains("***")) {
            violations.add(field, "use * within a segment or ** across segments, not ***");
        }
        if (glob.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            violations.add(field, "must not contain whitespace or control characters");
        }
    }

    private static boolean isHostPattern(String host) {
        String name = host.startsWith("*.") ? host.substring(2) : host;
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!HOST_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private PolicyValidator() {
    }
}
