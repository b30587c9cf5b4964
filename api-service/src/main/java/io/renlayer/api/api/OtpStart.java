package io.renlayer.api.api;

public record OtpStart(String email) {
}
