package io.renlayer.proxy.forward;

import io.dropwizard.lifecycle.Managed;
import io.renlayer.kit.net.AddressGuard;
import io.renlayer.proxy.config.ForwardingConfig;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpCookieStore;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a judged request to its upstream and hands its answer to {@link ResponseRelay}. Before the upstream's
 * headers arrive a failure is a {@link Refusal} (502/504); after, the agent's response is under way and a
 * failure is reported in {@link Relayed#outcome()}.
 */
public final class Forwarder implements Managed {

    private final HttpClient client = new HttpClient();
    private final long readTimeoutMillis;

    public Forwarder(ForwardingConfig config) {
        this.readTimeoutMillis = config.getReadTimeout().toMilliseconds();
        client.setFollowRedirects(false); // a redirect is the agent's to follow, through the proxy and judged again
        client.setUserAgentField(null);
        client.setHttpCookieStore(new HttpCookieStore.Empty()); // no upstream cookie may reach another request
        client.getContentDecoderFactories().clear(); // bodies pass through as encoded
        client.setConnectTimeout(config.getConnectTimeout().toMilliseconds());
        client.setIdleTimeout(readTimeoutMillis);
        client.setMaxConnectionsPerDestination(1024); // long LLM streams hold a connection each
        client.setSocketAddressResolver(new AddressGuard(config.getAllowedUpstreamNetworks()));
    }

    @Override
    public void start() throws Exception {
        client.start();
    }

    @Override
    public void stop() throws Exception {
        client.stop();
    }

    public Relayed forward(ProxyRequest request, byte[] body, HttpServletResponse response, ProxyMetrics metrics)
            throws IOException {
        Request upstream = client.newRequest(request.target())
                .method(request.method())
                .idleTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
                .headers(h -> request.headers().forEach((name, values) -> values.forEach(v -> h.add(name, v))));
        if (body.length > 0) {
            upstream.body(new BytesRequestContent(contentType(request), body));
        }
        InputStreamResponseListener listener = new InputStreamResponseListener();
        long sent = System.nanoTime();
        upstream.send(listener);
        Response head = awaitHeaders(upstream, listener, request);
        long upstreamMicros = (System.nanoTime() - sent) / 1000;
        metrics.upstreamAnswered(upstreamMicros);

        return ResponseRelay.relay(request, head, upstream, listener.getInputStream(), response, upstreamMicros,
                metrics);
    }

    private Response awaitHeaders(Request upstream, InputStreamResponseListener listener, ProxyRequest request) {
        try {
            return listener.get(readTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            upstream.abort(e);
            throw Refusal.upstreamTimeout();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            upstream.abort(e);
            throw Refusal.upstreamUnavailable("the proxy is shutting down");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (hasCause(cause, AddressGuard.NotAllowed.class)) {
                throw Refusal.upstreamNotAllowed(request.target().getHost());
            }
            if (hasCause(cause, TimeoutException.class)) {
                throw Refusal.upstreamTimeout();
            }
            if (hasCause(cause, UnknownHostException.class)) {
                throw Refusal.upstreamUnavailable("the upstream host " + request.target().getHost() + " does not resolve");
            }
            if (hasCause(cause, ConnectException.class)) {
                throw Refusal.upstreamUnavailable("the upstream " + request.host() + " refused the connection");
            }
            throw Refusal.upstreamUnavailable("the upstream failed before answering");
        }
    }

    private static String contentType(ProxyRequest request) {
        return request.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("content-type") && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst().orElse(null);
    }

    static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
