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
import java.util.stream.Stream;

import static dev.broadsheet.core.schema.Items.n;
import static dev.broadsheet.core.schema.Items.s;

/** The comments, guards and articles tables, as the comment routes use them. */
public final class DynamoComments {

    /** A filtered query may come back short; a list request reads at most this many pages. */
    private static final int MAX_PAGES = 5;
    /**
     * Retries of a transaction cancelled by {@code TransactionConflict} (another transaction held
     * one of its items: every submission checks its article, so a burst on one article collides):
     * 10 tries, random waits of up to 25, 50, … 800 ms — at most about 4 s in all (half that on
     * average), inside the function's timeout. Then 503 with {@code Retry-After}.
     */
    public static final Backoff CONFLICT_BACKOFF = Backoff.of(10, Duration.ofMillis(25), Duration.ofMillis(800));
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
                .projectionExpression("#slug, #status, #open, #publishedAt, #headline")
                .expressionAttributeNames(Map.of("#slug", ArticleSchema.SLUG, "#status", ArticleSchema.STATUS,
                        "#open", ArticleSchema.COMMENTS_OPEN, "#publishedAt", ArticleSchema.PUBLISHED_AT,
                        "#headline", ArticleSchema.HEADLINE))).item();
        if (Items.isMissing(item)) {
            return Optional.empty();
        }
        return Optional.of(new ArticleState(slug, ArticleSchema.isPublishedAt(item, now), ArticleSchema.commentsOpen(item),
                Items.instant(item, ArticleSchema.PUBLISHED_AT), Items.string(item, ArticleSchema.HEADLINE)));
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
     * the condition of the update that adds it to {@code commentCount}); a reply's parent must still
     * be approved at the depth read. The comment item names its duplicate marker, so that trashing
     * the comment can free its text. Nothing is written when anything fails.
     *
     * @throws Refused naming the failed condition: the article first, then the parent, then the first guard taken
     * @throws Busy    when TransactionConflict cancelled every attempt
     */
    public void store(Comment comment, List<Guard> guards, Preconditions checks, Instant now) {
        List<TransactWriteItem> writes = new ArrayList<>();
        List<Object> roles = new ArrayList<>();
        for (Guard guard : guards) {
            writes.add(claim(guard, now));
            roles.add(guard);
        }
        Map<String, AttributeValue> item = new HashMap<>(CommentItems.toItem(comment));
        guards.stream().filter(guard -> guard.pk().startsWith(GuardSchema.DUPLICATE)).findFirst()
                .ifPresent(duplicate -> item.put(CommentSchema.DUPLICATE_GUARD, s(duplicate.pk())));
        writes.add(TransactWriteItem.builder().put(put -> put.tableName(tables.comments()).item(item)
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", CommentSchema.COMMENT_ID))).build());
        roles.add(CommentSchema.COMMENT_ID);
        boolean approved = comment.status() == CommentStatus.APPROVED;
        writes.add(articleTakesComments(comment.articleSlug(), now, checks.closesBefore(), approved));
        roles.add(Refusal.ARTICLE_CLOSED);
        if (checks.parentId() != null) {
            writes.add(parentStillApproved(comment.articleSlug(), checks.parentId(), checks.parentDepth()));
            roles.add(Refusal.PARENT_GONE);
        }
        if (approved && comment.authorHash() != null) {
            writes.add(standingWrite(tables, GuardSchema.APPROVED_AUTHOR + comment.authorHash(), now));
            roles.add(GuardSchema.APPROVED_AUTHOR);
        }
        transact(writes, reasons -> {
            for (Refusal refusal : List.of(Refusal.ARTICLE_CLOSED, Refusal.PARENT_GONE)) {
                int index = roles.indexOf(refusal);
                if (index >= 0 && failed(reasons, index)) {
                    throw new Refused(refusal, null);
                }
            }
            for (int i = 0; i < guards.size(); i++) {
                if (failed(reasons, i)) {
                    throw new Refused(Refusal.GUARD_TAKEN, guards.get(i));
                }
            }
        });
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
        return index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
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

    /** Approved comments of an article, oldest first, after the given id. */
    public Page approved(String slug, int limit, String afterId) {
        List<Comment> found = new ArrayList<>();
        Map<String, AttributeValue> startKey = afterId == null ? null : CommentSchema.key(slug, afterId);
        for (int page = 0; page < MAX_PAGES; page++) {
            QueryResponse response = approvedPage(slug, startKey, true);
            List<Map<String, AttributeValue>> items = response.items();
            for (int i = 0; i < items.size(); i++) {
                found.add(CommentItems.fromItem(items.get(i)));
                if (found.size() == limit) {
                    // Whether more may follow: later items on this page, or another page.
                    boolean more = i < items.size() - 1 || (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty());
                    return new Page(List.copyOf(found), more ? found.get(limit - 1).id() : null);
                }
            }
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                return new Page(List.copyOf(found), null);
            }
            startKey = response.lastEvaluatedKey();
        }
        return new Page(List.copyOf(found), Items.string(startKey, CommentSchema.COMMENT_ID));
    }

    /** The article's {@code commentCount} moves by {@code delta} (approval +1, un-approval -1); the article must exist. */
    public static TransactWriteItem articleCount(Tables tables, String slug, long delta) {
        return TransactWriteItem.builder().update(update -> update.tableName(tables.articles())
                .key(ArticleSchema.key(slug))
                .updateExpression("ADD #count :delta")
                .conditionExpression("attribute_exists(#slug)")
                .expressionAttributeNames(Map.of("#count", ArticleSchema.COMMENT_COUNT, "#slug", ArticleSchema.SLUG))
                .expressionAttributeValues(Map.of(":delta", n(delta)))).build();
    }

    /** A standing record ({@code approved-author#}, {@code spam-email#}): its key and when it was decided. */
    public static TransactWriteItem standingWrite(Tables tables, String pk, Instant now) {
        return TransactWriteItem.builder().put(put -> put.tableName(tables.guards())
                .item(Map.of(GuardSchema.PK, s(pk), GuardSchema.AT, n(now.toEpochMilli())))).build();
    }

    /**
     * The article still takes comments: published now, comments open, and (with a limit) published
     * after {@code closesBefore}. For an approved comment the check is the condition of the update
     * that counts it (one transaction may touch an item once).
     */
    private TransactWriteItem articleTakesComments(String slug, Instant now, Instant closesBefore, boolean countIt) {
        // ArticleSchema.isPublishedAt as a condition: published, and not scheduled for later.
        Map<String, String> names = new HashMap<>(Map.of("#status", ArticleSchema.STATUS, "#open", ArticleSchema.COMMENTS_OPEN,
                "#publishedAt", ArticleSchema.PUBLISHED_AT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":published", s(ArticleSchema.PUBLISHED),
                ":open", Items.bool(true), ":now", s(Timestamps.format(now))));
        String condition = "#status = :published AND (attribute_not_exists(#publishedAt) OR #publishedAt <= :now)"
                + " AND (attribute_not_exists(#open) OR #open = :open)";
        if (closesBefore != null) {
            values.put(":closesBefore", s(Timestamps.format(closesBefore)));
            condition += " AND (attribute_not_exists(#publishedAt) OR #publishedAt > :closesBefore)";
        }
        String when = condition;
        if (countIt) {
            names.put("#count", ArticleSchema.COMMENT_COUNT);
            values.put(":one", n(1));
            return TransactWriteItem.builder().update(update -> update.tableName(tables.articles()).key(ArticleSchema.key(slug))
                    .updateExpression("ADD #count :one").conditionExpression(when)
                    .expressionAttributeNames(names).expressionAttributeValues(values)).build();
        }
        return TransactWriteItem.builder().conditionCheck(check -> check.tableName(tables.articles()).key(ArticleSchema.key(slug))
                .conditionExpression(when).expressionAttributeNames(names).expressionAttributeValues(values)).build();
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
