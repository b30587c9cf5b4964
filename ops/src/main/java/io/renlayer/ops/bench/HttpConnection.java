package io.renlayer.ops.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection that writes a pre-built request and reads the whole response, on the
 * calling thread with blocking I/O. This is the load generator's client: on two shared cores every
 * microsecond it spends is taken from the proxy being measured, so it does the least an HTTP client can —
 * no request building, no header objects, no thread hand-off (java.net.http hands each response to its
 * selector thread and then to an executor). It understands Content-Length and chunked bodies, which is all
 * the mock and the proxy send.
 */
final class HttpConnection implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 30_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final StringBuilder line = new StringBuilder(128);
    private final byte[] skipBuffer = new byte[16 * 1024];
    private boolean reusable = true;

    private HttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = socket.getOutputStream();
    }

    static HttpConnection open(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            return new HttpConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends {@code request} (head and body, ready to write) and reads the response to its end. @return its status */
    int exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String status = readLine();
        if (status.length() < 12 || !status.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + status);
        }
        long length = -1;
        boolean chunked = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, Math.max(colon, 0)).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> reusable &= !value.contains("close");
                default -> { }
            }
        }
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                skip(size);
                readLine();
            }
            while (!readLine().isEmpty()) {
                // trailers, if any
            }
        } else if (length >= 0) {
            skip(length);
        } else {
            reusable = false; // the body ends where the connection does
            while (in.read(skipBuffer) >= 0) {
                // drain
            }
        }
        return Integer.parseInt(status.substring(9, 12));
    }

    boolean reusable() {
        return reusable;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    private long chunkSize() throws IOException {
        String size = readLine();
        int extension = size.indexOf(';');
        return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
    }

    private void skip(long bytes) throws IOException {
        for (long left = bytes; left > 0; ) {
            int n = in.read(skipBuffer, 0, (int) Math.min(left, skipBuffer.length));
            if (n < 0) {
                throw new EOFException("the response ended " + left + " bytes early");
            }
            left -= n;
        }
    }

    /** One line without its CR LF; headers are ASCII. */
    private String readLine() throws IOException {
        line.setLength(0);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection closed mid-response");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
