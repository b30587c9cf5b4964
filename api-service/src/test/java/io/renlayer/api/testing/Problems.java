package io.renlayer.api.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on RFC 9457 problem responses (status, media type, stable {@code code}, field errors). */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem with this status and code; returns the document. */
    public static JsonNode assertProblem(ApiClient.Reply reply, int status, String code) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.contentType()).as("Content-Type of %s", reply).startsWith(MEDIA_TYPE);
        JsonNode problem = reply.json();
        assertThat(problem.path("code").asText(null)).as("code of %s", reply).isEqualTo(code);
        assertThat(problem.path("status").asInt()).as("status member of %s", reply).isEqualTo(status);
        return problem;
    }

    /** 422 {@code validation_failed} naming (at least) every one of {@code fields}; returns the document. */
    public static JsonNode assertInvalid(ApiClient.Reply reply, String... fields) {
        JsonNode problem = assertProblem(reply, 422, "validation_failed");
        assertThat(fields(problem)).as("invalid fields of %s", reply).contains(fields);
        return problem;
    }

    /** The {@code field} of each entry of the problem's {@code errors}. */
    public static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private Problems() {
    }
}
