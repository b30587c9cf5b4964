package io.renlayer.schemas.config;

/**
 * The tenant's OpenID Connect issuer for {@code /v1/auth/oidc/exchange}. {@code jwksUri} may be omitted,
 * in which case it is discovered from {@code issuer + "/.well-known/openid-configuration"}.
 */
public record OidcSettings(String issuer, String audience, String jwksUri) {
}
