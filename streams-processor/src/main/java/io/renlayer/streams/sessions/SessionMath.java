package io.renlayer.streams.sessions;

import io.renlayer.schemas.events.Decision;
import io.renlayer.schemas.events.TokenUsage;
import io.renlayer.schemas.sessions.DecisionCounts;
import io.renlayer.schemas.sessions.LatencyStats;
import io.renlayer.schemas.sessions.SessionState;
import io.renlayer.schemas.sessions.SessionSummary;
import io.renlayer.schemas.traces.Trace;
import io.renlayer.schemas.traces.TraceStatus;
import io.renlayer.streams.traces.TraceChange;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * How a trace changes its session's summary. A trace counts once: written for the first time it adds what its
 * request tells (count, decision, agent, request findings); completed it adds what its completion tells (latency,
 * tokens, response findings). A late completion of an incomplete trace therefore adds only the latter.
 */
final class SessionMath {

    private static final TokenUsage NO_TOKENS = new TokenUsage(0, 0, 0);

    /** @param summary the session so far, or null for a new session; a closed session reopens */
    static SessionSummary apply(SessionSummary summary, TraceChange change) {
        Trace trace = change.trace();
        SessionSummary s = summary != null ? summary : new SessionSummary(trace.tenantId(), trace.sessionId(),
                SessionState.OPEN, trace.receivedAt(), trace.receivedAt(), 0, 0, List.of(), DecisionCounts.NONE, 0,
                NO_TOKENS, LatencyStats.NONE);
        boolean first = change.previous() == null;
        boolean completed = trace.status() == TraceStatus.COMPLETED;
        Instant activity = completed ? trace.completedAt() : trace.receivedAt();
        return new SessionSummary(s.tenantId(), s.sessionId(), SessionState.OPEN,
                earlier(s.firstSeen(), trace.receivedAt()), later(s.lastSeen(), activity),
                s.traceCount() + (first ? 1 : 0),
                s.incompleteTraces() + (completed ? 0 : 1) - (first ? 0 : 1),
                first ? withAgent(s.agentIds(), trace.agentId()) : s.agentIds(),
                first ? count(s.decisions(), trace.decision()) : s.decisions(),
                s.dlpFindings() + (first ? trace.requestFindings().size() : 0) + trace.responseFindings().size(),
                completed && trace.usage() != null ? add(s.tokens(), trace.usage()) : s.tokens(),
                completed ? add(s.latency(), trace.totalLatencyMicros()) : s.latency());
    }

    static SessionSummary closed(SessionSummary s) {
        return new SessionSummary(s.tenantId(), s.sessionId(), SessionState.CLOSED, s.firstSeen(), s.lastSeen(),
                s.traceCount(), s.incompleteTraces(), s.agentIds(), s.decisions(), s.dlpFindings(), s.tokens(),
                s.latency());
    }

    private static List<String> withAgent(List<String> agents, String agentId) {
        TreeSet<String> sorted = new TreeSet<>(agents);
        sorted.add(agentId);
        return List.copyOf(sorted);
    }

    private static DecisionCounts count(DecisionCounts c, Decision decision) {
        return switch (decision) {
            case ALLOW -> new DecisionCounts(c.allow() + 1, c.deny(), c.dlpBlock(), c.error());
            case DENY -> new DecisionCounts(c.allow(), c.deny() + 1, c.dlpBlock(), c.error());
            case DLP_BLOCK -> new DecisionCounts(c.allow(), c.deny(), c.dlpBlock() + 1, c.error());
            case ERROR -> new DecisionCounts(c.allow(), c.deny(), c.dlpBlock(), c.error() + 1);
        };
    }

    private static TokenUsage add(TokenUsage a, TokenUsage b) {
        return new TokenUsage(a.promptTokens() + b.promptTokens(), a.completionTokens() + b.completionTokens(),
                a.totalTokens() + b.totalTokens());
    }

    private static LatencyStats add(LatencyStats stats, long micros) {
        return new LatencyStats(stats.count() + 1, stats.sumMicros() + micros, Math.max(stats.maxMicros(), micros));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private SessionMath() {
    }
}
