package io.renlayer.engine.policy;

import io.renlayer.schemas.config.PolicyAction;

/**
 * The verdict of the policies on a request.
 *
 * @param policyId the policy that matched, or null when the tenant's default action applied
 * @param reason   for people: the policy's own reason, or a description of why this action was taken
 */
public record PolicyDecision(PolicyAction action, String policyId, String reason) {
}
