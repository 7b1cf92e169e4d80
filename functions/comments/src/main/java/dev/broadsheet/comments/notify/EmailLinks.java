package dev.broadsheet.comments.notify;

import dev.broadsheet.comments.challenge.Challenges;
import dev.broadsheet.comments.challenge.SignedTokens;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The signed links of the mails, {@code /email-actions/<token>}: the token is a {@link SignedTokens}
 * token whose payload names the action, what it acts on, a random nonce (what a single-use link
 * claims) and the expiry, signed with a key derived from the challenge secret for this purpose
 * alone (its current version and, after a rotation, its previous one).
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

    /** Signed with the secret's current key; the previous one's links work until they expire. */
    private final SignedTokens tokens;
    private final Clock clock;
    private volatile SecureRandom random = new SecureRandom();

    public EmailLinks(Challenges.Keys keys, Challenges.Keys previous, Clock clock) {
        this.tokens = new SignedTokens(VERSION, keys.derive(PURPOSE), previous == null ? null : previous.derive(PURPOSE));
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
        return SignedTokens.b64(nonce);
    }

    public String sign(Action action, String subject, String nonce, Duration lifetime) {
        Instant expiresAt = clock.instant().plus(lifetime);
        return tokens.sign(action.code(), subject, nonce, Long.toString(expiresAt.getEpochSecond()));
    }

    /** @throws Refused INVALID (not ours, tampered, malformed) or EXPIRED */
    public Link verify(String token) {
        List<String> fields = tokens.open(token, 4).map(SignedTokens.Opened::fields).orElseThrow(() -> new Refused(Refusal.INVALID));
        Optional<Action> action = Action.of(fields.get(0));
        if (action.isEmpty()) {
            throw new Refused(Refusal.INVALID);
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.ofEpochSecond(Long.parseLong(fields.get(3)));
        } catch (NumberFormatException e) {
            throw new Refused(Refusal.INVALID);
        }
        if (!clock.instant().isBefore(expiresAt)) {
            throw new Refused(Refusal.EXPIRED);
        }
        return new Link(action.get(), fields.get(1), fields.get(2), expiresAt);
    }
}
