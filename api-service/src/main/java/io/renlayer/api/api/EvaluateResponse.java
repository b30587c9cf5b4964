package io.renlayer.api.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.renlayer.schemas.events.Decision;
import io.renlayer.schemas.events.DlpFinding;

import java.util.List;

/**
 * The dry run's verdict. {@code forwarded_body} is the body as the proxy would forward it (redactions
 * applied); absent when the request would not be forwarded.
 */
public record EvaluateResponse(Decision decision, @JsonInclude(JsonInclude.Include.ALWAYS) String policyId,
                               String reason, List<DlpFinding> findings, String forwardedBody) {
}
