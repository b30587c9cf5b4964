package io.renlayer.schemas.config;

/**
 * An active API key. Only the SHA-256 of the secret travels: the proxy hashes the presented key and
 * looks the hash up, so no key secret is ever on the topic.
 */
public record KeyEntry(String id, String agentId, String secretSha256, String prefix) {
}
