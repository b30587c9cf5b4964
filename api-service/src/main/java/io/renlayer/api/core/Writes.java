package io.renlayer.api.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.renlayer.schemas.problem.Problem;
import io.renlayer.api.db.IdempotencyDao;
import io.renlayer.api.db.OutboxDao;
import io.renlayer.api.db.TenantDao;
import io.renlayer.schemas.Topics;
import io.renlayer.schemas.config.SecretSealer;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs every write of the API the same way, in one transaction: idempotency-key claim or replay, the
 * change itself, its audit entry, the tenant's new config snapshot and any events into the outbox,
 * and the stored response. Resources only describe the change.
 */
public final class Writes {

    static final Duration KEY_RETENTION = Duration.ofHours(24);

    private final Jdbi jdbi;
    private final ObjectMapper mapper;
    private final ConfigSnapshots snapshots;
    private final SecretSealer sealer;
    private final Clock clock;

    public Writes(Jdbi jdbi, ObjectMapper mapper, ConfigSnapshots snapshots, SecretSealer sealer, Clock clock) {
        this.jdbi = jdbi;
        this.mapper = mapper;
        this.snapshots = snapshots;
        this.sealer = sealer;
        this.clock = clock;
    }

    public Outcome run(WriteRequest request, Object body, Function<Tx, WriteResult> change) {
        String requestHash = request.idempotencyKey() == null ? null : hash(request, body);
        return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, handle -> {
            Tx tx = new Tx(handle, request, mapper, clock.instant());
            if (requestHash != null) {
                Optional<Outcome> replay = claimOrReplay(tx, request, requestHash);
                if (replay.isPresent()) {
                    return replay.get();
                }
            }
            WriteResult result = change.apply(tx);
            publish(tx);
            String json = result.entity() == null ? null : tx.json(result.entity());
            if (requestHash != null) {
                // Sealed: a replayed creation may carry a secret shown once (an API key), never stored plain.
                String stored = json == null ? null : sealer.seal(request.idempotencyScope(), json);
                tx.dao(IdempotencyDao.class).complete(request.idempotencyScope(), request.idempotencyKey(),
                        result.status(), stored, result.location());
            }
            return new Outcome(result.status(), json, result.location(), false);
        });
    }

    private Optional<Outcome> claimOrReplay(Tx tx, WriteRequest request, String requestHash) {
        IdempotencyDao keys = tx.dao(IdempotencyDao.class);
        String scope = request.idempotencyScope();
        keys.forgetExpired(scope, request.idempotencyKey(), tx.now().minus(KEY_RETENTION));
        if (keys.claim(scope, request.idempotencyKey(), requestHash, tx.now()) == 1) {
            return Optional.empty();
        }
        IdempotencyDao.Stored stored = keys.find(scope, request.idempotencyKey()).orElseThrow();
        if (!Digests.equal(stored.requestHash(), requestHash)) {
            throw new ApiException(Problem.of(422, "idempotency_key_reused", "Idempotency key reused",
                    "this Idempotency-Key was used for a different request; use a new key"));
        }
        String body = stored.responseBody() == null ? null : sealer.open(scope, stored.responseBody());
        return Optional.of(new Outcome(stored.status(), body, stored.location(), true));
    }

    private void publish(Tx tx) {
        OutboxDao outbox = tx.dao(OutboxDao.class);
        Instant now = tx.now();
        if (!tx.outgoing().isEmpty()) {
            // The relay publishes in outbox order; under the tenant lock that order is this tenant's commit order.
            tx.dao(TenantDao.class).lock(tx.tenantId());
        }
        if (tx.isConfigChanged()) {
            long version = tx.dao(TenantDao.class).nextConfigVersion(tx.tenantId());
            TenantConfigSnapshot snapshot = snapshots.build(tx.handle(), tx.tenantId(), version, now);
            outbox.insert(tx.tenantId(), Topics.CONFIG, tx.tenantId(), tx.json(snapshot), now);
        }
        for (Tx.Outgoing event : tx.outgoing()) {
            outbox.insert(tx.tenantId(), event.topic(), event.key(), tx.json(event.event()), now);
        }
    }

    private String hash(WriteRequest request, Object body) {
        try {
            byte[] canonicalBody = body == null ? new byte[0] : mapper.writeValueAsBytes(body);
            return Digests.hex(Digests.sha256(Digests.utf8(request.method() + " " + request.path() + "\n"),
                    canonicalBody));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
