package io.renlayer.ops.mock;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.util.List;

/**
 * An OpenAI-compatible LLM upstream on 127.0.0.1 for the local stack, the proxy's tests and benchmarks.
 *
 * <ul>
 *   <li>{@code POST /v1/chat/completions}: a {@code chat.completion} whose content is "echo: " and the last
 *       user message, with usage counted in words; with {@code "stream": true}, server-sent
 *       {@code chat.completion.chunk}s, one per word, a usage chunk if {@code stream_options.include_usage},
 *       then {@code data: [DONE]}.</li>
 *   <li>{@code GET /v1/models}: a list of one model.</li>
 *   <li>Anything else, any method: 200 and {@code {method, path, query, headers, body}} as received.</li>
 * </ul>
 *
 * Control headers, on any request: {@value #STATUS_HEADER} (400–599) answers that status with an
 * OpenAI-style error; {@value #DELAY_HEADER} holds the answer's headers back that many milliseconds;
 * {@value #CHUNK_DELAY_HEADER} waits that long between streamed events. A bad value answers 400.
 */
public final class MockUpstream implements AutoCloseable {

    public static final String STATUS_HEADER = "X-Mock-Status";
    public static final String DELAY_HEADER = "X-Mock-Delay-Ms";
    public static final String CHUNK_DELAY_HEADER = "X-Mock-Chunk-Delay-Ms";
    public static final int DEFAULT_PORT = 8060;

    private static final int KEPT_REQUESTS = 1000;
    /** Connections are kept across a test's delays; a client that wants a timeout sets its own. */
    private static final long IDLE_TIMEOUT_MS = 600_000;

    private final Server server;
    private final ServerConnector connector;
    private final RequestLog log;

    private MockUpstream(Server server, ServerConnector connector, RequestLog log) {
        this.server = server;
        this.connector = connector;
        this.log = log;
    }

    /** Starts the mock on 127.0.0.1 at {@code port}, or at a free port for 0. */
    public static MockUpstream start(int port) {
        RequestLog log = new RequestLog(KEPT_REQUESTS);
        QueuedThreadPool threads = new QueuedThreadPool();
        // Named: in a benchmark's thread dump the mock's Jetty threads stand apart from the proxy's.
        threads.setName("mock-upstream");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        server.addConnector(connector);
        server.setHandler(new MockHandler(log));
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the mock upstream could not listen on 127.0.0.1:" + port, e);
        }
        return new MockUpstream(server, connector, log);
    }

    /** Runs the mock as its own process: {@code MockUpstream [port]}, port {@value #DEFAULT_PORT} by default. */
    public static void main(String[] args) throws InterruptedException {
        MockUpstream mock = start(args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT);
        System.out.println("mock upstream listening on " + mock.baseUrl());
        mock.server.join();
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The last 1000 requests received since the start or the last {@link #clearReceived()}, oldest first. */
    public List<ReceivedRequest> received() {
        return log.snapshot();
    }

    public void clearReceived() {
        log.clear();
    }

    /** How many requests arrived since the start or the last {@link #clearReceived()}, past the 1000 kept too. */
    public int requestCount() {
        return log.count();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the mock upstream did not stop", e);
        }
    }
}
