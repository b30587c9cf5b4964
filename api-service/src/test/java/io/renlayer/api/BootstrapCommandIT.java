package io.renlayer.api;

import io.renlayer.api.auth.Role;
import io.renlayer.api.core.User;
import io.renlayer.api.db.UserDao;
import io.renlayer.api.testing.TestStack;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's {@code bootstrap} command, run as a user runs it (same CLI, same config.yml); the
 * {@code dw.*} overrides of the shared test server point it at the test database.
 */
@Tag("integration")
class BootstrapCommandIT {

    private final TestStack.App app = TestStack.get().app();

    @Test
    void createsATenantWithItsOwnerOnceAndReportsItAfterwards() throws Exception {
        String email = "Boot-" + UUID.randomUUID().toString().substring(0, 8) + "@Example.com";

        String first = bootstrap("Acme", email);
        assertThat(first).contains("created tenant");
        String tenantId = value(first, "tenant_id");
        assertThat(tenantId).startsWith("tenant_");
        assertThat(value(first, "owner_email")).isEqualTo(email.toLowerCase());

        User owner = app.services().jdbi().withExtension(UserDao.class, u -> u.findByEmail(email)).orElseThrow();
        assertThat(owner.tenantId()).isEqualTo(tenantId);
        assertThat(owner.role()).isEqualTo(Role.OWNER);
        String token = app.services().tokens().issue(owner.id(), tenantId);
        assertThat(app.client().withToken(token).get("/v1/tenants/" + tenantId).expect(200).json()
                .get("name").asText()).isEqualTo("Acme");

        String again = bootstrap("Acme", email);
        assertThat(again).contains("exists tenant");
        assertThat(value(again, "tenant_id")).isEqualTo(tenantId);
    }

    private static String bootstrap(String name, String email) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            new ApiApplication().run("bootstrap", "config.yml", "--tenant-name", name, "--owner-email", email);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static String value(String output, String key) {
        return output.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no " + key + "= in: " + output));
    }
}
