package io.renlayer.api.core;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * First line of the SSRF guard for tenant-supplied URLs (webhooks): https only, and no literal loopback,
 * private, link-local or metadata address, unless the deployment allows them (the local stack does).
 * The dispatcher checks the resolved address again at delivery time, since DNS can change.
 */
public final class UrlGuard {

    private final boolean allowPrivate;

    public UrlGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** @return null when acceptable, else why not */
    public String problem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return "must be an absolute https URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || (allowPrivate && scheme.equals("http")))) {
            return "must be an absolute https URL";
        }
        if (uri.getUserInfo() != null) {
            return "must not carry credentials";
        }
        if (!allowPrivate && isInternal(uri.getHost())) {
            return "must not point at a loopback, private, link-local or metadata address";
        }
        return null;
    }

    static boolean isInternal(String host) {
        String h = IDN.toASCII(host.replaceAll("^\\[|]$", "")).toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost") || h.equals("metadata.google.internal")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-f:]+")) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(h);
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress()
                    || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc);
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
