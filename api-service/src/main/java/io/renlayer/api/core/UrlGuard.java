package io.renlayer.api.core;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import static io.renlayer.kit.net.InternalAddresses.isInternal;

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

    /** {@link #problem} for a base URL that paths are appended to (a named upstream): no query, no fragment. */
    public String baseUrlProblem(String url) {
        String problem = problem(url);
        if (problem == null && (URI.create(url).getRawQuery() != null || URI.create(url).getRawFragment() != null)) {
            return "must not have a query or fragment";
        }
        return problem;
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
