package dev.broadsheet.comments.notify;

import dev.broadsheet.core.schema.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static dev.broadsheet.core.schema.NotificationSchema.*;
import static dev.broadsheet.core.schema.Items.n;
import static dev.broadsheet.core.schema.Items.s;

/**
 * The notifications table ({@link dev.broadsheet.core.schema.NotificationSchema}): subscriptions,
 * each mail's delivery record, the per-address counters and the moderators' digests. Every write
 * that decides something (a claim, a confirmation) is conditional, so two runs never both win.
 */
public final class MailRecords {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public MailRecords(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** A reader's subscription; {@code state} null when the address never asked. */
    public record Subscription(String email, String state, Instant confirmationSentAt) {
        public boolean confirmed() {
            return CONFIRMED.equals(state);
        }
    }

    public Subscription subscription(String addressKey) {
        Map<String, AttributeValue> item = get(addressKey, SUBSCRIPTION);
        if (Items.isMissing(item)) {
            return new Subscription(null, null, null);
        }
        return new Subscription(Items.string(item, EMAIL), Items.string(item, STATE), Items.instant(item, CONFIRMATION_SENT_AT));
    }

    /**
     * Records that an address asked to be notified and claims its confirmation mail: only when it
     * is not confirmed and no confirmation went to it since {@code resendAfter} (the last one's link
     * has expired by then). Unsubscribed addresses become pending again: they asked anew.
     *
     * @return false when no confirmation is to be sent (confirmed, or one went out recently, or another run claimed it)
     */
    public boolean claimConfirmation(String addressKey, String email, Instant now, Instant resendAfter) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(key(addressKey, SUBSCRIPTION))
                    .updateExpression("SET #email = :email, #state = :pending, #asked = :now, #sent = :now")
                    .conditionExpression("attribute_not_exists(#pk) OR (#state <> :confirmed"
                            + " AND (attribute_not_exists(#sent) OR #sent < :resendAfter))")
                    .expressionAttributeNames(Map.of("#pk", PK, "#email", EMAIL, "#state", STATE, "#asked", ASKED_AT,
                            "#sent", CONFIRMATION_SENT_AT))
                    .expressionAttributeValues(Map.of(":email", s(email), ":pending", s(PENDING), ":now", Items.time(now),
                            ":confirmed", s(CONFIRMED), ":resendAfter", Items.time(resendAfter))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** A pending subscription becomes confirmed. @return false when there was none pending (already confirmed, or unsubscribed since) */
    public boolean confirm(String addressKey, Instant now) {
        return setState(addressKey, CONFIRMED, CONFIRMED_AT, now, PENDING);
    }

    /** Ends a subscription, whatever its state (idempotent, as RFC 8058 wants). @return false when the address never asked */
    public boolean unsubscribe(String addressKey, Instant now) {
        return setState(addressKey, UNSUBSCRIBED, UNSUBSCRIBED_AT, now, null);
    }

    private boolean setState(String addressKey, String state, String atName, Instant now, String requiredState) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", PK, "#state", STATE, "#at", atName));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":state", s(state), ":now", Items.time(now)));
        String condition = "attribute_exists(#pk)";
        if (requiredState != null) {
            condition += " AND #state = :required";
            values.put(":required", s(requiredState));
        }
        String finalCondition = condition;
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(key(addressKey, SUBSCRIPTION))
                    .updateExpression("SET #state = :state, #at = :now").conditionExpression(finalCondition)
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** A mail's delivery record, as far as the claim needs it. */
    public record Delivery(String state, int attempts, Instant nextAttemptAt) {
    }

    public Optional<Delivery> delivery(String addressKey, String mailKey) {
        Map<String, AttributeValue> item = get(addressKey, mailKey);
        if (Items.isMissing(item)) {
            return Optional.empty();
        }
        return Optional.of(new Delivery(Items.string(item, STATE), (int) Items.number(item, ATTEMPTS),
                Items.instant(item, NEXT_ATTEMPT_AT)));
    }

    /** Claims a new mail: its record, state {@code sending}. @return false when it exists (claimed before: never sent twice) */
    public boolean claimNew(String addressKey, String mailKey, String email, String kind, Instant now) {
        try {
            dynamoDb.putItem(put -> put.tableName(table).item(Map.of(PK, s(addressKey), SK, s(mailKey), EMAIL, s(email),
                    KIND, s(kind), STATE, s("sending"), ATTEMPTS, n(1), AT, Items.time(now),
                    EXPIRES_AT, n(now.plus(Duration.ofDays(MAIL_RECORD_DAYS)).getEpochSecond())))
                    .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Claims another try of a mail whose last one surely failed. @return false when another run took it */
    public boolean claimRetry(String addressKey, String mailKey, int attemptsRead) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(key(addressKey, mailKey))
                    .updateExpression("SET #state = :sending, #attempts = :next REMOVE #nextAt")
                    .conditionExpression("#state = :retry AND #attempts = :read")
                    .expressionAttributeNames(Map.of("#state", STATE, "#attempts", ATTEMPTS, "#nextAt", NEXT_ATTEMPT_AT))
                    .expressionAttributeValues(Map.of(":sending", s("sending"), ":retry", s("retry"),
                            ":next", n(attemptsRead + 1L), ":read", n(attemptsRead))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** How a claimed mail ended: {@code sent} (with the message id), {@code failed}, {@code unknown} or {@code limited}. */
    public void finish(String addressKey, String mailKey, String state, String messageId, Instant now) {
        Map<String, String> names = new HashMap<>(Map.of("#state", STATE, "#at", AT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":state", s(state), ":now", Items.time(now)));
        String update = "SET #state = :state, #at = :now";
        if (messageId != null) {
            names.put("#messageId", MESSAGE_ID);
            values.put(":messageId", s(messageId));
            update += ", #messageId = :messageId";
        }
        String expression = update;
        dynamoDb.updateItem(u -> u.tableName(table).key(key(addressKey, mailKey)).updateExpression(expression)
                .expressionAttributeNames(names).expressionAttributeValues(values));
    }

    /** A try that surely did not send: another comes at {@code nextAttemptAt}. */
    public void retryAt(String addressKey, String mailKey, Instant nextAttemptAt) {
        dynamoDb.updateItem(u -> u.tableName(table).key(key(addressKey, mailKey))
                .updateExpression("SET #state = :retry, #nextAt = :next")
                .expressionAttributeNames(Map.of("#state", STATE, "#nextAt", NEXT_ATTEMPT_AT))
                .expressionAttributeValues(Map.of(":retry", s("retry"), ":next", Items.time(nextAttemptAt))));
    }

    /**
     * Counts one more mail to an address today, refused at the limit.
     *
     * @return false when the address has had {@code limit} mails today (nothing counted)
     */
    public boolean countToday(String addressKey, Instant now, int limit) {
        long day = now.getEpochSecond() / 86_400 * 86_400;
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(key(addressKey, LIMIT + day))
                    .updateExpression("ADD #n :one SET #expiresAt = :end")
                    .conditionExpression("attribute_not_exists(#n) OR #n < :limit")
                    .expressionAttributeNames(Map.of("#n", COUNT, "#expiresAt", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(limit), ":end", n(day + 2 * 86_400L))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** A moderator's last digest: when it went, and the newest held comment it listed. */
    public record Digest(Instant lastSentAt, String markCreatedAt, String markId) {
    }

    public Optional<Digest> digest(String addressKey) {
        Map<String, AttributeValue> item = get(addressKey, DIGEST);
        return Items.isMissing(item) ? Optional.empty() : Optional.of(new Digest(Items.instant(item, LAST_SENT_AT),
                Items.string(item, MARK_CREATED_AT), Items.string(item, MARK_ID)));
    }

    public void digestSent(String addressKey, String email, Instant now, String markCreatedAt, String markId) {
        dynamoDb.putItem(put -> put.tableName(table).item(Map.of(PK, s(addressKey), SK, s(DIGEST), EMAIL, s(email),
                LAST_SENT_AT, Items.time(now), MARK_CREATED_AT, s(markCreatedAt), MARK_ID, s(markId))));
    }

    private Map<String, AttributeValue> get(String addressKey, String sk) {
        return dynamoDb.getItem(get -> get.tableName(table).key(key(addressKey, sk)).consistentRead(true)).item();
    }

    private static Map<String, AttributeValue> key(String addressKey, String sk) {
        return Map.of(PK, s(addressKey), SK, s(sk));
    }
}
