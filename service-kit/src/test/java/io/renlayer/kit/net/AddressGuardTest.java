package io.renlayer.kit.net;

import org.eclipse.jetty.util.Promise;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class AddressGuardTest {

    private static CompletableFuture<List<InetSocketAddress>> resolve(AddressGuard guard, String host) {
        CompletableFuture<List<InetSocketAddress>> result = new CompletableFuture<>();
        guard.resolve(host, 443, Map.of(), Promise.from(result::complete, result::completeExceptionally));
        return result;
    }

    @Test
    void refusesInternalAddressesByDefault() throws Exception {
        AddressGuard guard = new AddressGuard("");
        for (String address : List.of("127.0.0.1", "10.0.0.8", "172.16.3.4", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "::1", "fd00::1", "0.0.0.0")) {
            assertThat(guard.permitted(InetAddress.getByName(address))).as(address).isFalse();
        }
        assertThat(guard.permitted(InetAddress.getByName("93.184.216.34"))).isTrue();
        assertThat(resolve(guard, "localhost")).failsWithin(java.time.Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(AddressGuard.NotAllowed.class);
    }

    @Test
    void allowsOnlyTheNetworksConfigured() throws Exception {
        AddressGuard guard = new AddressGuard(" 127.0.0.1/32 , 10.1.0.0/16");

        assertThat(guard.permitted(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(guard.permitted(InetAddress.getByName("10.1.200.7"))).isTrue();
        assertThat(guard.permitted(InetAddress.getByName("10.2.0.1"))).isFalse();
        assertThat(guard.permitted(InetAddress.getByName("169.254.169.254"))).isFalse();
        assertThat(resolve(guard, "127.0.0.1").get()).extracting(InetSocketAddress::getPort).containsExactly(443);
    }
}
