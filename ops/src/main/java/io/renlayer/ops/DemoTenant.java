package io.renlayer.ops;

import java.util.List;
import java.util.Optional;

/** The tenant and owner that {@code api-service bootstrap} ensures exist, read from its output lines. */
record DemoTenant(String id, String ownerEmail) {

    static final String NAME = "Demo";
    static final String OWNER_EMAIL = "owner@demo.local";
    /** The demo tenant's named upstream for the local mock: agents call {@code <proxy>/mock/v1/...}. */
    static final String MOCK_UPSTREAM = "mock";

    static Optional<DemoTenant> parse(List<String> output) {
        Optional<String> id = value(output, "tenant_id=");
        Optional<String> email = value(output, "owner_email=");
        return id.isPresent() && email.isPresent() ? Optional.of(new DemoTenant(id.get(), email.get())) : Optional.empty();
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
