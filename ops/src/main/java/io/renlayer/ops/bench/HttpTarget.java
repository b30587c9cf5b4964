package io.renlayer.ops.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Where one run sends its requests (the mock directly, or the proxy for one tenant) with its own pool of
 * keep-alive connections: a sender takes an idle connection or opens one, so an open-loop run that falls
 * behind gets more connections instead of queueing behind a slow response.
 *
 * @param name    what the results call it: direct, strict or async
 * @param request the whole request, built once: every send writes the same bytes
 */
record HttpTarget(String name, InetSocketAddress address, byte[] request, ConcurrentLinkedDeque<HttpConnection> idle)
        implements AutoCloseable {

    HttpTarget(String name, InetSocketAddress address, byte[] request) {
        this(name, address, request, new ConcurrentLinkedDeque<>());
    }

    /** POSTs of {@code body} as JSON to {@code path}; {@code extraHeaders} are whole "Name: value" lines. */
    static HttpTarget post(String name, InetSocketAddress address, String path, byte[] body, String... extraHeaders) {
        StringBuilder head = new StringBuilder()
                .append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(address.getHostString()).append(':').append(address.getPort()).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Accept: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        for (String header : extraHeaders) {
            head.append(header).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return new HttpTarget(name, address, request);
    }

    /** A fresh target to the same place: a new run starts with new connections, none left idle by a server. */
    HttpTarget fresh() {
        return new HttpTarget(name, address, request);
    }

    /** Sends the request once and reads the whole response. @return the response status */
    int send() throws IOException {
        HttpConnection pooled = idle.pollFirst();
        if (pooled != null) {
            try {
                return sendOn(pooled);
            } catch (IOException stale) {
                // The server closed the connection while it sat idle; a new connection settles it.
            }
        }
        return sendOn(HttpConnection.open(address));
    }

    /** Sends until a 200 comes back: a new tenant works once the proxy has read its snapshot. */
    void awaitOk(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                int status = send();
                if (status == 200) {
                    return;
                }
                last = "HTTP " + status;
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not answer 200 within " + timeout + " (last: " + last + ")");
    }

    private int sendOn(HttpConnection connection) throws IOException {
        try {
            int status = connection.exchange(request);
            if (connection.reusable()) {
                idle.addFirst(connection);
            } else {
                connection.close();
            }
            return status;
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void close() {
        for (HttpConnection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            connection.close();
        }
    }
}
