package io.renlayer.schemas.sessions;

/** How many of a session's traces had each decision. */
public record DecisionCounts(long allow, long deny, long dlpBlock, long error) {

    public static final DecisionCounts NONE = new DecisionCounts(0, 0, 0, 0);
}
