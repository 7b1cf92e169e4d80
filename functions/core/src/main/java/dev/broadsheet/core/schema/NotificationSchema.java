package dev.broadsheet.core.schema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * The notifications table: every record of the mail feature that names an email address, kept in
 * that address's own partition, so that one {@code Query} of {@code pk = address#<address>} finds
 * all of them (a reader's export) and deletes them (erasure). Key {@code pk} + {@code sk}:
 *
 * <table>
 *   <tr><th>{@code sk}</th><th>what</th><th>attributes</th></tr>
 *   <tr><td>{@value #SUBSCRIPTION}</td><td>a reader's wish to be told of replies (one per address)</td>
 *       <td>{@code email} (as last typed), {@code state} ({@value #PENDING}, {@value #CONFIRMED},
 *       {@value #UNSUBSCRIBED}), {@code askedAt}, {@code confirmationSentAt}, {@code confirmedAt}, {@code unsubscribedAt}</td></tr>
 *   <tr><td>{@code mail#<kind>#<id>}</td><td>one mail to this address and how its delivery went: the
 *       claim that makes it go out at most once ({@value #MAIL_CONFIRMATION}, {@value #MAIL_REPLY}, {@value #MAIL_DIGEST})</td>
 *       <td>{@code email}, {@code kind}, {@code state} ({@code sending}, {@code sent}, {@code retry},
 *       {@code failed}, {@code unknown}, {@code limited}), {@code attempts}, {@code nextAttemptAt},
 *       {@code messageId}, {@code at}, {@code expiresAt} (TTL, {@value #MAIL_RECORD_DAYS} days)</td></tr>
 *   <tr><td>{@code limit#<day start, epoch seconds>}</td><td>mails sent to the address that day, against the per-address limit</td>
 *       <td>{@code n}, {@code expiresAt} (TTL)</td></tr>
 *   <tr><td>{@value #DIGEST}</td><td>a moderator's last digest: what it listed up to and when it went</td>
 *       <td>{@code lastSentAt}, {@code markCreatedAt}, {@code markId}</td></tr>
 * </table>
 *
 * <p>The address in the key is its key form ({@code dev.broadsheet.comments.model.Emails#forKeys}:
 * case-folded, no {@code +tag}, no dots at gmail.com, as the comment limits and bans key it), so
 * that {@code jane+1@} and {@code Jane@} are one mailbox with one subscription, one confirmation
 * and one sending limit; {@code email} keeps the address as typed, to send to. What is still to be sent is
 * not here but on the comment that causes it ({@link CommentSchema#MAIL_QUEUE}), written in the
 * comment's own write.
 */
public final class NotificationSchema {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String ADDRESS = "address#";

    public static final String SUBSCRIPTION = "subscription";
    public static final String PENDING = "pending";
    public static final String CONFIRMED = "confirmed";
    public static final String UNSUBSCRIBED = "unsubscribed";

    public static final String MAIL = "mail#";
    public static final String MAIL_CONFIRMATION = "confirmation";
    public static final String MAIL_REPLY = "reply";
    public static final String MAIL_DIGEST = "digest";
    /** How long a mail's record is kept after it was claimed (TTL): the proof that it went out, for the reader's export. */
    public static final int MAIL_RECORD_DAYS = 90;

    public static final String LIMIT = "limit#";
    public static final String DIGEST = "digest";

    public static final String EMAIL = "email";
    public static final String STATE = "state";
    public static final String KIND = "kind";
    public static final String ATTEMPTS = "attempts";
    public static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    public static final String MESSAGE_ID = "messageId";
    public static final String AT = "at";
    public static final String EXPIRES_AT = "expiresAt";
    public static final String COUNT = "n";
    public static final String ASKED_AT = "askedAt";
    public static final String CONFIRMATION_SENT_AT = "confirmationSentAt";
    public static final String CONFIRMED_AT = "confirmedAt";
    public static final String UNSUBSCRIBED_AT = "unsubscribedAt";
    public static final String LAST_SENT_AT = "lastSentAt";
    public static final String MARK_CREATED_AT = "markCreatedAt";
    public static final String MARK_ID = "markId";

    private NotificationSchema() {
    }

    /** The partition of an address, from its key form ({@code Emails.forKeys}): every record about it. */
    public static String addressKey(String emailKeyForm) {
        return ADDRESS + emailKeyForm;
    }

    public static Map<String, AttributeValue> key(String emailKeyForm, String sk) {
        return Map.of(PK, Items.s(addressKey(emailKeyForm)), SK, Items.s(sk));
    }

    /** A mail's record: {@code mail#<kind>#<id>}. */
    public static String mail(String kind, String id) {
        return MAIL + kind + "#" + id;
    }
}
