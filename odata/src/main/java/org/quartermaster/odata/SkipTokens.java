package org.quartermaster.odata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Encodes and decodes {@code $skiptoken}. A token is base64url (no padding) of {@code "o1:<offset>:<fingerprint>"},
 * where the fingerprint is a short hash of the filter SQL, its parameter values and the ORDER BY clause.
 *
 * <p>It is an offset, not a keyset, because {@link CollectionQuery#nextSkipToken()} must work without seeing the
 * last row. The fingerprint is not a security measure (a forged offset is no worse than {@code $skip}); it
 * turns "token reused with a different $filter/$orderby" into a clear error instead of a silently wrong page.
 */
final class SkipTokens {

    static final String CLAUSE = "$skiptoken";

    private static final String VERSION = "o1";
    private static final Pattern PAYLOAD = Pattern.compile("o1:(0|[1-9][0-9]{0,17}):([0-9a-f]{16})");
    /** Tokens we mint are under 64 characters; anything far longer is not ours. */
    private static final int MAX_TOKEN_LENGTH = 200;

    private SkipTokens() {
    }

    static String encode(long offset, String fingerprint) {
        String payload = VERSION + ":" + offset + ":" + fingerprint;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.US_ASCII));
    }

    /** Returns the offset the token points at, after checking it was issued for the same filter and ordering. */
    static long decode(String token, String expectedFingerprint) {
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw invalid(token);
        }
        String payload;
        try {
            payload = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw invalid(token);
        }
        Matcher matcher = PAYLOAD.matcher(payload);
        if (!matcher.matches()) {
            throw invalid(token);
        }
        if (!matcher.group(2).equals(expectedFingerprint)) {
            throw new ODataQueryException(CLAUSE, "the token was issued for a different $filter or $orderby; "
                    + "restart from the first page", token, -1);
        }
        return Long.parseLong(matcher.group(1));
    }

    static String fingerprint(String material) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime ships SHA-256", e);
        }
    }

    private static ODataQueryException invalid(String token) {
        return new ODataQueryException(CLAUSE, "invalid token " + ODataQueryException.quote(token)
                + "; use the value from @odata.nextLink unchanged", token, -1);
    }
}
