package dev.broadsheet.comments.challenge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Tokens that carry their own proof: {@code payload.signature}, both unpadded base64url, the payload
 * a version and fields joined by {@code |}, the signature HMAC-SHA256 over the encoded payload. What
 * challenges and mail links are made of. Verified in constant time ({@link MessageDigest#isEqual})
 * against the current key and, after a rotation of the secret, the previous one, so that tokens
 * handed out before it keep working until they expire.
 */
public final class SignedTokens {

    private final String version;
    private final byte[] key;
    /** The key before the secret's last rotation, or null. */
    private final byte[] previousKey;

    public SignedTokens(String version, byte[] key, byte[] previousKey) {
        this.version = version;
        this.key = key;
        this.previousKey = previousKey;
    }

    /**
     * An opened token: its fields after the version, and whether the previous key signed it (a
     * caller whose other keys rotated with it picks their previous versions too).
     */
    public record Opened(List<String> fields, boolean byPreviousKey) {
    }

    /** A token of these fields (none may contain {@code |}). */
    public String sign(String... fields) {
        String payload = version + "|" + String.join("|", fields);
        String encoded = b64(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + b64(Challenges.Keys.hmac(key, encoded));
    }

    /**
     * The fields of a token signed by this site with this version and {@code fieldCount} fields;
     * empty for anything else (malformed, tampered, signed with another key, another version).
     */
    public Optional<Opened> open(String token, int fieldCount) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        byte[] signature = decode(parts[1]);
        if (signature == null) {
            return Optional.empty();
        }
        boolean byPreviousKey;
        if (MessageDigest.isEqual(signature, Challenges.Keys.hmac(key, parts[0]))) {
            byPreviousKey = false;
        } else if (previousKey != null && MessageDigest.isEqual(signature, Challenges.Keys.hmac(previousKey, parts[0]))) {
            byPreviousKey = true;
        } else {
            return Optional.empty();
        }
        byte[] payload = decode(parts[0]);
        String[] fields = payload == null ? new String[0] : new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        if (fields.length != fieldCount + 1 || !version.equals(fields[0])) {
            return Optional.empty();
        }
        return Optional.of(new Opened(List.of(fields).subList(1, fields.length), byPreviousKey));
    }

    /** Unpadded base64url, as tokens carry their parts. */
    public static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A token part's bytes; null when it is not base64url. */
    public static byte[] decode(String value) {
        try {
            return Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
