package io.renlayer.streams.traces;

import io.renlayer.schemas.traces.Trace;

/**
 * A trace as it was just written, for the session aggregation: {@code previous} is the incomplete version it
 * replaces (a late completion), or null for a trace written for the first time. Passed between processors in
 * memory, never serialized.
 */
public record TraceChange(Trace trace, Trace previous) {
}
