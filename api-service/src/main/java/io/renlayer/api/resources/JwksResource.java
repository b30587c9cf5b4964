package io.renlayer.api.resources;

import io.renlayer.api.auth.SigningKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The public keys that verify RenLayer access tokens. */
@Path("/.well-known/jwks.json")
public class JwksResource {

    private final String jwks;

    public JwksResource(SigningKeys keys) {
        this.jwks = keys.publicJwksJson();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(jwks).cacheControl(cache).build();
    }
}
