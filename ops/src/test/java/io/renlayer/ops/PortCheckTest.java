package io.renlayer.ops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PortCheckTest {

    @Test
    void aTakenPortIsOneLineNamingThePortAndTheFlag() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();

            assertThat(PortCheck.problem(List.of(new PortCheck.Wanted("proxy-service", port, "--proxy-port"))))
                    .hasValue("Port " + port + " (proxy-service) is already in use by another program; "
                            + "stop it or choose other ports with --proxy-port <port>.");
        }
    }

    @Test
    void aFreePortIsNoProblem() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }

        assertThat(PortCheck.problem(List.of(new PortCheck.Wanted("Kafka", port, "--kafka-port")))).isEmpty();
    }

    @Test
    void aPortWantedTwiceNamesBothFlags() {
        LocalStackOptions options = LocalStackOptions.parse("--api-port", "9000", "--proxy-port", "9001");

        assertThat(PortCheck.problem(options.wantedPorts()))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .startsWith("Port 9001 is wanted by both api-service admin and proxy-service;")
                        .contains("--api-port", "--proxy-port"));
    }
}
