package io.renlayer.api.resources;

import io.renlayer.api.api.OidcExchange;
import io.renlayer.api.api.OtpStart;
import io.renlayer.api.api.OtpVerify;
import io.renlayer.api.api.TokenResponse;
import io.renlayer.api.api.UserInput;
import io.renlayer.api.errors.RequestContextFilter;
import io.renlayer.api.auth.OidcLogin;
import io.renlayer.api.auth.OtpLogin;
import io.renlayer.api.core.Checks;
import io.renlayer.api.core.Params;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

@Path("/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final OtpLogin otp;
    private final OidcLogin oidc;

    public AuthResource(OtpLogin otp, OidcLogin oidc) {
        this.otp = otp;
        this.oidc = oidc;
    }

    /** Always 202 for a well-formed email, account or not: no oracle of who has an account. */
    @POST
    @Path("/otp/start")
    public Response start(@Context ContainerRequestContext request, OtpStart body) {
        new Checks().require(UserInput.isEmail(Params.body(body).email()), "email", "must be an email address").orThrow();
        otp.start(body.email().strip(), RequestContextFilter.clientIp(request));
        return Response.accepted(Map.of("status", "sent_if_account_exists")).build();
    }

    @POST
    @Path("/otp/verify")
    public TokenResponse verify(@Context ContainerRequestContext request, OtpVerify body) {
        new Checks().require(UserInput.isEmail(Params.body(body).email()), "email", "must be an email address")
                .require(body.code() != null && body.code().matches("[0-9]{6}"), "code", "must be the 6-digit code")
                .orThrow();
        return otp.verify(body.email().strip(), body.code(), RequestContextFilter.clientIp(request));
    }

    @POST
    @Path("/oidc/exchange")
    public TokenResponse exchange(OidcExchange body) {
        new Checks().text(Params.body(body).idToken(), "id_token", 16_384).orThrow();
        return oidc.exchange(body.idToken());
    }
}
