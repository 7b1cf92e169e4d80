package dev.broadsheet.comments.challenge;

import dev.broadsheet.core.Problem;
import dev.broadsheet.core.ProblemException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The "Copy This Password" challenge. The token is a {@link SignedTokens} token whose payload names
 * the article, an HMAC of the password, a random nonce and the expiry. Nothing is stored to issue one; the nonce is claimed
 * (single use) by the submission. The password is hashed with the key, so a token does not give
 * the password away to an offline guesser.
 */
public final class Challenges {

    /** No 0/O, 1/l/I: easy to copy by eye. */
    static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int PASSWORD_LENGTH = 7;
    private static final String VERSION = "c1";

    /** Signed with the secret's current key, or its previous one (after a rotation): those stay good until they expire. */
    private final SignedTokens tokens;
    private final byte[] passwordKey;
    private final byte[] previousPasswordKey;
    private final Duration lifetime;
    private final Clock clock;
    private volatile SecureRandom random = new SecureRandom();

    public Challenges(Keys keys, Duration lifetime, Clock clock) {
        this(keys, null, lifetime, clock);
    }

    /**
     * @param previous the secret before the last rotation, or null: challenges handed out under it
     *                 are still accepted (they expire within {@code lifetime}); new ones use {@code keys}
     */
    public Challenges(Keys keys, Keys previous, Duration lifetime, Clock clock) {
        this.tokens = new SignedTokens(VERSION, keys.derive("challenge-signature"),
                previous == null ? null : previous.derive("challenge-signature"));
        this.passwordKey = keys.derive("challenge-password");
        this.previousPasswordKey = previous == null ? null : previous.derive("challenge-password");
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public record Challenge(String password, String token, Instant expiresAt) {
    }

    /** A verified token: its nonce (to claim) and when it stops being valid. */
    public record Verified(String nonce, Instant expiresAt) {
    }

    /** After a SnapStart restore: a new generator, freshly seeded, instead of the one in the snapshot. */
    public void renewRandom() {
        random = new SecureRandom();
    }

    public Challenge issue(String slug) {
        char[] password = new char[PASSWORD_LENGTH];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        Instant expiresAt = clock.instant().plus(lifetime).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String token = tokens.sign(slug, SignedTokens.b64(passwordHash(new String(password))), SignedTokens.b64(nonce),
                Long.toString(expiresAt.getEpochSecond()));
        return new Challenge(new String(password), token, expiresAt);
    }

    /** Checks everything but single use; throws a 403 problem naming what is wrong. */
    public Verified verify(String slug, String token, String password) {
        SignedTokens.Opened opened = tokens.open(token, 4)
                .orElseThrow(() -> refused("challenge-invalid", "The challenge token is not one this site issued."));
        List<String> fields = opened.fields();
        if (!fields.get(0).equals(slug)) {
            throw refused("challenge-wrong-article", "The challenge was issued for another article.");
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.ofEpochSecond(Long.parseLong(fields.get(3)));
        } catch (NumberFormatException e) {
            throw refused("challenge-invalid", "The challenge token is not one this site issued.");
        }
        if (!clock.instant().isBefore(expiresAt)) {
            throw refused("challenge-expired", "The password has expired; ask for a new one.");
        }
        byte[] expected = SignedTokens.decode(fields.get(1));
        byte[] tokenPasswordKey = opened.byPreviousKey() ? previousPasswordKey : passwordKey;
        if (password == null || expected == null
                || !MessageDigest.isEqual(expected, Keys.hmac(tokenPasswordKey, password.strip()))) {
            throw refused("challenge-wrong-password", "The password does not match the one shown; copy it again.");
        }
        return new Verified(fields.get(2), expiresAt);
    }

    public static ProblemException used() {
        return refused("challenge-used", "This password was already used; ask for a new one.");
    }

    private byte[] passwordHash(String password) {
        return Keys.hmac(passwordKey, password);
    }

    /** A 403 naming the form field to point the reader at: the password typed, or the token behind it. */
    private static ProblemException refused(String type, String detail) {
        String field = type.equals("challenge-wrong-password") ? "challengePassword" : "challengeToken";
        return new ProblemException(new Problem(Problem.TYPE_BASE + type, "The challenge was not met", 403, detail,
                List.of(new Problem.FieldError(field, type.substring("challenge-".length()), detail))));
    }

    /** The challenge secret and the keys derived from it, one per purpose. */
    public static final class Keys {
        private final byte[] secret;

        public Keys(byte[] secret) {
            if (secret.length < 16) {
                throw new IllegalArgumentException("The challenge secret must have at least 16 bytes");
            }
            this.secret = secret.clone();
        }

        public byte[] derive(String purpose) {
            return hmac(secret, purpose);
        }

        /** A keyed hash for a purpose, base64url: how IPs and emails are stored or keyed. */
        public String hash(String purpose, String value) {
            return SignedTokens.b64(hmac(derive(purpose), value));
        }

        /**
         * A keyed hash of several values: each is prefixed with its length, so that no two lists
         * of values give the same input (a name ending where an email begins cannot shift).
         */
        public String hash(String purpose, List<String> values) {
            StringBuilder input = new StringBuilder();
            for (String value : values) {
                input.append(value.length()).append(':').append(value);
            }
            return hash(purpose, input.toString());
        }

        public static byte[] hmac(byte[] key, String value) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
            }
        }
    }
}
