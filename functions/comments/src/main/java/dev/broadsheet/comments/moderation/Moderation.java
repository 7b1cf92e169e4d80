package dev.broadsheet.comments.moderation;

import dev.broadsheet.comments.dao.ArticleCounters;
import dev.broadsheet.comments.dao.CommentItems;
import dev.broadsheet.comments.dao.DynamoComments;
import dev.broadsheet.comments.model.ArticleState;
import dev.broadsheet.comments.model.Comment;
import dev.broadsheet.comments.model.CommentIds;
import dev.broadsheet.comments.model.Emails;
import dev.broadsheet.core.Backoff;
import dev.broadsheet.core.schema.CommentSchema;
import dev.broadsheet.core.schema.CommentStatus;
import dev.broadsheet.core.schema.GuardSchema;
import dev.broadsheet.core.schema.Items;
import dev.broadsheet.core.schema.Timestamps;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The editor's moderation operations (the {@code broadsheet comments ...} command calls these):
 * the queue of pending comments, approve/spam/trash by id, and bans. (Closing and opening an
 * article's comments is the editor's versioned article write, {@code ArticleTable.setCommentsOpen}.) A comment's moderation id is {@code <article slug>/<comment id>}, as {@link #pending}
 * prints it, since the table's key is the pair.
 *
 * <p>Every change of a comment's status is conditional on the status it was read with, and a
 * change into or out of {@code approved} moves the article's {@code commentCount} (and its list
 * items' copies) in the same transaction, so the count never drifts, whatever runs at the same time.
 * What went wrong is told apart: no such comment, no such article, changed by someone else
 * meanwhile, or still in conflict with other transactions after the retries.
 *
 * <p>Orphans: a comment that leaves the approved list while approved replies hang under it stays
 * in the public list as a placeholder ({@code {"id", "parentId", "removed": true}}), so its
 * replies keep their thread; it leaves the list with its last listed reply. A reply approved after
 * its parent was removed makes the parent such a placeholder.
 */
public final class Moderation {

    private final DynamoDbClient dynamoDb;
    private final DynamoComments.Tables tables;
    private final Clock clock;
    private final Backoff backoff;
    private final DynamoComments articles;

    public Moderation(DynamoDbClient dynamoDb, DynamoComments.Tables tables) {
        this(dynamoDb, tables, Clock.systemUTC());
    }

    /** @param clock when decisions are made: standing compares an approval's time with the last spam decision's */
    public Moderation(DynamoDbClient dynamoDb, DynamoComments.Tables tables, Clock clock) {
        this(dynamoDb, tables, clock, DynamoComments.CONFLICT_BACKOFF);
    }

    /** @param backoff retries of a transaction cancelled by TransactionConflict */
    public Moderation(DynamoDbClient dynamoDb, DynamoComments.Tables tables, Clock clock, Backoff backoff) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.clock = clock;
        this.backoff = backoff;
        this.articles = new DynamoComments(dynamoDb, tables, backoff);
    }

    /**
     * A comment waiting for a decision, with what an editor needs to decide (the email included).
     *
     * @param heldBecause why it was held; null for comments stored before the reason was recorded
     */
    public record PendingComment(String moderationId, String articleSlug, String author, String email, String url,
                                 String contentHtml, String createdAt, String heldBecause) {
    }

    /** What became of one id. */
    public enum Result {
        /** Done. */
        CHANGED,
        /** It already was so; nothing written. */
        UNCHANGED,
        /** No such comment. */
        NOT_FOUND,
        /** The comment's article is gone: its count cannot move with it; nothing written. */
        ARTICLE_NOT_FOUND,
        /** Someone else changed the comment's status since it was read; theirs stands, nothing written. */
        CHANGED_MEANWHILE,
        /** Other transactions kept holding its items through every retry; nothing written, try again. */
        CONFLICT
    }

    /** Pending comments, oldest first (by creation time, then id), of one article or (slug null) of all. */
    public List<PendingComment> pending(String slugOrNull) {
        List<Comment> found = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, String> names = new HashMap<>(Map.of("#status", CommentSchema.STATUS));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":pending", Items.s(CommentStatus.PENDING.value())));
            QueryRequest.Builder query = QueryRequest.builder().tableName(tables.comments()).indexName(CommentSchema.STATUS_INDEX)
                    .keyConditionExpression("#status = :pending").exclusiveStartKey(startKey);
            if (slugOrNull != null) {
                query.filterExpression("#slug = :slug");
                names.put("#slug", CommentSchema.ARTICLE_SLUG);
                values.put(":slug", Items.s(slugOrNull));
            }
            QueryResponse response = dynamoDb.query(query.expressionAttributeNames(names).expressionAttributeValues(values).build());
            response.items().forEach(item -> found.add(CommentItems.fromItem(item)));
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (startKey != null);
        // The index orders by createdAt only; ids (monotonic, time-ordered) order comments of one millisecond.
        found.sort(Comparator.comparing(Comment::createdAt).thenComparing(Comment::id));
        return found.stream().map(comment -> new PendingComment(comment.articleSlug() + "/" + comment.id(), comment.articleSlug(),
                comment.authorName(), comment.email(), comment.authorUrl(), comment.contentHtml(),
                Timestamps.format(comment.createdAt()), comment.heldBecause())).toList();
    }

    public Result approve(String moderationId) {
        return setStatus(moderationId, CommentStatus.APPROVED);
    }

    public Result spam(String moderationId) {
        return setStatus(moderationId, CommentStatus.SPAM);
    }

    /** Trashes a comment and frees its text: the same words may be posted again. */
    public Result trash(String moderationId) {
        return setStatus(moderationId, CommentStatus.TRASH);
    }

    /**
     * Puts approved comments stored before the public list had its own index into it (sets their
     * {@code listedIn}); a Scan of the comments table, for {@code broadsheet reindex}.
     *
     * @return how many comments it listed
     */
    public int listApprovedComments() {
        int listed = 0;
        for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(scan -> scan.tableName(tables.comments())
                .projectionExpression("#slug, #id")
                .filterExpression("#status = :approved AND attribute_not_exists(#listedIn)")
                .expressionAttributeNames(Map.of("#slug", CommentSchema.ARTICLE_SLUG, "#id", CommentSchema.COMMENT_ID,
                        "#status", CommentSchema.STATUS, "#listedIn", CommentSchema.LISTED_IN))
                .expressionAttributeValues(Map.of(":approved", AttributeValue.fromS(CommentStatus.APPROVED.value())))).items()) {
            String slug = item.get(CommentSchema.ARTICLE_SLUG).s();
            try {
                dynamoDb.updateItem(update -> update.tableName(tables.comments())
                        .key(CommentSchema.key(slug, item.get(CommentSchema.COMMENT_ID).s()))
                        .updateExpression("SET #listedIn = :slug")
                        .conditionExpression("#status = :approved")
                        .expressionAttributeNames(Map.of("#listedIn", CommentSchema.LISTED_IN, "#status", CommentSchema.STATUS))
                        .expressionAttributeValues(Map.of(":slug", AttributeValue.fromS(slug),
                                ":approved", AttributeValue.fromS(CommentStatus.APPROVED.value()))));
                listed++;
            } catch (ConditionalCheckFailedException e) {
                // Moderated meanwhile: its new status decided its listing.
            }
        }
        return listed;
    }

    /**
     * Splits a moderation id into slug and comment id; throws IllegalArgumentException naming the
     * expected form (the editor checks every id with it before changing any).
     */
    public static String[] parse(String moderationId) {
        int slash = moderationId == null ? -1 : moderationId.lastIndexOf('/');
        if (slash <= 0 || !CommentIds.isId(moderationId.substring(slash + 1))) {
            throw new IllegalArgumentException("A comment id is <article slug>/<comment id>, as `pending` lists it; got " + moderationId);
        }
        return new String[] {moderationId.substring(0, slash), moderationId.substring(slash + 1)};
    }

    private enum Role { STATUS, CLAIM, ARTICLE, OTHER }

    /** Reads of a comment and its article when an editor re-published the article meanwhile (its version moved). */
    private static final int MAX_READS = 5;

    /** A mail link's claim (its single use) was taken already: nothing was written. */
    public static final class AlreadyUsed extends RuntimeException {
        AlreadyUsed() {
            super("already used", null, false, false);
        }
    }

    /**
     * Decides on a comment as {@link #approve}, {@link #spam} and {@link #trash} do, in the same
     * transaction as {@code claim} (a conditional write: a mail link's single use), so that the
     * link is used up exactly when the decision is written. A comment already so is not changed
     * and the claim is written alone.
     *
     * @throws AlreadyUsed when the claim's condition fails: nothing was written
     */
    public Result decide(String moderationId, CommentStatus target, TransactWriteItem claim) {
        Result result = setStatus(moderationId, target, claim);
        if (result == Result.UNCHANGED) {
            try {
                DynamoComments.transact(dynamoDb, backoff, List.of(claim), reasons -> {
                    if (DynamoComments.failed(reasons, 0)) {
                        throw new AlreadyUsed();
                    }
                });
            } catch (DynamoComments.Busy busy) {
                return Result.CONFLICT;
            }
        }
        return result;
    }

    private Result setStatus(String moderationId, CommentStatus target) {
        return setStatus(moderationId, target, null);
    }

    private Result setStatus(String moderationId, CommentStatus target, TransactWriteItem claim) {
        String[] parts = parse(moderationId);
        String slug = parts[0];
        String id = parts[1];
        for (int read = 1; read <= MAX_READS; read++) {
            Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tables.comments())
                    .key(CommentSchema.key(slug, id)).consistentRead(true)).item();
            if (Items.isMissing(item)) {
                return Result.NOT_FOUND;
            }
            Comment comment = CommentItems.fromItem(item);
            if (comment.status() == target) {
                return Result.UNCHANGED;
            }
            boolean entering = target == CommentStatus.APPROVED;
            boolean leaving = comment.status() == CommentStatus.APPROVED;
            // Leaving the list, a comment with listed replies stays in it as their removed parent.
            boolean listed = entering || (item.containsKey(CommentSchema.LISTED_IN) && hasListedReplies(slug, id));
            List<TransactWriteItem> writes = new ArrayList<>();
            List<Role> roles = new ArrayList<>();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            // An approved reply is mail for its parent's author, who may have asked for it: the outbox mark.
            writes.add(statusChange(slug, id, comment.status(), target, listed, entering && comment.parentId() != null ? now : null));
            roles.add(Role.STATUS);
            if (claim != null) {
                writes.add(claim);
                roles.add(Role.CLAIM);
            }
            if (entering || leaving) {
                ArticleState article = articles.article(slug, clock.instant(), true).orElse(null);
                if (article == null) {
                    return Result.ARTICLE_NOT_FOUND;
                }
                for (TransactWriteItem count : ArticleCounters.count(tables.articles(), article, entering ? 1 : -1)) {
                    writes.add(count);
                    roles.add(Role.ARTICLE);
                }
            }
            if (entering && comment.authorHash() != null) {
                writes.add(DynamoComments.standingWrite(tables, GuardSchema.APPROVED_AUTHOR + comment.authorHash(), now));
                roles.add(Role.OTHER);
            }
            if (entering && comment.parentId() != null) {
                // A reply approved after its parent was removed: the parent shows as removed.
                writes.add(TransactWriteItem.builder().update(update -> update.tableName(tables.comments())
                        .key(CommentSchema.key(slug, comment.parentId()))
                        .updateExpression("SET listedIn = :slug")
                        .conditionExpression("attribute_exists(commentId)")
                        .expressionAttributeValues(Map.of(":slug", AttributeValue.fromS(slug)))).build());
                roles.add(Role.OTHER);
            }
            if (target == CommentStatus.SPAM && comment.emailHash() != null) {
                // Spam withdraws the standing of every name used with this email (trash does not).
                writes.add(DynamoComments.standingWrite(tables, GuardSchema.SPAM_EMAIL + comment.emailHash(), now));
                roles.add(Role.OTHER);
            }
            String duplicateGuard = Items.string(item, CommentSchema.DUPLICATE_GUARD);
            if (target == CommentStatus.TRASH && duplicateGuard != null) {
                // Trashed text may be posted again: its duplicate marker goes with the comment.
                writes.add(TransactWriteItem.builder().delete(delete -> delete.tableName(tables.guards())
                        .key(GuardSchema.key(duplicateGuard))).build());
                roles.add(Role.OTHER);
            }
            int articleFrom = roles.indexOf(Role.ARTICLE);
            int articleWrites = (int) roles.stream().filter(Role.ARTICLE::equals).count();
            try {
                DynamoComments.transact(dynamoDb, backoff, writes, reasons -> {
                    if (articleFrom >= 0 && ArticleCounters.articleMoved(reasons, articleFrom, articleWrites)) {
                        // Gone (the next read says so), or re-published with other list items: read again.
                        throw new Outcome(null);
                    }
                    if (DynamoComments.failed(reasons, roles.indexOf(Role.STATUS))) {
                        throw new Outcome(Result.CHANGED_MEANWHILE);
                    }
                    if (DynamoComments.failed(reasons, roles.indexOf(Role.CLAIM))) {
                        throw new AlreadyUsed();
                    }
                });
            } catch (Outcome outcome) {
                if (outcome.result == null) {
                    continue;
                }
                return outcome.result;
            } catch (DynamoComments.Busy busy) {
                return Result.CONFLICT;
            }
            if (!listed && comment.parentId() != null) {
                unlistRemovedParentWithoutReplies(slug, comment.parentId());
            }
            return Result.CHANGED;
        }
        return Result.CONFLICT;
    }

    /** @param mailDueAt when the change causes mail (an approved reply): the outbox mark's time; else null */
    private TransactWriteItem statusChange(String slug, String id, CommentStatus current, CommentStatus target, boolean listed,
                                           Instant mailDueAt) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":target", AttributeValue.fromS(target.value()),
                ":current", AttributeValue.fromS(current.value())));
        Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
        String set = "SET #status = :target";
        if (listed) {
            values.put(":slug", AttributeValue.fromS(slug));
            set += ", listedIn = :slug";
        }
        if (mailDueAt != null) {
            DynamoComments.mailDue(mailDueAt).forEach((name, value) -> {
                names.put("#" + name, name);
                values.put(":" + name, value);
            });
            set += ", #" + CommentSchema.MAIL_QUEUE + " = :" + CommentSchema.MAIL_QUEUE
                    + ", #" + CommentSchema.MAIL_DUE_AT + " = :" + CommentSchema.MAIL_DUE_AT;
        }
        String update = listed ? set : set + " REMOVE listedIn";
        return TransactWriteItem.builder().update(u -> u.tableName(tables.comments())
                .key(CommentSchema.key(slug, id))
                .updateExpression(update)
                .conditionExpression("#status = :current")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)).build();
    }

    /** Whether any comment in the public list (approved, or a removed parent itself) replies to this one. */
    private boolean hasListedReplies(String slug, String id) {
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> start = startKey;
            QueryResponse response = dynamoDb.query(query -> query.tableName(tables.comments())
                    .indexName(CommentSchema.LISTED_INDEX)
                    .keyConditionExpression("listedIn = :slug")
                    .filterExpression("parentId = :id")
                    .expressionAttributeValues(Map.of(":slug", AttributeValue.fromS(slug), ":id", AttributeValue.fromS(id)))
                    .exclusiveStartKey(start));
            if (!response.items().isEmpty()) {
                return true;
            }
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (startKey != null);
        return false;
    }

    /** A removed parent whose last listed reply left: out of the list too (and so on up the thread). */
    private void unlistRemovedParentWithoutReplies(String slug, String parentId) {
        Map<String, AttributeValue> parent = dynamoDb.getItem(get -> get.tableName(tables.comments())
                .key(CommentSchema.key(slug, parentId)).consistentRead(true)).item();
        if (parent == null || !parent.containsKey(CommentSchema.LISTED_IN)
                || CommentStatus.APPROVED.value().equals(parent.get("status").s()) || hasListedReplies(slug, parentId)) {
            return;
        }
        try {
            dynamoDb.updateItem(update -> update.tableName(tables.comments()).key(CommentSchema.key(slug, parentId))
                    .updateExpression("REMOVE listedIn")
                    .conditionExpression("#status <> :approved")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":approved", AttributeValue.fromS(CommentStatus.APPROVED.value()))));
        } catch (ConditionalCheckFailedException e) {
            return; // approved again meanwhile: it stays, as itself
        }
        AttributeValue grandparent = parent.get("parentId");
        if (grandparent != null) {
            unlistRemovedParentWithoutReplies(slug, grandparent.s());
        }
    }

    /** Ends a transaction's handling with a result (not an error: the editor reports it per id). */
    private static final class Outcome extends RuntimeException {
        private final Result result;

        /** @param result null: read again and retry */
        Outcome(Result result) {
            super(String.valueOf(result), null, false, false);
            this.result = result;
        }
    }

    /** A ban: what it names (an email, or the address of a comment) and when it was made. */
    public record Ban(String kind, String value, String bannedAt) {
        public static final String EMAIL = "email";
        public static final String ADDRESS = "address";
    }

    /**
     * Bans an email: its submissions look accepted and go straight to spam. Keyed by the email's
     * key form, so {@code Jane+x@Gmail.com} bans {@code jane@gmail.com} too.
     *
     * @return false when it was banned already (nothing written)
     */
    public boolean banEmail(String email) {
        return ban(GuardSchema.BANNED_EMAIL + Emails.forKeys(email), Emails.forKeys(email));
    }

    /**
     * Bans the client address a comment was posted from, by the keyed hash stored with the comment
     * (the address itself was never stored).
     *
     * @return empty when there is no such comment; else whether a ban was written
     */
    public Optional<Boolean> banAddressOf(String moderationId) {
        return addressKey(moderationId).map(pk -> ban(pk, "address of " + moderationId));
    }

    /** @return false when the email was not banned */
    public boolean unbanEmail(String email) {
        return unban(GuardSchema.BANNED_EMAIL + Emails.forKeys(email));
    }

    /** @return empty when there is no such comment; else whether a ban was removed */
    public Optional<Boolean> unbanAddressOf(String moderationId) {
        return addressKey(moderationId).map(this::unban);
    }

    /**
     * Every ban, emails first then addresses, each in key order. A scan of the guards table, whose
     * other items are mostly short-lived (nonces, flood markers, counters): an editor's command, not a route.
     */
    public List<Ban> bans() {
        List<Ban> bans = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> start = startKey;
            ScanResponse page = dynamoDb.scan(scan -> scan.tableName(tables.guards()).consistentRead(true)
                    .filterExpression("begins_with(" + GuardSchema.PK + ", :ban)")
                    .expressionAttributeValues(Map.of(":ban", AttributeValue.fromS(GuardSchema.BAN)))
                    .exclusiveStartKey(start));
            for (Map<String, AttributeValue> item : page.items()) {
                String pk = item.get(GuardSchema.PK).s();
                String kind = pk.startsWith(GuardSchema.BANNED_EMAIL) ? Ban.EMAIL : Ban.ADDRESS;
                bans.add(new Ban(kind, item.get(GuardSchema.BAN_VALUE).s(), item.get(GuardSchema.BANNED_AT).s()));
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        bans.sort(Comparator.comparing(Ban::kind, Comparator.reverseOrder()).thenComparing(Ban::value));
        return bans;
    }

    private Optional<String> addressKey(String moderationId) {
        String[] parts = parse(moderationId);
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tables.comments())
                .key(CommentSchema.key(parts[0], parts[1])).projectionExpression(CommentSchema.IP_HASH).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        AttributeValue ipHash = item.get(CommentSchema.IP_HASH);
        if (ipHash == null) {
            throw new IllegalStateException("The comment " + moderationId + " has no stored address hash to ban.");
        }
        return Optional.of(GuardSchema.BANNED_ADDRESS + ipHash.s());
    }

    private boolean ban(String pk, String value) {
        try {
            dynamoDb.putItem(put -> put.tableName(tables.guards())
                    .item(Map.of(GuardSchema.PK, AttributeValue.fromS(pk), GuardSchema.BAN_VALUE, AttributeValue.fromS(value),
                            GuardSchema.BANNED_AT, AttributeValue.fromS(clock.instant().truncatedTo(ChronoUnit.SECONDS).toString())))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private boolean unban(String pk) {
        try {
            dynamoDb.deleteItem(delete -> delete.tableName(tables.guards()).key(GuardSchema.key(pk))
                    .conditionExpression("attribute_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
