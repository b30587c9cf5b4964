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
        if (!h.matches("[0-9a-f:.]+")) {
            return false;
        }
        try {
            // An IP literal is parsed, not resolved; IPv4-mapped IPv6 (::ffff:a.b.c.d) comes back as IPv4.
            return isInternal(InetAddress.getByName(h));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    static boolean isInternal(InetAddress address) {
        byte[] a = address.getAddress();
        boolean carrierNat = a.length == 4 && (a[0] & 0xff) == 100 && (a[1] & 0xc0) == 64;
        boolean nat64 = a.length == 16 && (a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff
                && (a[3] & 0xff) == 0x9b;
        boolean uniqueLocal = a.length == 16 && (a[0] & 0xfe) == 0xfc;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || carrierNat || nat64 || uniqueLocal;
    }

    /**
     * {@link #problem} plus the addresses the host resolves to now, for the moment of fetching: a public
     * name can point at an internal address.
     */
    public String resolvedProblem(String url) {
        String problem = problem(url);
        if (problem != null || allowPrivate) {
            return problem;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(URI.create(url).getHost())) {
                if (isInternal(address)) {
                    return "resolves to a loopback, private, link-local or metadata address";
                }
            }
            return null;
        } catch (UnknownHostException e) {
            return "does not resolve";
        }
    }
}
