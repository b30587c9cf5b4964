package io.renlayer.api.api;

import io.renlayer.schemas.sessions.SessionSummary;
import io.renlayer.schemas.traces.Trace;

/** A session's summary and one page of its traces, newest first (the cursor pages the traces). */
public record SessionDetail(SessionSummary session, Page<Trace> traces) {
}
