package dev.broadsheet.comments.moderation;

import dev.broadsheet.comments.dao.DynamoComments;
import dev.broadsheet.comments.model.Emails;
import dev.broadsheet.core.schema.CommentSchema;
import dev.broadsheet.core.schema.CommentStatus;
import dev.broadsheet.core.schema.GuardSchema;
import dev.broadsheet.core.schema.Items;
import dev.broadsheet.core.schema.NotificationSchema;
import dev.broadsheet.core.schema.Timestamps;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A reader's request about their personal data (GDPR articles 15 and 17): everything held about one
 * email address, and its erasure ({@code broadsheet comments export|erase EMAIL}).
 *
 * <p>An address is matched by its key form ({@link Emails#forKeys}), as bans and limits match it:
 * {@code Jane+news@Gmail.com} and {@code jane@gmail.com} are one mailbox. Comments are found by a
 * Scan of the comments table (it has no index by email, and a request like this is rare); the
 * guards-table records through the keyed hashes stored with those comments (and the ban by the key
 * form itself), since the hashes cannot be computed without the comment function's key, by one
 * Scan of the guards table; the mail records (subscription, mails sent, daily counters, a
 * moderator's digest) by one Query of the address's partition of the notifications table
 * ({@link NotificationSchema}).
 *
 * <p>Erasure deletes every record but the flood and rate markers: they hold only a keyed hash,
 * expire within the hour, and the editor's role may not delete them (it could lift a flood
 * otherwise); once the comments' hashes are gone, nothing links them to the address.
 *
 * <p>Erasure keeps counts right by going through {@link Moderation}: a comment deleted with its
 * author's data is first trashed (the article's count and list items move in that transaction;
 * a parent with listed replies stays as their removed placeholder, emptied of content and author),
 * then deleted. Without deletion, a comment stays where it is, attributed to {@value #ANONYMOUS},
 * with the email, its hashes, the author's URL and the client-address hash removed.
 */
public final class PersonalData {

    /** Who an erased author's comments are attributed to. */
    public static final String ANONYMOUS = "Anonymous";

    private final DynamoDbClient dynamoDb;
    private final DynamoComments.Tables tables;
    private final String notificationsTable;
    private final Moderation moderation;

    public PersonalData(DynamoDbClient dynamoDb, DynamoComments.Tables tables, String notificationsTable, Moderation moderation) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.notificationsTable = notificationsTable;
        this.moderation = moderation;
    }

    /** A comment as its author may see it: everything stored, the keyed hashes named rather than shown. */
    public record HeldComment(String moderationId, String articleSlug, String commentId, String parentId, String status,
                              String authorName, String authorUrl, String email, String contentHtml, String createdAt,
                              String heldBecause, List<String> alsoStored) {
    }

    /**
     * A record about the address: what it is for, until when it lives (ISO-8601; null: until
     * removed), and what it holds besides its key (the mail records' states and times, the email as typed).
     */
    public record HeldRecord(String table, String kind, String purpose, String expiresAt, Map<String, String> holds) {
    }

    /** Everything held about an address. */
    public record Report(String email, String keyForm, List<HeldComment> comments, List<HeldRecord> records) {
        public boolean holdsNothing() {
            return comments.isEmpty() && records.isEmpty();
        }
    }

    /**
     * What an erasure did.
     *
     * @param recordsExpiring flood and rate markers left to expire by themselves (keyed hashes only)
     */
    public record Erasure(int commentsAnonymised, int commentsDeleted, int placeholdersEmptied, int recordsDeleted,
                          boolean banLifted, int recordsExpiring) {
    }

    /** Every comment and record held about {@code email}; reads only. */
    public Report export(String email) {
        String keyForm = Emails.forKeys(email);
        List<Map<String, AttributeValue>> comments = commentsOf(keyForm);
        List<HeldRecord> records = new ArrayList<>();
        guardRecords(keyForm, comments).forEach(item -> records.add(guardRecord(item)));
        mailRecords(keyForm).forEach(item -> records.add(mailRecord(item)));
        return new Report(email, keyForm, comments.stream().map(PersonalData::heldComment).toList(), records);
    }

    /**
     * Erases {@code email}: its records (the ban too: keeping a ban would keep the address), and from
     * its comments the email, hashes, URL, address hash and ask to be notified; the comments are kept
     * as {@value #ANONYMOUS}'s, or deleted when {@code deleteComments}. Running it again finds nothing.
     *
     * @throws IllegalStateException when a comment could not be trashed (changed meanwhile or in
     *                               conflict): run it again (what was done stays done)
     */
    public Erasure erase(String email, boolean deleteComments) {
        String keyForm = Emails.forKeys(email);
        List<Map<String, AttributeValue>> comments = commentsOf(keyForm);
        // The guard records are found by the comments' hashes, so they go first: a run stopped midway
        // leaves comments that still carry their hashes, and the next run finds their records again.
        List<Map<String, AttributeValue>> guards = guardRecords(keyForm, comments);
        int records = 0;
        int expiring = 0;
        boolean banLifted = false;
        for (Map<String, AttributeValue> guard : guards) {
            String pk = guard.get(GuardSchema.PK).s();
            if (pk.startsWith(GuardSchema.FLOOD_EMAIL) || pk.startsWith(GuardSchema.RATE_COMMENTS_EMAIL)) {
                expiring++;
                continue;
            }
            try {
                dynamoDb.deleteItem(delete -> delete.tableName(tables.guards()).key(GuardSchema.key(pk))
                        .conditionExpression("attribute_exists(" + GuardSchema.PK + ")"));
                records++;
                banLifted |= pk.startsWith(GuardSchema.BANNED_EMAIL);
            } catch (ConditionalCheckFailedException e) {
                // Gone meanwhile (a trash deletes its duplicate marker): nothing to erase.
            }
        }
        for (Map<String, AttributeValue> mail : mailRecords(keyForm)) {
            dynamoDb.deleteItem(delete -> delete.tableName(notificationsTable)
                    .key(Map.of(NotificationSchema.PK, mail.get(NotificationSchema.PK), NotificationSchema.SK, mail.get(NotificationSchema.SK))));
            records++;
        }
        int anonymised = 0;
        int deleted = 0;
        int emptied = 0;
        for (Map<String, AttributeValue> comment : comments) {
            if (!deleteComments) {
                anonymise(comment, false);
                anonymised++;
            } else if (deleteComment(comment)) {
                deleted++;
            } else {
                emptied++;
            }
        }
        return new Erasure(anonymised, deleted, emptied, records, banLifted, expiring);
    }

    /** Trashes (counts move), then deletes; a parent its listed replies still hang under is emptied instead. */
    private boolean deleteComment(Map<String, AttributeValue> comment) {
        String moderationId = moderationId(comment);
        Moderation.Result trashed = moderation.trash(moderationId);
        if (trashed != Moderation.Result.CHANGED && trashed != Moderation.Result.UNCHANGED
                && trashed != Moderation.Result.ARTICLE_NOT_FOUND) {
            throw new IllegalStateException("the comment " + moderationId + " could not be trashed (" + trashed
                    + "); it is not erased yet: run the erasure again");
        }
        if (trashed == Moderation.Result.ARTICLE_NOT_FOUND
                && CommentStatus.APPROVED.value().equals(Items.string(comment, CommentSchema.STATUS))) {
            // Its article is gone, and with it the count the comment was part of.
            dynamoDb.deleteItem(delete -> delete.tableName(tables.comments()).key(key(comment)));
            return true;
        }
        try {
            // Trashed, and no listed reply hangs under it (else it stays as their removed placeholder).
            dynamoDb.deleteItem(delete -> delete.tableName(tables.comments()).key(key(comment))
                    .conditionExpression("#status = :trash AND attribute_not_exists(" + CommentSchema.LISTED_IN + ")")
                    .expressionAttributeNames(Map.of("#status", CommentSchema.STATUS))
                    .expressionAttributeValues(Map.of(":trash", AttributeValue.fromS(CommentStatus.TRASH.value()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            anonymise(comment, true);
            return false;
        }
    }

    /**
     * Removes the author's data from a comment; {@code emptyContent} for a removed parent kept as a
     * placeholder. A mail the comment still has due finds no address and is dropped by the deliverer.
     */
    private void anonymise(Map<String, AttributeValue> comment, boolean emptyContent) {
        String update = "SET " + CommentSchema.AUTHOR_NAME + " = :anonymous"
                + (emptyContent ? ", " + CommentSchema.CONTENT_HTML + " = :empty" : "")
                + " REMOVE " + String.join(", ", CommentSchema.EMAIL, CommentSchema.EMAIL_HASH, CommentSchema.AUTHOR_HASH,
                CommentSchema.IP_HASH, CommentSchema.AUTHOR_URL, CommentSchema.DUPLICATE_GUARD, CommentSchema.NOTIFY,
                CommentSchema.NOTIFY_HANDLED);
        Map<String, AttributeValue> values = emptyContent
                ? Map.of(":anonymous", AttributeValue.fromS(ANONYMOUS), ":empty", AttributeValue.fromS(""))
                : Map.of(":anonymous", AttributeValue.fromS(ANONYMOUS));
        try {
            dynamoDb.updateItem(u -> u.tableName(tables.comments()).key(key(comment)).updateExpression(update)
                    .conditionExpression("attribute_exists(" + CommentSchema.COMMENT_ID + ")")
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            // Deleted meanwhile: nothing of it is left to erase.
        }
    }

    /** The comments whose email has the key form, oldest first. */
    private List<Map<String, AttributeValue>> commentsOf(String keyForm) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(scan -> scan.tableName(tables.comments())
                .consistentRead(true)
                .filterExpression("attribute_exists(" + CommentSchema.EMAIL + ")")).items()) {
            if (keyForm.equals(Emails.forKeys(Items.string(item, CommentSchema.EMAIL)))) {
                found.add(item);
            }
        }
        found.sort(Comparator.comparing((Map<String, AttributeValue> item) -> Items.string(item, CommentSchema.CREATED_AT))
                .thenComparing(item -> Items.string(item, CommentSchema.COMMENT_ID)));
        return found;
    }

    /**
     * The guards-table records about the address: its ban, and per hash found on its comments the
     * standing, spam mark, flood marker, duplicate markers and rate counters (one per hour window).
     * One Scan of the table (its other items are short-lived nonces and markers), matched here.
     */
    private List<Map<String, AttributeValue>> guardRecords(String keyForm, List<Map<String, AttributeValue>> comments) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(GuardSchema.BANNED_EMAIL + keyForm);
        List<String> counterPrefixes = new ArrayList<>();
        for (Map<String, AttributeValue> comment : comments) {
            String authorHash = Items.string(comment, CommentSchema.AUTHOR_HASH);
            if (authorHash != null) {
                keys.add(GuardSchema.APPROVED_AUTHOR + authorHash);
            }
            String duplicate = Items.string(comment, CommentSchema.DUPLICATE_GUARD);
            if (duplicate != null) {
                keys.add(duplicate);
            }
            String emailHash = Items.string(comment, CommentSchema.EMAIL_HASH);
            if (emailHash != null && keys.add(GuardSchema.SPAM_EMAIL + emailHash)) {
                keys.add(GuardSchema.FLOOD_EMAIL + emailHash);
                counterPrefixes.add(GuardSchema.RATE_COMMENTS_EMAIL + emailHash + "#");
            }
        }
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(scan -> scan.tableName(tables.guards()).consistentRead(true)).items()) {
            String pk = item.get(GuardSchema.PK).s();
            if (keys.contains(pk) || counterPrefixes.stream().anyMatch(pk::startsWith)) {
                found.add(item);
            }
        }
        return found;
    }

    /** The address's partition of the notifications table: every record of the mail feature about it. */
    private List<Map<String, AttributeValue>> mailRecords(String keyForm) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        dynamoDb.queryPaginator(query -> query.tableName(notificationsTable).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", NotificationSchema.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(NotificationSchema.addressKey(keyForm)))))
                .items().forEach(found::add);
        return found;
    }

    private static HeldComment heldComment(Map<String, AttributeValue> item) {
        List<String> alsoStored = new ArrayList<>();
        if (item.containsKey(CommentSchema.EMAIL_HASH)) {
            alsoStored.add("a keyed hash of the email, for limits and bans");
        }
        if (item.containsKey(CommentSchema.AUTHOR_HASH)) {
            alsoStored.add("a keyed hash of the name and email, for first-time moderation");
        }
        if (item.containsKey(CommentSchema.IP_HASH)) {
            alsoStored.add("a keyed hash of the client address it was sent from (the address itself is not stored)");
        }
        Instant createdAt = Items.instant(item, CommentSchema.CREATED_AT);
        return new HeldComment(moderationId(item), Items.string(item, CommentSchema.ARTICLE_SLUG),
                Items.string(item, CommentSchema.COMMENT_ID), Items.string(item, CommentSchema.PARENT_ID),
                Items.string(item, CommentSchema.STATUS), Items.string(item, CommentSchema.AUTHOR_NAME),
                Items.string(item, CommentSchema.AUTHOR_URL), Items.string(item, CommentSchema.EMAIL),
                Items.string(item, CommentSchema.CONTENT_HTML), createdAt == null ? null : Timestamps.format(createdAt),
                Items.string(item, CommentSchema.HELD_BECAUSE), List.copyOf(alsoStored));
    }

    /** The kinds of record an address can have, by key prefix (the guards table's pk, the notifications table's sk). */
    private record RecordKind(String prefix, String name, String purpose) {
    }

    private static final List<RecordKind> GUARD_KINDS = List.of(
            new RecordKind(GuardSchema.BANNED_EMAIL, "ban", "the address is banned: its comments go straight to spam"),
            new RecordKind(GuardSchema.APPROVED_AUTHOR, "standing",
                    "this name and address had a comment approved: their next comments skip first-time moderation"),
            new RecordKind(GuardSchema.SPAM_EMAIL, "spam-mark", "an editor marked a comment from this address as spam"),
            new RecordKind(GuardSchema.FLOOD_EMAIL, "flood-marker",
                    "the address commented a moment ago: its next comment waits for the flood interval"),
            new RecordKind(GuardSchema.RATE_COMMENTS_EMAIL, "rate-counter",
                    "how many comments the address sent in one hour, for the hourly limit"),
            new RecordKind(GuardSchema.DUPLICATE, "duplicate-marker",
                    "a comment's text from this address on one article, so that it is not posted twice"));

    private static final List<RecordKind> MAIL_KINDS = List.of(
            new RecordKind(NotificationSchema.SUBSCRIPTION, "subscription",
                    "the address asked to be told of replies by mail (state: pending until confirmed, confirmed, unsubscribed)"),
            new RecordKind(NotificationSchema.MAIL, "mail", "a mail sent (or being sent) to the address, and how its delivery went"),
            new RecordKind(NotificationSchema.LIMIT, "mail-counter", "how many mails went to the address that day, for the daily limit"),
            new RecordKind(NotificationSchema.DIGEST, "moderator-digest", "the last digest of held comments mailed to this moderator"));

    private static HeldRecord guardRecord(Map<String, AttributeValue> item) {
        String pk = item.get(GuardSchema.PK).s();
        return heldRecord("guards", kind(GUARD_KINDS, pk), item, Set.of(GuardSchema.PK, GuardSchema.EXPIRES_AT));
    }

    private static HeldRecord mailRecord(Map<String, AttributeValue> item) {
        return heldRecord("notifications", kind(MAIL_KINDS, item.get(NotificationSchema.SK).s()), item,
                Set.of(NotificationSchema.PK, NotificationSchema.SK, NotificationSchema.EXPIRES_AT));
    }

    private static RecordKind kind(List<RecordKind> kinds, String key) {
        return kinds.stream().filter(candidate -> key.startsWith(candidate.prefix())).findFirst()
                .orElse(new RecordKind(key, "record", "a record about the address"));
    }

    /** What a record holds besides its key, each attribute as text (no keyed hash is in a record's attributes). */
    private static HeldRecord heldRecord(String table, RecordKind kind, Map<String, AttributeValue> item, Set<String> keyAttributes) {
        Map<String, String> holds = new TreeMap<>();
        item.forEach((name, value) -> {
            if (!keyAttributes.contains(name)) {
                holds.put(name, value.s() != null ? value.s() : value.n() != null ? value.n() : String.valueOf(value.bool()));
            }
        });
        String expiresAt = item.containsKey(GuardSchema.EXPIRES_AT)
                ? Instant.ofEpochSecond(Long.parseLong(item.get(GuardSchema.EXPIRES_AT).n())).toString() : null;
        return new HeldRecord(table, kind.name(), kind.purpose(), expiresAt, holds);
    }

    private static Map<String, AttributeValue> key(Map<String, AttributeValue> comment) {
        return CommentSchema.key(Items.string(comment, CommentSchema.ARTICLE_SLUG), Items.string(comment, CommentSchema.COMMENT_ID));
    }

    private static String moderationId(Map<String, AttributeValue> comment) {
        return Items.string(comment, CommentSchema.ARTICLE_SLUG) + "/" + Items.string(comment, CommentSchema.COMMENT_ID);
    }
}
