package io.renlayer.api.api;

public record OidcExchange(String idToken) {
}
