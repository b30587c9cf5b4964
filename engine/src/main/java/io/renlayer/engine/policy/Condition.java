package io.renlayer.engine.policy;

import io.renlayer.schemas.config.PolicyMatch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One compiled condition of a policy. Each listed header is a condition of its own (all listed headers must
 * match); every other condition holds when any of its values matches.
 */
@FunctionalInterface
interface Condition {

    boolean test(NormalizedRequest request);

    /** The conditions of {@code match}, cheapest first; none for an empty match, which matches everything. */
    static List<Condition> compile(PolicyMatch match) {
        List<Condition> conditions = new ArrayList<>();
        if (!match.agentIds().isEmpty()) {
            Set<String> agentIds = Set.copyOf(match.agentIds());
            conditions.add(r -> r.request().agentId() != null && agentIds.contains(r.request().agentId()));
        }
        if (!match.methods().isEmpty()) {
            Set<String> methods = match.methods().stream()
                    .map(m -> m.toUpperCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
            conditions.add(r -> methods.contains(r.method()));
        }
        if (!match.hosts().isEmpty()) {
            List<HostPattern> hosts = match.hosts().stream().map(HostPattern::of).toList();
            conditions.add(r -> hosts.stream().anyMatch(host -> host.matches(r.host())));
        }
        if (!match.pathGlobs().isEmpty()) {
            List<Glob> globs = match.pathGlobs().stream().map(Glob::path).toList();
            conditions.add(r -> globs.stream().anyMatch(glob -> glob.matches(r.path())));
        }
        match.headers().forEach((name, valueGlob) -> {
            String lowerCaseName = name.toLowerCase(Locale.ROOT);
            Glob glob = Glob.value(valueGlob);
            conditions.add(r -> r.request().headers().getOrDefault(lowerCaseName, List.of()).stream()
                    .anyMatch(glob::matches));
        });
        if (!match.bodyContains().isEmpty()) {
            List<byte[]> needles = match.bodyContains().stream()
                    .map(text -> text.getBytes(StandardCharsets.UTF_8))
                    .toList();
            conditions.add(r -> needles.stream().anyMatch(needle -> contains(r.request().body(), needle)));
        }
        return List.copyOf(conditions);
    }

    /** Substring search on the raw bytes, so a body is never decoded just to be matched. */
    private static boolean contains(byte[] haystack, byte[] needle) {
        if (needle.length == 0) {
            return true;
        }
        for (int i = 0, last = haystack.length - needle.length; i <= last; i++) {
            if (haystack[i] == needle[0] && Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
