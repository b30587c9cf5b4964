package io.renlayer.kit.net;

import org.eclipse.jetty.util.InetAddressSet;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The SSRF guard, where it cannot be raced: a Jetty HTTP client (the proxy's to upstreams, the webhook
 * dispatcher's) connects only to the addresses this resolver returns, so a name that resolves (or is re-bound) to
 * an internal address is refused at connect time. Internal addresses pass only when an explicitly allowed network
 * contains them.
 */
public final class AddressGuard implements SocketAddressResolver {

    /** Why a connection was refused. */
    public static final class NotAllowed extends UnknownHostException {
        NotAllowed(String host) {
            super(host);
        }
    }

    private final InetAddressSet allowed = new InetAddressSet();

    /** @param allowedNetworks comma-separated CIDRs or addresses, may be blank */
    public AddressGuard(String allowedNetworks) {
        Arrays.stream(allowedNetworks.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .forEach(allowed::add);
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        try {
            List<InetSocketAddress> permitted = Arrays.stream(InetAddress.getAllByName(host))
                    .filter(this::permitted)
                    .map(address -> new InetSocketAddress(address, port))
                    .toList();
            if (permitted.isEmpty()) {
                promise.failed(new NotAllowed(host));
            } else {
                promise.succeeded(permitted);
            }
        } catch (UnknownHostException e) {
            promise.failed(e);
        }
    }

    public boolean permitted(InetAddress address) {
        return !InternalAddresses.isInternal(address) || allowed.test(address);
    }
}
