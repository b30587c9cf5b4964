package io.renlayer.api.api;

import java.util.List;

/** Body of POST (name, values required) and PATCH of a DLP allow list. */
public record AllowListInput(String name, List<String> values, List<String> detectorIds) {
}
