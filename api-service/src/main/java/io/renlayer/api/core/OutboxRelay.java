package io.renlayer.api.core;

import io.dropwizard.lifecycle.Managed;
import io.renlayer.api.db.OutboxDao;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes committed outbox records to Kafka in commit order, at least once: a record is marked
 * published only after the broker acknowledged it (acks=all, idempotent producer), so a crash or a
 * restart resends what was not yet acknowledged. One replica relays at a time (a PostgreSQL advisory
 * lock); the others stand by and take over if its connection drops.
 */
public final class OutboxRelay implements Managed, Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;

    private final Jdbi jdbi;
    private final Producer<String, String> producer;
    private final Duration idlePoll;
    private final Clock clock;
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(Jdbi jdbi, Producer<String, String> producer, Duration idlePoll, Clock clock) {
        this.jdbi = jdbi;
        this.producer = producer;
        this.idlePoll = idlePoll;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this);
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(10_000);
        producer.close(Duration.ofSeconds(5));
    }

    @Override
    public void run() {
        while (running) {
            try (Handle lockHolder = jdbi.open()) {
                OutboxDao outbox = lockHolder.attach(OutboxDao.class);
                boolean locked = false;
                while (running && !(locked = outbox.tryRelayLock())) {
                    sleep(Duration.ofSeconds(1));
                }
                try {
                    while (running) {
                        if (relayBatch(outbox) == 0) {
                            sleep(idlePoll);
                        }
                    }
                } finally {
                    // The connection goes back to the pool: it must not keep the session-level lock, or after a
                    // failed batch no relay (this one on another connection, or another replica) could take it.
                    if (locked) {
                        outbox.releaseRelayLock();
                    }
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("outbox relay failed, retrying in 1 s: {}", e.toString());
                    sleep(Duration.ofSeconds(1));
                }
            }
        }
    }

    /** @return how many records were published */
    int relayBatch(OutboxDao outbox) {
        List<OutboxDao.Record> records = outbox.unpublished(BATCH);
        if (records.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (OutboxDao.Record r : records) {
            acks.add(producer.send(new ProducerRecord<>(r.topic(), r.recordKey(), r.payload())));
        }
        // Only the acknowledged prefix is marked: what follows a failure is resent, in order, next time.
        int acknowledged = 0;
        Exception failure = null;
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
                acknowledged++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = e;
        }
        if (acknowledged > 0) {
            outbox.markPublished(records.subList(0, acknowledged).stream().map(OutboxDao.Record::seq).toList(),
                    clock.instant());
        }
        if (failure != null) {
            throw new IllegalStateException("Kafka did not acknowledge outbox record "
                    + records.get(acknowledged).seq(), failure);
        }
        return acknowledged;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
