package io.renlayer.api.core;

import io.renlayer.schemas.problem.Problem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Opaque, tamper-evident cursors: the position after the last row of a page, bound by an HMAC to the
 * tenant and the collection it came from. A forged, altered or foreign cursor is {@code invalid_cursor}.
 */
public final class Cursors {

    private static final char SEPARATOR = '\u001f';
    private static final int TAG_BYTES = 16;

    private final byte[] key;

    public Cursors(byte[] key) {
        this.key = key.clone();
    }

    public String encode(String tenantId, String collection, List<String> position) {
        byte[] body = String.join(String.valueOf(SEPARATOR), position).getBytes(StandardCharsets.UTF_8);
        byte[] tag = tag(tenantId, collection, body);
        byte[] out = Arrays.copyOf(tag, TAG_BYTES + body.length);
        System.arraycopy(body, 0, out, TAG_BYTES, body.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    /** The position, or null for no cursor. */
    public List<String> decode(String tenantId, String collection, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        byte[] in;
        try {
            in = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (in.length <= TAG_BYTES) {
            throw invalid();
        }
        byte[] body = Arrays.copyOfRange(in, TAG_BYTES, in.length);
        if (!MessageDigest.isEqual(Arrays.copyOf(in, TAG_BYTES), tag(tenantId, collection, body))) {
            throw invalid();
        }
        return List.of(new String(body, StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1));
    }

    private byte[] tag(String tenantId, String collection, byte[] body) {
        byte[] scope = Digests.utf8(tenantId + SEPARATOR + collection + SEPARATOR);
        return Arrays.copyOf(Digests.hmacSha256(key, scope, body), TAG_BYTES);
    }

    private static ApiException invalid() {
        return new ApiException(Problem.of(400, "invalid_cursor", "Invalid cursor",
                "the cursor is not one this API issued for this list; start again without a cursor"));
    }
}
