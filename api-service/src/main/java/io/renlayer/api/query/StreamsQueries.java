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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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
    private static final Logger LOG = LoggerFactory.getLogger(StreamsQueries.class);

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
        try (InputStream body = call(tenantId, collection, filters.page(page.limit(), page.afterId()))) {
            // Read to the end: a body closed before it is read whole costs its connection, the next call a new one.
            found = mapper.readValue(body.readAllBytes(),
                    mapper.getTypeFactory().constructParametricType(QueryPage.class, type));
        } catch (IOException e) {
            throw unavailable("the store's answer was cut short");
        }
        return page.page(found.data(), found.nextAfter());
    }

    /** One trace or session: {@code traces/{id}} or {@code sessions/{id}}, by an id already checked for its shape. */
    public <T> T lookup(String tenantId, String collection, String id, Class<T> type) {
        try (InputStream body = call(tenantId, collection + "/" + pathSegments(id), Map.of())) {
            return mapper.readValue(body.readAllBytes(), type);
        } catch (IOException e) {
            throw unavailable("the store's answer was cut short");
        }
    }

    /**
     * The NDJSON body of an export, once streams-processor has accepted it (a refusal is thrown here, before the
     * client's response starts). The caller must close it: closing before the end drops the connection, which stops
     * the scan on the other side.
     */
    public InputStream export(String tenantId, Map<String, String> params) {
        return call(tenantId, "traces/export", params);
    }

    /**
     * Asks the instances in turn (round robin) until one answers: an instance that cannot be reached, or is itself
     * not ready (503), passes the call to the next. The request timeout bounds the wait for the answer's headers;
     * an export's body then streams for as long as it lasts.
     */
    private InputStream call(String tenantId, String resource, Map<String, String> params) {
        int first = Math.floorMod(next.getAndIncrement(), instances.size());
        ApiException last = unavailable("no streams-processor instance could be reached");
        for (int i = 0; i < instances.size(); i++) {
            URI base = instances.get((first + i) % instances.size());
            HttpRequest request = HttpRequest.newBuilder(uri(base, tenantId, resource, params))
                    .header("Accept", "application/json, " + QueryApi.NDJSON).timeout(requestTimeout).build();
            HttpResponse<InputStream> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (ConnectException | HttpConnectTimeoutException e) {
                continue;
            } catch (HttpTimeoutException e) {
                LOG.warn("{} did not answer {} within {}", base, resource, requestTimeout);
                last = unavailable("the store did not answer in time");
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable("interrupted");
            } catch (IOException e) {
                throw unavailable("the store's answer failed");
            }
            if (response.statusCode() == 200) {
                return response.body();
            }
            last = refusal(base, response);
            if (last.problem().status() != 503) {
                throw last;
            }
        }
        throw last;
    }

    /**
     * A 4xx problem is this API's own (same code and fields); anything else is the store being unavailable. Its
     * detail names internal hosts and stores: logged here, not shown to the client.
     */
    private ApiException refusal(URI base, HttpResponse<InputStream> response) {
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
        LOG.warn("{} answered {}: {}", base, status, problem == null ? "(no problem document)" : problem.detail());
        ApiException unavailable = unavailable("the store is moving between instances or not answering");
        return problem != null && QueryApi.UNAVAILABLE.equals(problem.code())
                ? new ApiException(unavailable.problem(),
                        response.headers().firstValue("Retry-After").orElse(RETRY_AFTER_SECONDS))
                : unavailable;
    }

    static ApiException unavailable(String why) {
        return new ApiException(Problem.of(503, QueryApi.UNAVAILABLE, "Temporarily unavailable",
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
            // Dots too: a "." or ".." segment must reach the store as an id, never be resolved as a path step.
            path.add(encode(segment).replace("+", "%20").replace(".", "%2E"));
        }
        return path.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void stop() {
        // Exports still streaming are cut rather than waited for: their clients see an aborted response.
        http.shutdownNow();
    }
}
