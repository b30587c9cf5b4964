package io.renlayer.proxy.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/** The {@code forwarding:} section: how requests travel to upstreams. */
public class ForwardingConfig {

    @NotNull
    private DataSize maxRequestBody = DataSize.mebibytes(10);

    @NotNull
    private Duration connectTimeout = Duration.seconds(5);

    /** The longest silence from an upstream (before its headers, or between two chunks): a slow model is not dead. */
    @NotNull
    private Duration readTimeout = Duration.seconds(120);

    /**
     * Comma-separated CIDRs (or addresses) that upstreams may resolve to although they are loopback, private or
     * link-local. Empty in production; the local stack allows its mock upstream on 127.0.0.1.
     */
    @NotNull
    private String allowedUpstreamNetworks = "";

    @JsonProperty
    public DataSize getMaxRequestBody() {
        return maxRequestBody;
    }

    @JsonProperty
    public void setMaxRequestBody(DataSize maxRequestBody) {
        this.maxRequestBody = maxRequestBody;
    }

    @JsonProperty
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    @JsonProperty
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    @JsonProperty
    public Duration getReadTimeout() {
        return readTimeout;
    }

    @JsonProperty
    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    @JsonProperty
    public String getAllowedUpstreamNetworks() {
        return allowedUpstreamNetworks;
    }

    @JsonProperty
    public void setAllowedUpstreamNetworks(String allowedUpstreamNetworks) {
        this.allowedUpstreamNetworks = allowedUpstreamNetworks;
    }
}
