package io.renlayer.kit.net;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The SSRF guard's one definition of "internal": loopback, private, link-local, carrier-grade NAT,
 * NAT64, unique-local, multicast, unspecified and cloud metadata addresses. Used by the API for
 * tenant-supplied URLs, by the proxy for upstreams and by the webhook dispatcher.
 */
public final class InternalAddresses {

    private InternalAddresses() {
    }

    /** A host name as written in a URL: internal when it names localhost or metadata, or is an internal IP literal. */
    public static boolean isInternal(String host) {
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

    /** A resolved address (169.254.169.254, the metadata address, is link-local). */
    public static boolean isInternal(InetAddress address) {
        byte[] a = address.getAddress();
        boolean carrierNat = a.length == 4 && (a[0] & 0xff) == 100 && (a[1] & 0xc0) == 64;
        boolean nat64 = a.length == 16 && (a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff
                && (a[3] & 0xff) == 0x9b;
        boolean uniqueLocal = a.length == 16 && (a[0] & 0xfe) == 0xfc;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || carrierNat || nat64 || uniqueLocal;
    }
}
