package io.renlayer.api.core;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** A committed write (or the replay of one): its status, JSON body and location. */
public record Outcome(int status, String json, String location, boolean replayed) {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public Response toResponse() {
        Response.ResponseBuilder builder = Response.status(status);
        if (json != null) {
            builder.type(MediaType.APPLICATION_JSON_TYPE).entity(json);
        }
        if (location != null) {
            builder.location(URI.create(location));
        }
        if (replayed) {
            builder.header(REPLAYED_HEADER, "true");
        }
        return builder.build();
    }
}
