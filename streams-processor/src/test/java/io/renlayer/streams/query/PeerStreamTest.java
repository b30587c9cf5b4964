package io.renlayer.streams.query;

import io.dropwizard.testing.junit5.DropwizardClientExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.StreamingOutput;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** NDJSON between instances: answers streamed and read as they come, failures never a clean end, early close. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PeerStreamTest {

    private static final CountDownLatch ENDLESS_CLOSED = new CountDownLatch(1);
    private static final PeerClient CLIENT = new PeerClient(Duration.ofSeconds(5));

    static final DropwizardClientExtension PEER = new DropwizardClientExtension(new Streams());

    @AfterAll
    static void closeClient() {
        CLIENT.stop();
    }

    @Test
    void readsEveryLineOfAnAnswer() {
        try (CloseableIterator<Map> values = ask("/complete")) {
            assertThat(values.take(Integer.MAX_VALUE)).hasSize(10_000).last().isEqualTo(Map.of("n", 9_999));
        }
    }

    @Test
    void anAnswerThatBreaksOffFailsTheReaderInsteadOfEndingCleanly() {
        try (CloseableIterator<Map> values = ask("/broken")) {
            assertThat(values.take(100)).hasSize(100);

            assertThatThrownBy(() -> values.take(Integer.MAX_VALUE)).isInstanceOfSatisfying(QueryException.class,
                    e -> assertThat(e.problem().detail()).contains("broke off"));
        }
    }

    @Test
    void closingEarlyStopsThePeersScan() throws InterruptedException {
        try (CloseableIterator<Map> values = ask("/endless")) {
            assertThat(values.take(3)).hasSize(3);
        }

        assertThat(ENDLESS_CLOSED.await(10, TimeUnit.SECONDS)).as("the peer's iterator was closed").isTrue();
    }

    @Test
    void anUnreachablePeerIsUnavailable() {
        CloseableIterator<Map> values = CLIENT.stream(new HostInfo("localhost", 9), "/", Map.of(), Map.class);

        assertThatThrownBy(values::hasNext).isInstanceOfSatisfying(QueryException.class,
                e -> assertThat(e.problem().status()).isEqualTo(503));
        values.close();
    }

    private static CloseableIterator<Map> ask(String path) {
        HostInfo peer = new HostInfo("localhost", PEER.baseUri().getPort());
        return CLIENT.stream(peer, PEER.baseUri().getPath() + path, Map.of(), Map.class);
    }

    @Path("/")
    @Produces("application/x-ndjson")
    public static final class Streams {

        @GET
        @Path("complete")
        public StreamingOutput complete(@Context HttpServletRequest request) {
            return Ndjson.of(numbers(10_000, null), request);
        }

        @GET
        @Path("broken")
        public StreamingOutput broken(@Context HttpServletRequest request) {
            return Ndjson.of(numbers(20_000, QueryException.unavailable("a store moved away mid-scan")), request);
        }

        @GET
        @Path("endless")
        public StreamingOutput endless(@Context HttpServletRequest request) {
            return Ndjson.of(new CloseableIterator<Map<String, Integer>>() {
                private int n;

                @Override
                protected Map<String, Integer> computeNext() {
                    return Map.of("n", n++);
                }

                @Override
                public void close() {
                    ENDLESS_CLOSED.countDown();
                }
            }, request);
        }

        /** {@code count} values, then the end, or {@code failure} if given. */
        private static CloseableIterator<Map<String, Integer>> numbers(int count, RuntimeException failure) {
            return new CloseableIterator<>() {
                private int n;

                @Override
                protected Map<String, Integer> computeNext() {
                    if (n == count && failure != null) {
                        throw failure;
                    }
                    return n < count ? Map.of("n", n++) : null;
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
