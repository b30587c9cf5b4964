package io.renlayer.api;

import io.renlayer.api.auth.Role;
import io.renlayer.api.testing.ApiClient;
import io.renlayer.api.testing.Problems;
import io.renlayer.api.testing.TestStack;
import io.renlayer.api.testing.TestTenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An api-service whose trace store misbehaves: the first streams-processor address refuses connections and the
 * second is a scripted instance that answers 503 to queries and dies in the middle of exports. Clients must get a
 * clear 503 with {@code Retry-After}, or a failed export — never a partial answer that looks whole.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceStoreOutageIT {

    private static final String FIRST_LINE = "{\"trace_id\":\"trace_01JD8X4Q2M7T9V3W5Y6Z8A0B1C\"}\n";
    /** The session filter that makes the scripted instance send 20 KB before it dies: past what Jersey holds back. */
    private static final String LONG_EXPORT = "long";

    private ServerSocket dying;
    private int refusedPort;
    private TestStack.App app;
    private TestTenant tenant;

    @BeforeAll
    void start() throws Exception {
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refusedPort = closed.getLocalPort();
        }
        dying = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::serve);
        app = TestStack.get().startApp("outage", "outage.",
                "http://localhost:" + refusedPort + ",http://localhost:" + dying.getLocalPort());
        tenant = app.newTenant();
    }

    @AfterAll
    void stop() throws Exception {
        app.stop();
        dying.close();
    }

    @Test
    void aStoreThatIsMovingIsA503WithItsRetryAfter() {
        ApiClient.Reply reply = tenant.as(Role.ANALYST).get(tenant.path("/traces"));

        Problems.assertProblem(reply, 503, "query_unavailable");
        assertThat(reply.header("Retry-After")).isEqualTo("7");
        Problems.assertProblem(tenant.as(Role.ANALYST).get(tenant.path("/sessions/s-1")), 503, "query_unavailable");
    }

    @Test
    void anExportThatFailsBeforeItsFirstBytesIsA503() {
        ApiClient.Reply reply = tenant.as(Role.ANALYST).get(tenant.path("/traces/export"));

        Problems.assertProblem(reply, 503, "query_unavailable");
        assertThat(reply.header("Retry-After")).isEqualTo("5");
    }

    @Test
    void anExportCutShortFailsForTheClientInsteadOfEndingCleanly() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.support().getLocalPort()
                + tenant.path("/traces/export?session_id=" + LONG_EXPORT)))
                .header("Authorization", "Bearer " + tenant.token(Role.ANALYST)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            try (InputStream body = response.body()) {
                byte[] first = body.readNBytes(FIRST_LINE.length());
                assertThat(new String(first, StandardCharsets.UTF_8)).as("relayed as it came").isEqualTo(FIRST_LINE);
                assertThatThrownBy(body::readAllBytes).isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void anInstanceAnswering503IsPassedOverForAnother() throws Exception {
        TestStack.App failover = TestStack.get().startApp("failover", "failover.",
                "http://localhost:" + dying.getLocalPort() + "," + TestStack.get().streamsUrl());
        try {
            TestTenant other = failover.newTenant();
            // Round robin starts every other call at the failing instance: each must still be answered.
            for (int i = 0; i < 4; i++) {
                other.as(Role.ANALYST).get(other.path("/traces")).expect(200);
            }
        } finally {
            failover.stop();
        }
    }

    @Test
    void noReachableInstanceIsA503() throws Exception {
        TestStack.App unreachable = TestStack.get().startApp("unreachable", "unreachable.",
                "http://localhost:" + refusedPort);
        try {
            TestTenant other = unreachable.newTenant();
            ApiClient.Reply reply = other.as(Role.ANALYST).get(other.path("/traces/export"));
            Problems.assertProblem(reply, 503, "query_unavailable");
            assertThat(reply.header("Retry-After")).isEqualTo("5");
        } finally {
            unreachable.stop();
        }
    }

    /** The scripted instance: 503 query_unavailable to every query; an export's headers, one line, then a reset. */
    private void serve() {
        while (!dying.isClosed()) {
            try (Socket socket = dying.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                String requestLine = in.readLine();
                for (String header = requestLine; header != null && !header.isEmpty(); header = in.readLine()) {
                    // the request has no body: its head ends at the empty line
                }
                OutputStream out = socket.getOutputStream();
                if (requestLine != null && requestLine.contains("/traces/export")) {
                    String lines = FIRST_LINE.repeat(requestLine.contains("session_id=" + LONG_EXPORT) ? 400 : 1);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked"
                            + "\r\n\r\n" + Integer.toHexString(lines.length()) + "\r\n" + lines + "\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    Thread.sleep(300);
                    socket.setSoLinger(true, 0);
                } else {
                    String body = "{\"type\":\"https://docs.renlayer.io/errors#query_unavailable\",\"title\":\"Query "
                            + "unavailable\",\"status\":503,\"code\":\"query_unavailable\",\"detail\":\"partitions 2 "
                            + "are moving between instances\"}";
                    out.write(("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\n"
                            + "Retry-After: 7\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                            .getBytes(StandardCharsets.ISO_8859_1));
                }
            } catch (IOException e) {
                // closed by the test's end, or a client that went away
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
