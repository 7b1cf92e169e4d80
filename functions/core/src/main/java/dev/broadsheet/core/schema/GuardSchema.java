package dev.broadsheet.core.schema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * The guards table: key {@code pk}, a kind prefix and then a nonce or a keyed hash; optional
 * {@code expiresAt} (epoch seconds, the table's TTL attribute). TTL deletion lags by up to days,
 * so whoever reads a guard checks {@code expiresAt} itself.
 */
public final class GuardSchema {

    public static final String PK = "pk";
    public static final String EXPIRES_AT = "expiresAt";

    /** A challenge's nonce: used once. */
    public static final String NONCE = "nonce#";
    /** A proof-of-work (ALTCHA) challenge's nonce, from its salt: each solution is accepted once. */
    public static final String PROOF_OF_WORK_NONCE = "altcha#";
    /** One comment per IP / per email within the flood interval. */
    public static final String FLOOD_IP = "flood#ip#";
    public static final String FLOOD_EMAIL = "flood#email#";
    /**
     * Expiring counters, one per client and time window ({@code <prefix><keyed hash>#<window start, epoch seconds>}),
     * attribute {@code n}: challenges per address a minute, comments per address and per email an hour.
     */
    public static final String RATE_CHALLENGES_IP = "rate#challenges#";
    public static final String RATE_COMMENTS_IP = "rate#comments#ip#";
    public static final String RATE_COMMENTS_EMAIL = "rate#comments#email#";
    public static final String COUNT = "n";
    /** The same email and text on one article: refused while the marker lives. */
    public static final String DUPLICATE = "duplicate#";
    /*
     * Standing records carry AT (epoch milliseconds): an author's approval counts only when it is
     * later than the last spam decision on that email.
     */
    /** An author (name + email) with an approved comment, for first-time moderation; never expires. */
    public static final String APPROVED_AUTHOR = "approved-author#";
    /** The last time an editor marked a comment of this email as spam: it withdraws every name's standing. */
    public static final String SPAM_EMAIL = "spam-email#";
    public static final String AT = "at";
    /** A banned email, by its key form (editors list bans by email); attributes {@code value}, {@code bannedAt}. */
    public static final String BANNED_EMAIL = "ban#email#";
    /** A banned client address, by its keyed hash: no address is ever stored in clear. */
    public static final String BANNED_ADDRESS = "ban#address#";
    /** A mail link's single use (its nonce; a moderator's three decisions on one comment share one): until it expires. */
    public static final String EMAIL_ACTION = "email-action#";
    /** Every ban's prefix. */
    public static final String BAN = "ban#";
    /** What a ban names, for editors: the email's key form, or "address of SLUG/ID". */
    public static final String BAN_VALUE = "value";
    public static final String BANNED_AT = "bannedAt";

    private GuardSchema() {
    }

    public static Map<String, AttributeValue> key(String pk) {
        return Map.of(PK, Items.s(pk));
    }
}
