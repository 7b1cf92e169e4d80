package dev.broadsheet.comments.dao;

import dev.broadsheet.comments.model.ArticleState;
import dev.broadsheet.comments.model.Comment;
import dev.broadsheet.core.Backoff;
import dev.broadsheet.core.schema.ArticleSchema;
import dev.broadsheet.core.schema.CommentSchema;
import dev.broadsheet.core.schema.CommentStatus;
import dev.broadsheet.core.schema.GuardSchema;
import dev.broadsheet.core.schema.Items;
import dev.broadsheet.core.schema.Timestamps;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.stream.Stream;

import static dev.broadsheet.core.schema.Items.n;
import static dev.broadsheet.core.schema.Items.s;

/** The comments, guards and articles tables, as the comment routes use them. */
public final class DynamoComments {

    /** A filtered query may come back short; the comments feed reads at most this many pages. */
    private static final int MAX_PAGES = 5;
    /**
     * Retries of a transaction cancelled by {@code TransactionConflict} (another transaction held
     * one of its items: every submission checks its article, so a burst on one article collides):
     * 10 tries, random waits of up to 25, 50, … 800 ms — at most about 4 s in all (half that on
     * average), inside the function's timeout. Then 503 with {@code Retry-After}.
     */
    public static final Backoff CONFLICT_BACKOFF = Backoff.of(10, Duration.ofMillis(25), Duration.ofMillis(800));
    /** Reads of an article whose version moved under an approved submission (an editor's writes), before 503. */
    private static final int MAX_ARTICLE_READS = 3;
    /** An expiring counter: its window is in its key; TTL deletes it after the window ends. */
    private static final String COUNT_UPDATE = "ADD #n :one SET #expiresAt = :end";
    private static final String COUNT_CONDITION = "attribute_not_exists(#n) OR #n < :limit";

    private final DynamoDbClient dynamoDb;
    private final Tables tables;
    private final Backoff backoff;

    public record Tables(String articles, String comments, String guards) {
    }

    /**
     * A marker in the guards table, claimed by a submission: single-use (a nonce), time-limited (a
     * flood or duplicate marker: free again after {@code expiresAt}), or an expiring counter
     * ({@code limit} > 0: taken once it has counted {@code limit}; its key names its time window,
     * which ends at {@code expiresAt}).
     */
    public record Guard(String pk, Instant expiresAt, int limit) {

        public Guard(String pk, Instant expiresAt) {
            this(pk, expiresAt, 0);
        }

        public static Guard counter(String pk, Instant windowEnd, int limit) {
            return new Guard(pk, windowEnd, limit);
        }

        public boolean isCounter() {
            return limit > 0;
        }
    }

    /**
     * What the guards table says about a submission's author: an approval of this name and email
     * not withdrawn by a later spam decision on the email, and bans of the email or the address.
     */
    public record Standing(boolean knownAuthor, boolean bannedEmail, boolean bannedAddress) {
    }

    /**
     * What a submission relies on, checked again inside its transaction: the article is still
     * published with comments open (and, with {@code closesBefore}, published after it), and a
     * reply's parent is still an approved comment of the article at the depth read.
     *
     * @param closesBefore articles published at or before this time take no comments; null for no limit
     * @param parentId     the comment replied to; null for a comment on the article
     */
    public record Preconditions(Instant closesBefore, String parentId, int parentDepth) {
    }

    /** Why a submission's transaction was cancelled by a condition (nothing was written). */
    public enum Refusal { GUARD_TAKEN, ARTICLE_CLOSED, PARENT_GONE }

    /** A submission refused by its transaction's conditions: which one, and the guard if a guard. */
    public static final class Refused extends RuntimeException {
        private final Refusal refusal;
        private final Guard guard;

        Refused(Refusal refusal, Guard guard) {
            super(refusal + (guard == null ? "" : " " + guard.pk()), null, false, false);
            this.refusal = refusal;
            this.guard = guard;
        }

        public Refusal refusal() {
            return refusal;
        }

        public Guard guard() {
            return guard;
        }
    }

    /** Still cancelled by {@code TransactionConflict} after every retry: nothing was written; try later. */
    public static final class Busy extends RuntimeException {
        Busy(int attempts) {
            super("TransactionConflict on " + attempts + " attempts", null, false, false);
        }
    }

    public record Page(List<Comment> comments, String lastId) {
    }

    public DynamoComments(DynamoDbClient dynamoDb, Tables tables) {
        this(dynamoDb, tables, CONFLICT_BACKOFF);
    }

    public DynamoComments(DynamoDbClient dynamoDb, Tables tables, Backoff backoff) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.backoff = backoff;
    }

    /** @param now what "published now" is measured against ({@link ArticleSchema#isPublishedAt}): a scheduled article is not open to comments */
    public Optional<ArticleState> article(String slug, Instant now) {
        return article(slug, now, false);
    }

    /** @param consistent a strongly consistent read (after a transaction said the article changed) */
    public Optional<ArticleState> article(String slug, Instant now, boolean consistent) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tables.articles())
                .key(ArticleSchema.key(slug)).consistentRead(consistent)
                .projectionExpression("#slug, #status, #open, #publishedAt, #headline, #lists, #version")
                .expressionAttributeNames(Map.of("#slug", ArticleSchema.SLUG, "#status", ArticleSchema.STATUS,
                        "#open", ArticleSchema.COMMENTS_OPEN, "#publishedAt", ArticleSchema.PUBLISHED_AT,
                        "#headline", ArticleSchema.HEADLINE, "#lists", ArticleSchema.LISTS, "#version", ArticleSchema.VERSION))).item();
        if (Items.isMissing(item)) {
            return Optional.empty();
        }
        AttributeValue lists = item.get(ArticleSchema.LISTS);
        return Optional.of(new ArticleState(slug, ArticleSchema.isPublishedAt(item, now), ArticleSchema.commentsOpen(item),
                Items.instant(item, ArticleSchema.PUBLISHED_AT), Items.string(item, ArticleSchema.HEADLINE),
                lists == null ? List.of() : lists.l().stream().map(AttributeValue::s).toList(),
                Items.number(item, ArticleSchema.VERSION)));
    }

    public Optional<Comment> comment(String slug, String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tables.comments())
                .key(CommentSchema.key(slug, id)).consistentRead(true)).item();
        return Items.isMissing(item) ? Optional.empty() : Optional.of(CommentItems.fromItem(item));
    }

    /** The author's standing and bans, in one consistent BatchGetItem of four guard keys. */
    public Standing standing(String authorHash, String emailHash, String emailForKeys, String ipHash) {
        String approved = GuardSchema.APPROVED_AUTHOR + authorHash;
        String spam = GuardSchema.SPAM_EMAIL + emailHash;
        String bannedEmail = GuardSchema.BANNED_EMAIL + emailForKeys;
        String bannedAddress = GuardSchema.BANNED_ADDRESS + ipHash;
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        Map<String, KeysAndAttributes> request = Map.of(tables.guards(), KeysAndAttributes.builder().consistentRead(true)
                .keys(Stream.of(approved, spam, bannedEmail, bannedAddress).map(GuardSchema::key).toList()).build());
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> pending = request;
            BatchGetItemResponse response = dynamoDb.batchGetItem(batch -> batch.requestItems(pending));
            response.responses().getOrDefault(tables.guards(), List.of()).forEach(item -> found.put(item.get(GuardSchema.PK).s(), item));
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        long approvedAt = at(found.get(approved));
        boolean known = found.containsKey(approved) && (!found.containsKey(spam) || approvedAt > at(found.get(spam)));
        return new Standing(known, found.containsKey(bannedEmail), found.containsKey(bannedAddress));
    }

    private static long at(Map<String, AttributeValue> item) {
        return item == null || !item.containsKey(GuardSchema.AT) ? 0 : Items.number(item, GuardSchema.AT);
    }

    /**
     * Counts one more use of an expiring counter, refused once it has counted its limit (the
     * challenge route's per-client limit; submissions count theirs in their transaction).
     *
     * @throws Refused (a guard taken) when the counter is at its limit; nothing is counted then
     */
    public void count(Guard counter) {
        try {
            dynamoDb.updateItem(update -> update.tableName(tables.guards()).key(GuardSchema.key(counter.pk()))
                    .updateExpression(COUNT_UPDATE).conditionExpression(COUNT_CONDITION)
                    .expressionAttributeNames(countNames()).expressionAttributeValues(countValues(counter)));
        } catch (ConditionalCheckFailedException e) {
            throw new Refused(Refusal.GUARD_TAKEN, counter);
        }
    }

    /** Whether a guard is held: present, and without an expiry or not yet expired. */
    public boolean guardTaken(String pk, Instant now) {
        Map<String, AttributeValue> item = guard(pk);
        return !Items.isMissing(item) && (!item.containsKey(GuardSchema.EXPIRES_AT)
                || Items.number(item, GuardSchema.EXPIRES_AT) > now.getEpochSecond());
    }

    /** When a guard that is still taken frees up; null when it is free. */
    public Instant guardExpiry(String pk, Instant now) {
        Map<String, AttributeValue> item = guard(pk);
        if (Items.isMissing(item) || !item.containsKey(GuardSchema.EXPIRES_AT)) {
            return null;
        }
        Instant expiry = Instant.ofEpochSecond(Items.number(item, GuardSchema.EXPIRES_AT));
        return expiry.isAfter(now) ? expiry : null;
    }

    private Map<String, AttributeValue> guard(String pk) {
        return dynamoDb.getItem(get -> get.tableName(tables.guards()).key(GuardSchema.key(pk)).consistentRead(true)).item();
    }

    /**
     * Stores a comment in one transaction with its guards and the checks of what it relies on:
     * each guard is claimed only if absent or expired (TTL deletion lags, so expiry is checked
     * here); the article must still take comments (a ConditionCheck, or, for an approved comment,
     * the condition of the versioned update that adds it to {@code commentCount} and its list items'
     * copies: one transaction may touch an item once); a reply's parent must still be approved at
     * the depth read. The comment item names its duplicate marker, so that trashing the comment can
     * free its text. Nothing is written when anything fails.
     *
     * <p>When the article's condition fails, the article is read again (consistently): if it no
     * longer takes comments the submission is refused; if only its version moved (an editor
     * re-published it, its list items may differ) the transaction is retried with the new state,
     * at most {@value #MAX_ARTICLE_READS} reads.
     *
     * @param article the article as read, for the count's version and list items
     * @throws Refused naming the failed condition: the article first, then the parent, then the first guard taken
     * @throws Busy    when TransactionConflict cancelled every attempt, or the article kept changing
     */
    public void store(Comment comment, ArticleState article, List<Guard> guards, Preconditions checks, Instant now) {
        boolean approved = comment.status() == CommentStatus.APPROVED;
        ArticleCounters.Condition takesComments = articleTakesComments(now, checks.closesBefore());
        ArticleState current = article;
        for (int read = 1; ; read++) {
            List<TransactWriteItem> writes = new ArrayList<>();
            for (Guard guard : guards) {
                writes.add(claim(guard, now));
            }
            Map<String, AttributeValue> item = new HashMap<>(CommentItems.toItem(comment));
            guards.stream().filter(guard -> guard.pk().startsWith(GuardSchema.DUPLICATE)).findFirst()
                    .ifPresent(duplicate -> item.put(CommentSchema.DUPLICATE_GUARD, s(duplicate.pk())));
            if (comment.causesMail()) {
                // The outbox: the mail this comment causes is recorded in its own write (README, "Notifications by email").
                item.putAll(mailDue(now));
            }
            writes.add(TransactWriteItem.builder().put(put -> put.tableName(tables.comments()).item(item)
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", CommentSchema.COMMENT_ID))).build());
            int articleFrom = writes.size();
            if (approved) {
                writes.addAll(ArticleCounters.count(tables.articles(), current, 1, takesComments));
            } else {
                writes.add(TransactWriteItem.builder().conditionCheck(check -> check.tableName(tables.articles())
                        .key(ArticleSchema.key(comment.articleSlug())).conditionExpression(takesComments.expression())
                        .expressionAttributeNames(takesComments.names())
                        .expressionAttributeValues(takesComments.values())).build());
            }
            int articleWrites = writes.size() - articleFrom;
            int parentAt = -1;
            if (checks.parentId() != null) {
                parentAt = writes.size();
                writes.add(parentStillApproved(comment.articleSlug(), checks.parentId(), checks.parentDepth()));
            }
            if (approved && comment.authorHash() != null) {
                writes.add(standingWrite(tables, GuardSchema.APPROVED_AUTHOR + comment.authorHash(), now));
            }
            int parent = parentAt;
            try {
                transact(writes, reasons -> {
                    if (ArticleCounters.articleMoved(reasons, articleFrom, articleWrites)) {
                        throw new ArticleChanged();
                    }
                    if (failed(reasons, parent)) {
                        throw new Refused(Refusal.PARENT_GONE, null);
                    }
                    for (int i = 0; i < guards.size(); i++) {
                        if (failed(reasons, i)) {
                            throw new Refused(Refusal.GUARD_TAKEN, guards.get(i));
                        }
                    }
                });
                return;
            } catch (ArticleChanged changed) {
                ArticleState fresh = article(comment.articleSlug(), now, true)
                        .filter(state -> takesComments(state, checks.closesBefore()))
                        .orElseThrow(() -> new Refused(Refusal.ARTICLE_CLOSED, null));
                if (read == MAX_ARTICLE_READS) {
                    throw new Busy(read);
                }
                current = fresh;
            }
        }
    }

    /** Comments written by one transaction of an import: with the article and its list items, well inside DynamoDB's 100 items. */
    static final int IMPORT_BATCH = 25;

    /** What an import of an article's comments wrote; {@code present}: there already (an earlier run), not written again. */
    public record Imported(int approved, int pending, int present) {
    }

    /**
     * Stores comments imported from another system, those not stored yet (their ids are derived
     * from the other system's, so a run again finds them): in transactions of up to
     * {@value #IMPORT_BATCH} comments, each with the count of the approved ones on the article and
     * its list items ({@link ArticleCounters}, as an approval counts), conditional on the article's
     * version (re-read and retried when it moved) and on each comment not being there yet. No
     * guard, flood or duplicate marker is written: these comments were moderated where they come from.
     *
     * @param comments     parents before their replies
     * @param placeholders ids of comments that are not approved but have approved replies: listed
     *                     as removed parents (see {@code Moderation}), so their replies keep their thread
     * @throws IllegalStateException when the article does not exist
     */
    public Imported importComments(String slug, List<Comment> comments, Set<String> placeholders, Instant now) {
        Set<String> present = commentIds(slug);
        List<Comment> missing = comments.stream().filter(comment -> !present.contains(comment.id())).toList();
        int approved = 0;
        int pending = 0;
        for (int from = 0; from < missing.size(); from += IMPORT_BATCH) {
            List<Comment> batch = missing.subList(from, Math.min(missing.size(), from + IMPORT_BATCH));
            long delta = batch.stream().filter(comment -> comment.status() == CommentStatus.APPROVED).count();
            for (int read = 1; ; read++) {
                ArticleState article = article(slug, now, true)
                        .orElseThrow(() -> new IllegalStateException("no article " + slug + " to import comments into"));
                List<TransactWriteItem> writes = new ArrayList<>();
                for (Comment comment : batch) {
                    Map<String, AttributeValue> item = new HashMap<>(CommentItems.toItem(comment));
                    if (placeholders.contains(comment.id())) {
                        item.put(CommentSchema.LISTED_IN, s(slug));
                    }
                    writes.add(TransactWriteItem.builder().put(put -> put.tableName(tables.comments()).item(item)
                            .conditionExpression("attribute_not_exists(#id)")
                            .expressionAttributeNames(Map.of("#id", CommentSchema.COMMENT_ID))).build());
                }
                int articleFrom = writes.size();
                if (delta > 0) {
                    writes.addAll(ArticleCounters.count(tables.articles(), article, delta));
                }
                int articleWrites = writes.size() - articleFrom;
                try {
                    transact(writes, reasons -> {
                        if (ArticleCounters.articleMoved(reasons, articleFrom, articleWrites)) {
                            throw new ArticleChanged();
                        }
                        for (int i = 0; i < batch.size(); i++) {
                            if (failed(reasons, i)) {
                                throw new IllegalStateException("comment " + slug + "/" + batch.get(i).id()
                                        + " was stored by another run of the import meanwhile; run it again");
                            }
                        }
                    });
                    break;
                } catch (ArticleChanged changed) {
                    if (read == MAX_ARTICLE_READS) {
                        throw new Busy(read);
                    }
                }
            }
            approved += (int) delta;
            pending += batch.size() - (int) delta;
        }
        return new Imported(approved, pending, comments.size() - missing.size());
    }

    /** Every comment id of an article (a consistent Query of keys only). */
    private Set<String> commentIds(String slug) {
        Set<String> ids = new HashSet<>();
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> start = startKey;
            QueryResponse response = dynamoDb.query(query -> query.tableName(tables.comments()).consistentRead(true)
                    .keyConditionExpression("#slug = :slug")
                    .projectionExpression("#id")
                    .expressionAttributeNames(Map.of("#slug", CommentSchema.ARTICLE_SLUG, "#id", CommentSchema.COMMENT_ID))
                    .expressionAttributeValues(Map.of(":slug", s(slug)))
                    .exclusiveStartKey(start));
            response.items().forEach(item -> ids.add(item.get(CommentSchema.COMMENT_ID).s()));
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (startKey != null);
        return ids;
    }

    /** The article as read takes comments: {@link #articleTakesComments}, evaluated on a read. */
    private static boolean takesComments(ArticleState article, Instant closesBefore) {
        return article.published() && article.commentsOpen()
                && (closesBefore == null || article.publishedAt() == null || article.publishedAt().isAfter(closesBefore));
    }

    /** The article's condition failed (closed, or only its version moved): read it again to know which. */
    private static final class ArticleChanged extends RuntimeException {
        ArticleChanged() {
            super(null, null, false, false);
        }
    }

    /** What to do with the cancellation reasons of a transaction: throw for a condition that failed. */
    @FunctionalInterface
    public interface ConditionFailures {
        void check(List<CancellationReason> reasons);
    }

    /**
     * Runs a transaction: conditions that failed go to {@code failures} (which throws what they
     * mean); TransactionConflict and throttling are retried with {@link #CONFLICT_BACKOFF}-style
     * jittered backoff, then {@link Busy}.
     */
    public static void transact(DynamoDbClient dynamoDb, Backoff backoff, List<TransactWriteItem> writes, ConditionFailures failures) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(tx -> tx.transactItems(writes));
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                failures.check(reasons);
                // Nothing was written: another transaction held an item, or the table was busy.
                boolean retryable = reasons.stream().anyMatch(reason -> "TransactionConflict".equals(reason.code())
                        || "ThrottlingError".equals(reason.code()));
                if (!retryable) {
                    throw e;
                }
                if (!backoff.allowsRetryAfter(attempt)) {
                    throw new Busy(attempt);
                }
                backoff.pauseAfter(attempt);
            }
        }
    }

    private void transact(List<TransactWriteItem> writes, ConditionFailures failures) {
        transact(dynamoDb, backoff, writes, failures);
    }

    public static boolean failed(List<CancellationReason> reasons, int index) {
        return index >= 0 && index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /** Claims one guard on its own (a honeypot submission still uses up its challenge). */
    public void claimAlone(Guard guard, Instant now) {
        try {
            dynamoDb.putItem(put -> put.tableName(tables.guards()).item(guardItem(guard))
                    .conditionExpression("attribute_not_exists(#pk) OR #expiresAt <= :now")
                    .expressionAttributeNames(Map.of("#pk", GuardSchema.PK, "#expiresAt", GuardSchema.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond()))));
        } catch (ConditionalCheckFailedException e) {
            throw new Refused(Refusal.GUARD_TAKEN, guard);
        }
    }

    /**
     * The newest approved comments of an article, newest first (comment ids sort by time), for the
     * comments feed: pages of the article's comments, newest first, filtered to approved, until
     * {@code limit} are found or the read budget is spent.
     */
    public List<Comment> latestApproved(String slug, int limit) {
        List<Comment> found = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        for (int page = 0; page < MAX_PAGES && found.size() < limit; page++) {
            QueryResponse response = approvedPage(slug, startKey, false);
            response.items().stream().limit(limit - found.size()).forEach(item -> found.add(CommentItems.fromItem(item)));
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                break;
            }
            startKey = response.lastEvaluatedKey();
        }
        return List.copyOf(found);
    }

    /** One page of an article's comments (ids sort by time), filtered to the approved ones. */
    private QueryResponse approvedPage(String slug, Map<String, AttributeValue> startKey, boolean oldestFirst) {
        return dynamoDb.query(query -> query.tableName(tables.comments())
                .keyConditionExpression("articleSlug = :slug")
                .filterExpression("#status = :approved")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":slug", s(slug), ":approved", s(CommentStatus.APPROVED.value())))
                .scanIndexForward(oldestFirst)
                .limit(100)
                .exclusiveStartKey(startKey));
    }

    /**
     * The public list of an article's comments, oldest first, after the given id: one Query of
     * {@code limit + 1} items of the sparse {@code listedIn-commentId} index, which holds only the
     * approved comments and the placeholders of removed comments that have listed replies (a
     * comment whose status is not approved, in the page).
     */
    public Page approved(String slug, int limit, String afterId) {
        QueryResponse response = dynamoDb.query(query -> query.tableName(tables.comments())
                .indexName(CommentSchema.LISTED_INDEX)
                .keyConditionExpression("listedIn = :slug")
                .expressionAttributeValues(Map.of(":slug", s(slug)))
                .limit(limit + 1)
                .exclusiveStartKey(afterId == null ? null
                        : Map.of(CommentSchema.LISTED_IN, s(slug), CommentSchema.ARTICLE_SLUG, s(slug),
                                CommentSchema.COMMENT_ID, s(afterId))));
        List<Comment> found = response.items().stream().map(CommentItems::fromItem).toList();
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<Comment> page = List.copyOf(found.subList(0, limit));
        return new Page(page, page.get(limit - 1).id());
    }

    /** The outbox mark ({@link CommentSchema#MAIL_QUEUE}): this comment has mail to cause, due now. */
    public static Map<String, AttributeValue> mailDue(Instant now) {
        return Map.of(CommentSchema.MAIL_QUEUE, s(CommentSchema.MAIL_DUE), CommentSchema.MAIL_DUE_AT, s(Timestamps.format(now)));
    }

    /** A standing record ({@code approved-author#}, {@code spam-email#}): its key and when it was decided. */
    public static TransactWriteItem standingWrite(Tables tables, String pk, Instant now) {
        return TransactWriteItem.builder().put(put -> put.tableName(tables.guards())
                .item(Map.of(GuardSchema.PK, s(pk), GuardSchema.AT, n(now.toEpochMilli())))).build();
    }

    /**
     * The article still takes comments: published now, comments open, and (with a limit) published
     * after {@code closesBefore}. A ConditionCheck's condition, or, for an approved comment, an extra
     * condition of the versioned update that counts it (one transaction may touch an item once).
     */
    private static ArticleCounters.Condition articleTakesComments(Instant now, Instant closesBefore) {
        // ArticleSchema.isPublishedAt as a condition: published, and not scheduled for later.
        Map<String, String> names = Map.of("#status", ArticleSchema.STATUS, "#open", ArticleSchema.COMMENTS_OPEN,
                "#publishedAt", ArticleSchema.PUBLISHED_AT);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":published", s(ArticleSchema.PUBLISHED),
                ":open", Items.bool(true), ":now", s(Timestamps.format(now))));
        String condition = "#status = :published AND (attribute_not_exists(#publishedAt) OR #publishedAt <= :now)"
                + " AND (attribute_not_exists(#open) OR #open = :open)";
        if (closesBefore != null) {
            values.put(":closesBefore", s(Timestamps.format(closesBefore)));
            condition += " AND (attribute_not_exists(#publishedAt) OR #publishedAt > :closesBefore)";
        }
        return new ArticleCounters.Condition(condition, names, values);
    }

    /** A reply's parent: still approved, at the depth read (its key puts it in the same article). */
    private TransactWriteItem parentStillApproved(String slug, String parentId, int parentDepth) {
        // Comments stored before depth was recorded are at depth 1.
        String depth = parentDepth == 1 ? "(attribute_not_exists(#depth) OR #depth = :depth)" : "#depth = :depth";
        return TransactWriteItem.builder().conditionCheck(check -> check.tableName(tables.comments())
                .key(CommentSchema.key(slug, parentId))
                .conditionExpression("#status = :approved AND " + depth)
                .expressionAttributeNames(Map.of("#status", CommentSchema.STATUS, "#depth", CommentSchema.DEPTH))
                .expressionAttributeValues(Map.of(":approved", s(CommentStatus.APPROVED.value()), ":depth", n(parentDepth)))).build();
    }

    private TransactWriteItem claim(Guard guard, Instant now) {
        if (guard.isCounter()) {
            return TransactWriteItem.builder().update(update -> update.tableName(tables.guards()).key(GuardSchema.key(guard.pk()))
                    .updateExpression(COUNT_UPDATE).conditionExpression(COUNT_CONDITION)
                    .expressionAttributeNames(countNames()).expressionAttributeValues(countValues(guard))).build();
        }
        if (guard.expiresAt() == null) {
            return TransactWriteItem.builder().put(put -> put.tableName(tables.guards()).item(guardItem(guard))
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", GuardSchema.PK))).build();
        }
        return TransactWriteItem.builder().put(put -> put.tableName(tables.guards()).item(guardItem(guard))
                .conditionExpression("attribute_not_exists(#pk) OR #expiresAt <= :now")
                .expressionAttributeNames(Map.of("#pk", GuardSchema.PK, "#expiresAt", GuardSchema.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond())))).build();
    }

    private static Map<String, String> countNames() {
        return Map.of("#n", GuardSchema.COUNT, "#expiresAt", GuardSchema.EXPIRES_AT);
    }

    private static Map<String, AttributeValue> countValues(Guard counter) {
        return Map.of(":one", n(1), ":limit", n(counter.limit()), ":end", n(counter.expiresAt().getEpochSecond()));
    }

    private static Map<String, AttributeValue> guardItem(Guard guard) {
        Map<String, AttributeValue> item = new HashMap<>(GuardSchema.key(guard.pk()));
        if (guard.expiresAt() != null) {
            item.put(GuardSchema.EXPIRES_AT, n(guard.expiresAt().getEpochSecond()));
        }
        return item;
    }
}
