package io.renlayer.api.testing;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on RFC 9457 problem responses: status, media type and the stable {@code code} member. */
public final class ProblemChecks {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** @return the problem document, for further assertions */
    public static JsonNode assertProblem(ApiClient.Reply reply, int status, String code) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.contentType()).as("Content-Type of %s", reply).startsWith(MEDIA_TYPE);
        JsonNode problem = reply.json();
        assertThat(problem.path("code").asText(null)).as("code of %s", reply).isEqualTo(code);
        assertThat(problem.path("status").asInt()).as("status member of %s", reply).isEqualTo(status);
        return problem;
    }

    private ProblemChecks() {
    }
}
