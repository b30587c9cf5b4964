package io.renlayer.api.api;

/** What a successful log-in returns. */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String tenantId, String userId) {

    public static TokenResponse bearer(String token, long expiresIn, String tenantId, String userId) {
        return new TokenResponse(token, "Bearer", expiresIn, tenantId, userId);
    }
}
