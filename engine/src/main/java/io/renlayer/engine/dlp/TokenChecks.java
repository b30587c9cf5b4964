package io.renlayer.engine.dlp;

import com.fasterxml.jackson.databind.JsonNode;
import io.renlayer.schemas.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Validations that make a token shape specific enough to report. */
final class TokenChecks {

    /** A JWT's first segment is base64url JSON naming its algorithm; random dotted base64 is not a JWT. */
    static boolean hasJwtHeader(String token) {
        String header = token.substring(0, token.indexOf('.'));
        try {
            JsonNode node = Json.mapper().readTree(Base64.getUrlDecoder().decode(header));
            return node != null && node.isObject() && node.path("alg").isTextual();
        } catch (IllegalArgumentException | IOException notBase64JsonHeader) {
            return false;
        }
    }

    /** Generated keys mix letters and digits; {@code sk-this-is-not-a-key} does not. */
    static boolean mixesLettersAndDigits(String token) {
        return token.chars().anyMatch(c -> Chars.isDigit((char) c))
                && token.chars().anyMatch(c -> Chars.isLetter((char) c));
    }

    private TokenChecks() {
    }
}
