package io.renlayer.streams.traces;

import io.renlayer.schemas.events.CompletionEvent;
import io.renlayer.schemas.events.RequestEvent;

/**
 * The half of a trace seen so far (exactly one of the events is set), and the wall-clock time (epoch ms) after
 * which waiting for the other half stops.
 */
record PendingTrace(RequestEvent request, CompletionEvent completion, long expiresAt) {
}
