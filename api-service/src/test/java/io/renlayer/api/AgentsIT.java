package io.renlayer.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.renlayer.api.auth.Role;
import io.renlayer.api.testing.TestStack;
import io.renlayer.api.testing.TestTenant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("integration")
class AgentsIT {

    private final TestTenant tenant = TestStack.get().app().newTenant();

    @Test
    void agentLifecycle() {
        JsonNode created = tenant.admin().post(tenant.path("/agents"),
                Map.of("name", "support-bot", "description", "answers tickets")).expect(201).json();
        String id = created.get("id").asText();
        assertThat(id).startsWith("agent_");
        assertThat(created.get("enabled").asBoolean()).isTrue();
        assertThat(created.get("tenant_id").asText()).isEqualTo(tenant.id);

        assertThat(tenant.as(Role.VIEWER).get(tenant.path("/agents/" + id)).expect(200).json().get("name").asText())
                .isEqualTo("support-bot");

        JsonNode patched = tenant.admin().patch(tenant.path("/agents/" + id), Map.of("enabled", false)).expect(200).json();
        assertThat(patched.get("enabled").asBoolean()).isFalse();
        assertThat(patched.get("name").asText()).as("untouched by the patch").isEqualTo("support-bot");

        JsonNode list = tenant.admin().get(tenant.path("/agents")).expect(200).json();
        assertThat(list.get("data")).hasSize(1);
        assertThat(list.has("next_cursor")).isTrue();
        assertThat(list.get("next_cursor").isNull()).isTrue();

        tenant.admin().delete(tenant.path("/agents/" + id)).expect(204);
        tenant.admin().get(tenant.path("/agents/" + id)).expect(404);
    }
}
