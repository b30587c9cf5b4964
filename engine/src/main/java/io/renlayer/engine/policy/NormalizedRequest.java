package io.renlayer.engine.policy;

import java.util.Locale;

/** A request with the fields conditions compare put in canonical form once, not once per policy. */
record NormalizedRequest(EvaluationRequest request, String method, String host, String path) {

    static NormalizedRequest of(EvaluationRequest request) {
        String method = request.method() == null ? "" : request.method().toUpperCase(Locale.ROOT);
        return new NormalizedRequest(request, method,
                HostPattern.normalize(request.host()), PathNormalizer.normalize(request.path()));
    }
}
