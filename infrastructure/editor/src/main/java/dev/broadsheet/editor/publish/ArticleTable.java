package dev.broadsheet.editor.publish;

import dev.broadsheet.articles.dao.ArticleItems;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.core.schema.ArticleLists;
import dev.broadsheet.core.schema.ArticleSchema;
import dev.broadsheet.core.schema.Items;
import dev.broadsheet.core.schema.Timestamps;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The editor's reads and writes of the articles table. Every write is conditional on the version
 * read ({@code attribute_not_exists(slug)} for a new article) and sets version + 1, so a concurrent
 * edit is refused instead of lost.
 *
 * <p>An article and its list items (see {@link ArticleLists}) change in one transaction: publishing
 * puts a list item per list the article is in and deletes those of lists it left (a tag removed),
 * re-dating moves them (their sort key is {@code publishedAt}), unpublishing deletes them all. So a
 * list never shows an article that is not published, nor misses one that is.
 *
 * <p>Writes are {@code UpdateItem}s that set every editor field and leave {@code commentCount}
 * alone: comment approval increments it without touching {@code version}, and a whole-item put
 * would write back the count read before the approval. List items mirror the count and the open
 * flag, so a publish is also conditional on those as read; when only they moved, the publish is
 * {@link CountersMovedException retried} with the new values.
 */
public final class ArticleTable {

    /** Optional attributes of an article item: removed when an edit leaves them out (and {@code feed}, from before list items). */
    private static final List<String> OPTIONAL = List.of(ArticleSchema.SUMMARY, ArticleSchema.LEGACY_FEED,
            ArticleSchema.PUBLISHED_AT, ArticleSchema.HERO_IMAGE, ArticleSchema.TAG_NAMES, ArticleSchema.AUTHORS,
            ArticleSchema.LISTS, ArticleSchema.LISTED_AT);

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public ArticleTable(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    public String name() {
        return tableName;
    }

    /** An article as read, with the lists its item says it is in (whose list items exist). */
    public record Stored(Article article, List<String> lists) {
    }

    /** The article, published or not (a strongly consistent read: the version must be the latest). */
    public Optional<Article> find(String slug) {
        return findStored(slug).map(Stored::article);
    }

    /** The article and its lists, published or not (strongly consistent). */
    public Optional<Stored> findStored(String slug) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(tableName)
                .key(key(slug)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(new Stored(ArticleItems.fromItem(item), ArticleItems.lists(item)));
    }

    /**
     * Writes the article, whose version must be the one read plus one, with its list items.
     *
     * @param stored the article this edit started from; null for a new article
     * @throws ConcurrentEditException when the stored article is not at the version read any more
     * @throws CountersMovedException  when only its comment count or open flag changed since: write again
     */
    public void write(Article article, Stored stored) {
        long versionRead = stored == null ? 0 : stored.article().version();
        Map<String, AttributeValue> item = ArticleItems.toItem(article);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            String name = attribute.getKey();
            if (name.equals(ArticleSchema.SLUG) || (name.equals(ArticleSchema.COMMENT_COUNT) && versionRead != 0)) {
                continue;
            }
            names.put("#a" + index, name);
            values.put(":v" + index, attribute.getValue());
            sets.add("#a" + index + " = :v" + index);
            index++;
        }
        List<String> removes = new ArrayList<>();
        for (String optional : OPTIONAL) {
            if (!item.containsKey(optional)) {
                String placeholder = "#r" + removes.size();
                names.put(placeholder, optional);
                removes.add(placeholder);
            }
        }
        String condition;
        if (stored == null) {
            condition = "attribute_not_exists(slug)";
        } else {
            condition = unchangedSince(stored.article(), names, values);
        }
        String update = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(tableName).key(key(article.slug()))
                .updateExpression(update).conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values)).build());
        List<String> lists = article.isPublished() ? ArticleLists.listsOf(article.tagSlugs()) : List.of();
        if (article.isPublished()) {
            ArticleItems.toListItems(article).forEach(listItem ->
                    writes.add(TransactWriteItem.builder().put(put -> put.tableName(tableName).item(listItem)).build()));
        }
        if (stored != null) {
            stored.lists().stream().filter(list -> !lists.contains(list)).forEach(list -> writes.add(delete(list, article.slug())));
        }
        transact(writes, article.slug(), versionRead);
    }

    /**
     * Takes a published article out of the API and every list: status {@code unpublished}, its
     * list items deleted, version + 1, in one transaction. Its images stay in the bucket; the images
     * function signs nothing of an unpublished article.
     */
    public void unpublish(Stored stored, Instant now) {
        Article article = stored.article();
        Map<String, String> names = new HashMap<>(Map.of("#status", ArticleSchema.STATUS, "#lists", ArticleSchema.LISTS,
                "#listedAt", ArticleSchema.LISTED_AT, "#updatedAt", ArticleSchema.UPDATED_AT, "#feed", ArticleSchema.LEGACY_FEED));
        names.put("#version", ArticleSchema.VERSION);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":unpublished", Items.s(ArticleSchema.UNPUBLISHED),
                ":now", Items.time(now),
                ":next", Items.n(article.version() + 1),
                ":expected", Items.n(article.version())));
        // Only the version: the list items go, so a count that moved meanwhile is copied nowhere.
        String condition = "#version = :expected";
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(tableName).key(key(article.slug()))
                .updateExpression("SET #status = :unpublished, #updatedAt = :now, #version = :next REMOVE #feed, #lists, #listedAt")
                .conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values)).build());
        stored.lists().forEach(list -> writes.add(delete(list, article.slug())));
        transact(writes, article.slug(), article.version());
    }

    /**
     * The condition that the article is as read: its version, and what its list items mirror and
     * others change (comment approval, {@code comments close}), so that no list item is written
     * with a count or flag that has moved on.
     */
    private static String unchangedSince(Article read, Map<String, String> names, Map<String, AttributeValue> values) {
        names.put("#version", ArticleSchema.VERSION);
        names.put("#count", ArticleSchema.COMMENT_COUNT);
        names.put("#open", ArticleSchema.COMMENTS_OPEN);
        values.put(":expected", Items.n(read.version()));
        values.put(":count", Items.n(read.commentCount()));
        values.put(":open", Items.bool(read.commentsOpen()));
        return "#version = :expected AND (attribute_not_exists(#count) OR #count = :count)"
                + " AND (attribute_not_exists(#open) OR #open = :open)";
    }

    private TransactWriteItem delete(String list, String slug) {
        return TransactWriteItem.builder().delete(d -> d.tableName(tableName)
                .key(key(ArticleLists.itemKey(list, slug)))).build();
    }

    private void transact(List<TransactWriteItem> writes, String slug, long versionRead) {
        try {
            dynamoDb.transactWriteItems(tx -> tx.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().isEmpty() || !"ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
                throw e;
            }
            Optional<Article> now = find(slug);
            if (versionRead != 0 && now.isPresent() && now.get().version() == versionRead) {
                throw new CountersMovedException(slug);
            }
            throw new ConcurrentEditException(slug, versionRead);
        }
    }

    /**
     * Writes the list items a published article should have and lacks (an article published
     * before list items existed): the article as stored, version + 1, keeping its place in the
     * lists as of its publication. False when there was nothing to do.
     */
    public boolean relist(String slug) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Stored stored = findStored(slug).orElse(null);
            if (stored == null || !stored.article().isPublished()
                    || stored.lists().equals(ArticleLists.listsOf(stored.article().tagSlugs()))) {
                return false;
            }
            Article a = stored.article();
            try {
                write(new Article(a.slug(), a.headline(), a.summary(), a.status(), a.publishedAt(), a.updatedAt(),
                        a.listedAt() != null ? a.listedAt() : a.publishedAt(), a.tags(), a.authors(), a.heroImage(), a.body(),
                        a.readingTimeMinutes(), a.commentsOpen(), a.commentCount(), a.version() + 1), stored);
                return true;
            } catch (CountersMovedException e) {
                // A comment was approved meanwhile: read again.
            }
        }
        throw new ConcurrentEditException(slug, findStored(slug).map(s -> s.article().version()).orElse(0L));
    }

    /** One line of {@code broadsheet list}. */
    public record Listing(String slug, String status, String publishedAt, int imageCount) {
    }

    /** Every article, published or not; a paginated Scan of the few attributes a listing shows (no list items). */
    public List<Listing> list() {
        List<Listing> listings = new ArrayList<>();
        ScanRequest scan = ScanRequest.builder().tableName(tableName)
                .projectionExpression("slug, #status, publishedAt, heroImage, body")
                .filterExpression("attribute_not_exists(#list)")
                .expressionAttributeNames(Map.of("#status", ArticleSchema.STATUS, "#list", ArticleLists.LIST_NAME))
                .build();
        dynamoDb.scanPaginator(scan).items().forEach(item -> {
            Article article = ArticleItems.fromItem(item);
            int images = (article.heroImage() == null ? 0 : 1)
                    + (int) article.body().stream().filter(block -> block.image() != null).count();
            listings.add(new Listing(article.slug(), article.status(), Timestamps.format(article.publishedAt()), images));
        });
        return listings;
    }

    private static Map<String, AttributeValue> key(String slug) {
        return ArticleSchema.key(slug);
    }
}
