package io.renlayer.schemas.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON convention of RenLayer: snake_case names, ISO-8601 instants, nulls omitted. */
public final class Json {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    /** A shared, fully configured mapper; thread-safe once configured. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Applies the convention to a mapper someone else created (e.g. Dropwizard's). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper
                .registerModule(new JavaTimeModule())
                .registerModule(new Jdk8Module())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Consumers must tolerate fields added by newer producers (additive schema evolution).
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private Json() {
    }
}
