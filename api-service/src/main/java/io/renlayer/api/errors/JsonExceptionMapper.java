package io.renlayer.api.errors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.renlayer.schemas.problem.FieldError;
import io.renlayer.schemas.problem.Problem;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Unreadable bodies: broken JSON is 400 {@code malformed_json}, wherever the syntax error is; well-formed JSON
 * with a wrong type, an unknown enum value or an unknown field is 422 {@code validation_failed} naming the field
 * ({@code body} when the whole body has the wrong shape).
 */
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Context
    private Provider<ContainerRequestContext> request;

    @Override
    public Response toResponse(JsonProcessingException e) {
        JsonParseException broken = brokenJson(e);
        if (broken == null && e instanceof JsonMappingException mapping) {
            // An empty path: the body as a whole has the wrong shape (e.g. an array for an object).
            String field = mapping.getPath().isEmpty() ? "body" : mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            Problem problem = Problem.of(422, "validation_failed", "Validation failed", "the request has 1 invalid field(s)")
                    .withErrors(List.of(new FieldError(field, describe(mapping))));
            return ProblemResponses.of(problem, request.get());
        }
        return ProblemResponses.of(Problem.of(400, "malformed_json", "Malformed JSON",
                "the request body is not valid JSON" + location(broken != null ? broken : e)), request.get());
    }

    /** The syntax error behind {@code e}, also when Jackson wrapped one met inside a field with that field's path. */
    private static JsonParseException brokenJson(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonParseException parse) {
                return parse;
            }
        }
        return null;
    }

    private static String describe(JacksonException e) {
        String name = e.getClass().getSimpleName();
        if (name.contains("UnrecognizedProperty") || name.contains("IgnoredProperty")) {
            return "is not a known field";
        }
        if (name.contains("InvalidFormat") || name.contains("MismatchedInput") || name.contains("InvalidType")) {
            return "has the wrong type or value";
        }
        return "is invalid";
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
