package io.renlayer.api.config;

import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Where traces and sessions are read: streams-processor's internal query API. Any instance answers for the whole
 * cluster, so a list of several is for failover only: a call goes to the next one when one cannot be reached.
 */
public class StreamsQueryConfig {

    /** Base URLs, comma-separated, such as {@code http://streams-1:8070,http://streams-2:8070}. */
    @NotBlank
    public String urls = "http://localhost:8070";

    /** Connecting to an instance; past it the next one is tried. */
    @NotNull
    public Duration connectTimeout = Duration.seconds(2);

    /**
     * A page or a lookup must be answered, and an export begun, within this (a streams instance already answers 503
     * after its own retry window); past it the next instance is asked. An export then lasts as long as it reads.
     */
    @NotNull
    public Duration requestTimeout = Duration.seconds(30);
}
