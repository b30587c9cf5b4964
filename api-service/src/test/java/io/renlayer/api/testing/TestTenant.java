package io.renlayer.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.renlayer.api.auth.Role;
import io.renlayer.api.auth.TokenService;

import java.util.EnumMap;
import java.util.Map;

/** A tenant of its own for one test, with a signed-in user of every role. */
public final class TestTenant {

    public final String id;
    private final ApiClient client;
    private final TokenService tokens;
    private final Map<Role, String> userIds = new EnumMap<>(Role.class);

    TestTenant(String id, ApiClient client, TokenService tokens) {
        this.id = id;
        this.client = client;
        this.tokens = tokens;
    }

    void addUser(Role role, String userId) {
        userIds.put(role, userId);
    }

    void invite(Role role, String email) {
        ApiClient.Reply reply = as(Role.OWNER).post(path("/users"), Map.of("email", email, "role", role.wire()));
        if (reply.status() != 201) {
            throw new IllegalStateException("invite failed: " + reply);
        }
        addUser(role, reply.json().get("id").asText());
    }

    public String userId(Role role) {
        return userIds.get(role);
    }

    public String token(Role role) {
        return tokens.issue(userIds.get(role), id);
    }

    /** A client signed in as this tenant's user of {@code role}. */
    public ApiClient as(Role role) {
        return client.withToken(token(role));
    }

    public ApiClient owner() {
        return as(Role.OWNER);
    }

    public ApiClient admin() {
        return as(Role.ADMIN);
    }

    /** {@code /v1/tenants/<id>} + {@code rest}. */
    public String path(String rest) {
        return "/v1/tenants/" + id + rest;
    }

    /** Creates an agent and returns its id. */
    public String createAgent(String name) {
        JsonNode agent = admin().post(path("/agents"), Map.of("name", name)).expect(201).json();
        return agent.get("id").asText();
    }
}
