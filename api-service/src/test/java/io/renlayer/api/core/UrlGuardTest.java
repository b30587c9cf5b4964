package io.renlayer.api.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrlGuardTest {

    private final UrlGuard guard = new UrlGuard(false);

    @Test
    void acceptsPublicHttpsUrls() {
        assertThat(guard.problem("https://hooks.example.com/renlayer")).isNull();
        assertThat(guard.problem("https://93.184.216.34/x")).isNull();
    }

    @Test
    void refusesInternalAddressesHoweverTheyAreWritten() {
        for (String url : new String[] {
                "https://localhost/x", "https://api.localhost/x", "https://127.0.0.1/x", "https://10.1.2.3/x",
                "https://192.168.0.1/x", "https://172.16.0.1/x", "https://169.254.169.254/latest/meta-data",
                "https://metadata.google.internal/x", "https://[::1]/x", "https://[fd00::1]/x",
                "https://[::ffff:169.254.169.254]/x", "https://[::ffff:127.0.0.1]/x", "https://100.64.0.1/x",
                "https://[64:ff9b::a9fe:a9fe]/x", "https://0.0.0.0/x"}) {
            assertThat(guard.problem(url)).as(url).isNotNull();
        }
    }

    @Test
    void refusesOtherSchemesAndCredentials() {
        assertThat(guard.problem("http://hooks.example.com/x")).isNotNull();
        assertThat(guard.problem("ftp://hooks.example.com/x")).isNotNull();
        assertThat(guard.problem("https://user:pass@hooks.example.com/x")).isNotNull();
        assertThat(guard.problem("not a url")).isNotNull();
    }

    @Test
    void upstreamBaseUrlsTakeNoQueryOrFragment() {
        assertThat(guard.baseUrlProblem("https://tools.example.com/api")).isNull();
        assertThat(guard.baseUrlProblem("https://tools.example.com/api?key=1")).isNotNull();
        assertThat(guard.baseUrlProblem("https://tools.example.com/api#top")).isNotNull();
        assertThat(guard.baseUrlProblem("https://10.0.0.1/api")).isNotNull();
    }

    @Test
    void localModeAllowsItsOwnMachine() {
        UrlGuard local = new UrlGuard(true);
        assertThat(local.problem("http://localhost:9000/hook")).isNull();
        assertThat(local.resolvedProblem("http://127.0.0.1:9000/hook")).isNull();
    }

    @Test
    void checksWhatANameResolvesTo() {
        assertThat(guard.resolvedProblem("https://localhost/x")).isNotNull();
        assertThat(guard.resolvedProblem("https://no-such-host.invalid/x")).isNotNull();
    }
}
