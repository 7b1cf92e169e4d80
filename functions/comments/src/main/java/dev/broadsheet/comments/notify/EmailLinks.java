package dev.broadsheet.comments.notify;

import dev.broadsheet.comments.challenge.Challenges;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The signed links of the mails, {@code /email-actions/<token>}: the token is
 * {@code payload.signature}, both base64url; the payload names the action, what it acts on, a
 * random nonce (what a single-use link claims) and the expiry; the signature is HMAC-SHA256 over
 * the payload with a key derived from the challenge secret for this purpose alone. Verified with
 * {@link MessageDigest#isEqual} (time-constant), against the secret's current version and, after
 * a rotation, its previous one.
 */
public final class EmailLinks {

    /** Moderators' one-click decisions and a reader's confirmation: 7 days. */
    public static final Duration ACTION_LIFETIME = Duration.ofDays(7);
    /**
     * Unsubscribe links: 90 days, since a reader may act on an old mail (the US CAN-SPAM Act wants an
     * opt-out to work for at least 30 days after the mail; RFC 8058 wants it to keep working).
     */
    public static final Duration UNSUBSCRIBE_LIFETIME = Duration.ofDays(90);
    private static final String VERSION = "m1";
    private static final String PURPOSE = "email-links";

    /** What a link does, and to what: a comment's moderation id, or an address's key form. */
    public enum Action {
        APPROVE, SPAM, TRASH, CONFIRM, UNSUBSCRIBE;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Optional<Action> of(String code) {
            for (Action action : values()) {
                if (action.code().equals(code)) {
                    return Optional.of(action);
                }
            }
            return Optional.empty();
        }

        /** Whether the link works once (a decision, a confirmation) or as often as it is used (unsubscribe, idempotent). */
        public boolean singleUse() {
            return this != UNSUBSCRIBE;
        }

        public boolean moderates() {
            return this == APPROVE || this == SPAM || this == TRASH;
        }
    }

    /** A verified link. {@code nonce}: what a single-use link claims. */
    public record Link(Action action, String subject, String nonce, Instant expiresAt) {
    }

    /** Why a token was refused. */
    public enum Refusal { INVALID, EXPIRED }

    public static final class Refused extends RuntimeException {
        private final Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    private final byte[] key;
    /** The secret before its last rotation, or null: links signed with it work until they expire. */
    private final byte[] previousKey;
    private final Clock clock;
    private volatile SecureRandom random = new SecureRandom();

    public EmailLinks(Challenges.Keys keys, Challenges.Keys previous, Clock clock) {
        this.key = keys.derive(PURPOSE);
        this.previousKey = previous == null ? null : previous.derive(PURPOSE);
        this.clock = clock;
    }

    /** After a SnapStart restore: a new generator, freshly seeded. */
    public void renewRandom() {
        random = new SecureRandom();
    }

    /** A fresh nonce: the links that share it (one comment's three decisions in one mail) are used up together. */
    public String nonce() {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return b64(nonce);
    }

    public String sign(Action action, String subject, String nonce, Duration lifetime) {
        Instant expiresAt = clock.instant().plus(lifetime);
        String payload = String.join("|", VERSION, action.code(), subject, nonce, Long.toString(expiresAt.getEpochSecond()));
        String encoded = b64(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + b64(hmac(key, encoded));
    }

    /** @throws Refused INVALID (not ours, tampered, malformed) or EXPIRED */
    public Link verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 2) {
            throw new Refused(Refusal.INVALID);
        }
        byte[] signature = decode(parts[1]);
        boolean signed = signature != null && (MessageDigest.isEqual(signature, hmac(key, parts[0]))
                | (previousKey != null && MessageDigest.isEqual(signature, hmac(previousKey, parts[0]))));
        if (!signed) {
            throw new Refused(Refusal.INVALID);
        }
        byte[] payload = decode(parts[0]);
        String[] fields = payload == null ? new String[0] : new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        Optional<Action> action = fields.length == 5 && VERSION.equals(fields[0]) ? Action.of(fields[1]) : Optional.empty();
        if (action.isEmpty()) {
            throw new Refused(Refusal.INVALID);
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.ofEpochSecond(Long.parseLong(fields[4]));
        } catch (NumberFormatException e) {
            throw new Refused(Refusal.INVALID);
        }
        if (!clock.instant().isBefore(expiresAt)) {
            throw new Refused(Refusal.EXPIRED);
        }
        return new Link(action.get(), fields[2], fields[3], expiresAt);
    }

    private static byte[] hmac(byte[] key, String value) {
        return Challenges.Keys.hmac(key, value);
    }

    private static String b64(byte[] bytes) {
        return Challenges.b64(bytes);
    }

    private static byte[] decode(String value) {
        return Challenges.decode(value);
    }
}
