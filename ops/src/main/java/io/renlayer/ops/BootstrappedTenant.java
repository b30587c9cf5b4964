package io.renlayer.ops;

import java.util.List;
import java.util.Optional;

/**
 * The tenant and owner that {@code api-service bootstrap} ensures exist, read from its output lines: the local
 * stack's demo tenant, or a test's.
 */
public record BootstrappedTenant(String id, String ownerEmail) {

    static final String DEMO_NAME = "Demo";
    static final String DEMO_OWNER_EMAIL = "owner@demo.local";
    /** The named upstream of a bootstrapped tenant for the local mock: agents call {@code <proxy>/mock/v1/...}. */
    public static final String MOCK_UPSTREAM = "mock";

    public static Optional<BootstrappedTenant> parse(List<String> output) {
        Optional<String> id = value(output, "tenant_id=");
        Optional<String> email = value(output, "owner_email=");
        return id.isPresent() && email.isPresent()
                ? Optional.of(new BootstrappedTenant(id.get(), email.get())) : Optional.empty();
    }

    private static Optional<String> value(List<String> output, String prefix) {
        return output.stream()
                .map(String::strip)
                .filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()).strip())
                .filter(value -> !value.isEmpty())
                .reduce((first, last) -> last);
    }
}
