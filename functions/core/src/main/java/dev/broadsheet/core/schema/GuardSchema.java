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
    /** One comment per IP / per email within the flood interval. */
    public static final String FLOOD_IP = "flood#ip#";
    public static final String FLOOD_EMAIL = "flood#email#";
    /** The same author, email and text on one article: refused while the marker lives. */
    public static final String DUPLICATE = "duplicate#";
    /** An email with an approved comment, for first-time moderation; never expires. */
    public static final String APPROVED_EMAIL = "approved-email#";

    private GuardSchema() {
    }

    public static Map<String, AttributeValue> key(String pk) {
        return Map.of(PK, Items.s(pk));
    }
}
