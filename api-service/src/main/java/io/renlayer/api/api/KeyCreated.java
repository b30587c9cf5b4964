package io.renlayer.api.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.renlayer.api.core.ApiKey;

/** The one response that ever shows a key's secret. */
public record KeyCreated(@JsonUnwrapped ApiKey key, String secret) {
}
