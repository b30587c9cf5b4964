package io.renlayer.api.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import io.renlayer.api.api.Page;
import io.renlayer.api.config.StreamsQueryConfig;
import io.renlayer.api.core.ApiException;
import io.renlayer.api.core.PageRequest;
import io.renlayer.schemas.problem.Problem;
import io.renlayer.schemas.query.QueryApi;
import io.renlayer.schemas.query.QueryPage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Traces and sessions live in streams-processor's stores, never in api-service: every read is a call to its
 * internal query API ({@link QueryApi}), whose answers are the {@code schemas} module's records; its problems become
 * this API's, and an instance that cannot
 * be reached — or cannot reach every partition — is a 503 {@value QueryApi#UNAVAILABLE} with {@code Retry-After},
 * never a partial list.
 */
public final class StreamsQueries implements Managed {

    private static final String RETRY_AFTER_SECONDS = "5";
    /** A problem body is small; anything longer is not one. */
    private static final int MAX_PROBLEM_BYTES = 64 * 1024;

    private final List<URI> instances;
    private final Duration requestTimeout;
    private final ObjectMapper mapper;
    private final HttpClient http;
    private final AtomicInteger next = new AtomicInteger();

    public StreamsQueries(StreamsQueryConfig config, ObjectMapper mapper) {
        this.instances = Arrays.stream(config.urls.split(",")).map(String::strip).filter(url -> !url.isEmpty())
                .map(url -> URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url)).toList();
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("streams.urls names no streams-processor instance");
        }
        this.requestTimeout = config.requestTimeout.toJavaDuration();
        // Tolerant of fields it does not know: streams-processor may be a release ahead during an upgrade.
        this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout.toJavaDuration())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * One page of {@code collection} ({@code traces} or {@code sessions}); the filters are checked there. The
     * position streams-processor gives for the next page is sealed into this API's cursor.
     */
    public <T> Page<T> page(String tenantId, String collection, Class<T> type, QueryFilters filters,
                            PageRequest page) {
        QueryPage<T> found;
        try (InputStream body = call(tenantId, collection, filters.page(page.limit(), page.afterId()),
                requestTimeout)) {
            // Read to the end: a body closed before it is read whole costs its connection, the next call a new one.
            found = mapper.readValue(body.readAllBytes(),
                    mapper.getTypeFactory().constructParametricType(QueryPage.class, type));
        } catch (IOException e) {
            throw unavailable("the trace store's answer was cut short");
        }
        return page.page(found.data(), found.nextAfter());
    }

    /** One trace or session: {@code traces/{id}} or {@code sessions/{id}}, by an id already checked for its shape. */
    public <T> T lookup(String tenantId, String collection, String id, Class<T> type) {
        try (InputStream body = call(tenantId, collection + "/" + pathSegments(id), Map.of(), requestTimeout)) {
            return mapper.readValue(body.readAllBytes(), type);
        } catch (IOException e) {
            throw unavailable("the trace store's answer was cut short");
        }
    }

    /**
     * The NDJSON body of an export, once streams-processor has accepted it (a refusal is thrown here, before the
     * client's response starts). The caller must close it: closing before the end drops the connection, which stops
     * the scan on the other side.
     */
    public InputStream export(String tenantId, Map<String, String> params) {
        return call(tenantId, "traces/export", params, null);
    }

    private InputStream call(String tenantId, String resource, Map<String, String> params, Duration timeout) {
        int first = Math.floorMod(next.getAndIncrement(), instances.size());
        for (int i = 0; i < instances.size(); i++) {
            URI base = instances.get((first + i) % instances.size());
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(base, tenantId, resource, params))
                    .header("Accept", "application/json, " + QueryApi.NDJSON);
            if (timeout != null) {
                request.timeout(timeout);
            }
            HttpResponse<InputStream> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (ConnectException | HttpConnectTimeoutException e) {
                continue; // any instance answers for the cluster: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable("interrupted");
            } catch (IOException e) {
                throw unavailable(e instanceof InterruptedIOException ? "the trace store did not answer in time"
                        : "the trace store's answer failed");
            }
            if (response.statusCode() == 200) {
                return response.body();
            }
            throw refusal(response);
        }
        throw unavailable("no streams-processor instance could be reached");
    }

    /** A 4xx problem is this API's own (same code and fields); anything else is the store being unavailable. */
    private ApiException refusal(HttpResponse<InputStream> response) {
        Problem problem = null;
        try (InputStream body = response.body()) {
            problem = mapper.readValue(body.readNBytes(MAX_PROBLEM_BYTES), Problem.class);
        } catch (IOException | RuntimeException e) {
            // not a problem document: treated as the store failing below
        }
        int status = response.statusCode();
        if (problem != null && problem.code() != null && status >= 400 && status < 500) {
            return new ApiException(Problem.of(status, problem.code(), problem.title(), problem.detail())
                    .withErrors(problem.errors() == null ? List.of() : problem.errors()));
        }
        if (problem != null && QueryApi.UNAVAILABLE.equals(problem.code())) {
            return new ApiException(Problem.of(503, QueryApi.UNAVAILABLE, "Traces temporarily unavailable",
                    problem.detail()), response.headers().firstValue("Retry-After").orElse(RETRY_AFTER_SECONDS));
        }
        return unavailable("the trace store answered " + status);
    }

    static ApiException unavailable(String why) {
        return new ApiException(Problem.of(503, QueryApi.UNAVAILABLE, "Traces temporarily unavailable",
                why + "; nothing partial is returned, retry shortly"), RETRY_AFTER_SECONDS);
    }

    private static URI uri(URI base, String tenantId, String resource, Map<String, String> params) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        params.forEach((name, value) -> {
            if (value != null) {
                query.add(encode(name) + "=" + encode(value));
            }
        });
        return URI.create(base + QueryApi.forTenant(QueryApi.TENANT, encode(tenantId)) + "/" + resource + query);
    }

    /** Session ids may contain '/', which the query API reads as the rest of the path: each segment encoded. */
    private static String pathSegments(String id) {
        StringJoiner path = new StringJoiner("/");
        for (String segment : id.split("/", -1)) {
            path.add(encode(segment).replace("+", "%20"));
        }
        return path.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void stop() {
        http.close();
    }
}
