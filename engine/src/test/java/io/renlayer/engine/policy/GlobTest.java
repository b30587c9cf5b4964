package io.renlayer.engine.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class GlobTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
        "/v1/chat/completions, /v1/chat/completions, true",
        "/v1/chat/completions, /v1/chat/completion,  false",
        "/v1/*,                /v1/models,           true",
        "/v1/*,                /v1/chat/completions, false",
        "/v1/*/completions,    /v1/chat/completions, true",
        "/v1/**,               /v1/chat/completions, true",
        "/v1/**,               /v1/,                 true",
        "/v1/**,               /v2/models,           false",
        "/v1/**/files,         /v1/files,            true",
        "/v1/**/files,         /v1/a/b/files,        true",
        "/v1/**/files,         /v1/afiles,           false",
        "/admin**,             /admin/users/1,       true",
        "/v?/models,           /v1/models,           true",
        "/v?/models,           /v10/models,          false",
        "/v?/models,           /v//models,           false",
        "/files/*.json,        /files/a.json,        true",
        "/files/*.json,        /files/ajson,         false",
        "/v1.0/(x)+,           /v1.0/(x)+,           true",
        "/v1.0/(x)+,           /v1x0/xx,             false",
    })
    void matchesPaths(String glob, String path, boolean expected) {
        assertThat(Glob.path(glob).matches(path)).isEqualTo(expected);
    }

    @Test
    void valueGlobsHaveNoSegments() {
        assertThat(Glob.value("Bearer *").matches("Bearer a/b/c")).isTrue();
        assertThat(Glob.value("application/*json*").matches("application/vnd.api+json; charset=utf-8")).isTrue();
        assertThat(Glob.value("v?").matches("v/")).isTrue();
        assertThat(Glob.value("prod").matches("production")).isFalse();
    }

    @Test
    void pathologicalGlobsMatchInLinearTime() {
        Glob glob = Glob.path("/**a**a**a**a**a**a**a**a**a**a**b");
        String path = "/" + "a/".repeat(20_000);

        boolean matched = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> glob.matches(path));

        assertThat(matched).isFalse();
    }
}
