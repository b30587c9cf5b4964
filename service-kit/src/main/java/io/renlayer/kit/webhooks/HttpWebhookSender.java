package io.renlayer.kit.webhooks;

import io.dropwizard.lifecycle.Managed;
import io.renlayer.kit.net.AddressGuard;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Webhook POSTs over Jetty's asynchronous client: no redirects followed (a 3xx is a failure), no cookies, the
 * answer's body discarded, and the SSRF guard in the resolver, so a receiver's name that resolves to an internal
 * address is refused at connect time.
 */
public final class HttpWebhookSender implements WebhookSender, Managed {

    private final HttpClient client = new HttpClient();
    private final Duration timeout;

    /** @param allowedNetworks internal networks receivers may be on anyway (comma-separated CIDRs), usually blank */
    public HttpWebhookSender(Duration timeout, String allowedNetworks) {
        this.timeout = timeout;
        client.setFollowRedirects(false);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setSocketAddressResolver(new AddressGuard(allowedNetworks));
        client.setConnectTimeout(timeout.toMillis());
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "RenLayer-Webhooks/1"));
    }

    @Override
    public void start() throws Exception {
        client.start();
    }

    @Override
    public void stop() throws Exception {
        client.stop();
    }

    @Override
    public void send(Request request, Consumer<Response> done) {
        long start = System.nanoTime();
        org.eclipse.jetty.client.Request post;
        try {
            post = client.newRequest(URI.create(request.url()))
                    .method(HttpMethod.POST)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .headers(headers -> request.headers().forEach(headers::put))
                    .body(new BytesRequestContent("application/json", request.body()));
        } catch (IllegalArgumentException e) {
            done.accept(new Response(null, 0, "invalid URL"));
            return;
        }
        post.send(result -> {
            long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            int status = result.getResponse() == null ? 0 : result.getResponse().getStatus();
            // An answer's status counts even when reading its (discarded) body then failed.
            done.accept(status > 0 ? new Response(status, latencyMs, status < 300 ? null : "HTTP " + status)
                    : new Response(null, latencyMs, describe(result.getFailure())));
        });
    }

    private String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AddressGuard.NotAllowed) {
                return "refused: the receiver's address is internal (SSRF guard)";
            }
            if (cause instanceof TimeoutException) {
                return "no answer within " + timeout.toSeconds() + " s";
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host";
            }
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
        }
        // Exception messages may quote the URL, which can hold a receiver's token: only the type is recorded.
        return "failed: " + (failure == null ? "unknown error" : failure.getClass().getSimpleName());
    }
}
