package io.renlayer.api.api;

public record OtpVerify(String email, String code) {
}
