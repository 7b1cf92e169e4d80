package dev.broadsheet.articles.dao;

import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.ArticlePage;
import dev.broadsheet.articles.model.FeedPosition;
import dev.broadsheet.core.schema.ArticleLists;
import dev.broadsheet.core.schema.ArticleSchema;
import dev.broadsheet.core.schema.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Published articles: one from its item, a list page from the list items of the
 * {@code list-publishedAt} index. A page is one Query of {@code limit + 1} list items, whatever the
 * list (every article, or one tag) and the archive's size: it reads what it returns, plus one item
 * that tells whether another page exists, so no page is empty but an empty list's (or, rarely, one
 * whose every item was re-placed while the reader paged; see {@link FeedPosition}). "Now" is the
 * clock's: an article scheduled for later is in no answer (lists are queried up to now, a single
 * article is checked with {@link ArticleSchema#isPublishedAt}).
 */
public final class DynamoArticleRepository implements ArticleRepository {

    /** Queries per page: more than one only when articles re-placed during a paging were skipped. */
    static final int MAX_QUERIES = 4;
    /** Sitemap pages: as many list entries (under 1 KB each) per Query as fit DynamoDB's 1 MB page. */
    private static final int ENTRY_PAGE_SIZE = 1000;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    /** @param clock what "published now" is measured against */
    public DynamoArticleRepository(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    @Override
    public Optional<Article> findPublished(String slug) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request
                .tableName(tableName)
                .key(ArticleSchema.key(slug))).item();
        if (Items.isMissing(item)) {
            return Optional.empty();
        }
        Article article = ArticleItems.fromItem(item);
        return article.isPublishedAt(clock.instant()) ? Optional.of(article) : Optional.empty();
    }

    @Override
    public ArticlePage listPublished(String tag, int limit, FeedPosition after) {
        String list = tag == null ? ArticleLists.ALL : ArticleLists.tag(tag);
        // The start of a paging, to the minute: pages (and their ETags) stay the same within it.
        Instant asOf = after == null ? clock.instant().truncatedTo(ChronoUnit.MINUTES) : after.asOf();
        List<Article> found = new ArrayList<>();
        Map<String, AttributeValue> startKey = after == null ? null : startKey(list, after);
        Instant now = clock.instant();
        for (int query = 0; query < MAX_QUERIES; query++) {
            // One more than asked for tells whether another page exists.
            QueryResponse response = dynamoDb.query(query(list, limit + 1 - found.size(), startKey, now,
                    after == null ? null : asOf));
            response.items().forEach(item -> found.add(ArticleItems.fromItem(item)));
            if (found.size() > limit) {
                List<Article> page = List.copyOf(found.subList(0, limit));
                Article last = page.get(limit - 1);
                return new ArticlePage(page, new FeedPosition(last.publishedAt(), last.slug(), asOf));
            }
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                return new ArticlePage(List.copyOf(found), null);
            }
            // Only when the filter dropped items: read on for the rest of the page.
            startKey = response.lastEvaluatedKey();
        }
        return new ArticlePage(List.copyOf(found), new FeedPosition(Items.instant(startKey, ArticleSchema.PUBLISHED_AT),
                ArticleLists.slugOf(Items.string(startKey, ArticleSchema.SLUG)), asOf));
    }

    /**
     * @param asOf when the paging began, for the pages after the first: items placed in the list
     *             since (re-dated backwards, say) may have been returned already, and are skipped
     */
    private QueryRequest query(String list, int limit, Map<String, AttributeValue> startKey, Instant now, Instant asOf) {
        QueryRequest.Builder query = listQuery(list, now, null).limit(limit).exclusiveStartKey(startKey);
        Map<String, String> names = new HashMap<>(query.build().expressionAttributeNames());
        Map<String, AttributeValue> values = new HashMap<>(query.build().expressionAttributeValues());
        if (asOf != null) {
            names.put("#listedAt", ArticleSchema.LISTED_AT);
            values.put(":asOf", Items.time(asOf));
            query.filterExpression("attribute_not_exists(#listedAt) OR #listedAt <= :asOf");
        }
        return query.expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    /**
     * A list's items, newest first, up to {@code latest} (now, or earlier): a scheduled article sorts
     * above now and is not read.
     *
     * @param since the oldest publication time wanted; null for all
     */
    private QueryRequest.Builder listQuery(String list, Instant latest, Instant since) {
        Map<String, String> names = new HashMap<>(Map.of("#list", ArticleLists.LIST_NAME, "#publishedAt", ArticleSchema.PUBLISHED_AT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":list", Items.s(list), ":latest", Items.time(latest)));
        String range = "#publishedAt <= :latest";
        if (since != null) {
            values.put(":since", Items.time(since));
            range = "#publishedAt BETWEEN :since AND :latest";
        }
        return QueryRequest.builder()
                .tableName(tableName)
                .indexName(ArticleLists.INDEX)
                .keyConditionExpression("#list = :list AND " + range)
                .scanIndexForward(false)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values);
    }

    /**
     * The newest published articles, whole, newest first (the RSS feed): one Query of the list of
     * every article for their slugs, then one BatchGetItem of the articles (list items hold no body).
     */
    @Override
    public List<Article> newest(int limit) {
        List<String> slugs = listPublished(null, limit, null).articles().stream().map(Article::slug).toList();
        if (slugs.isEmpty()) {
            return List.of();
        }
        Map<String, Article> bySlug = new LinkedHashMap<>();
        Map<String, KeysAndAttributes> pending = Map.of(tableName, KeysAndAttributes.builder()
                .keys(slugs.stream().map(ArticleSchema::key).toList()).build());
        while (!pending.isEmpty()) {
            Map<String, KeysAndAttributes> request = pending;
            BatchGetItemResponse response = dynamoDb.batchGetItem(get -> get.requestItems(request));
            response.responses().getOrDefault(tableName, List.of()).stream().map(ArticleItems::fromItem)
                    .forEach(article -> bySlug.put(article.slug(), article));
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        Instant now = clock.instant();
        return slugs.stream().map(bySlug::get).filter(article -> article != null && article.isPublishedAt(now)).toList();
    }

    /** Articles published within {@code window} before now (null: ever), newest first, at most {@code max}: lean list entries. */
    @Override
    public List<Article> publishedWithin(Duration window, int max) {
        Instant now = clock.instant();
        return published(window == null ? null : now.minus(window), now, max);
    }

    @Override
    public List<Article> publishedBetween(Instant from, Instant until, int max) {
        Instant now = clock.instant();
        // BETWEEN includes both ends; timestamps are stored to the millisecond.
        Instant latest = until.isAfter(now) ? now : until.minusMillis(1);
        return latest.isBefore(from) ? List.of() : published(from, latest, max);
    }

    @Override
    public Optional<Instant> firstPublishedAt() {
        QueryResponse response = dynamoDb.query(listQuery(ArticleLists.ALL, clock.instant(), null)
                .scanIndexForward(true).limit(1).build());
        return response.items().stream().findFirst().map(item -> Items.instant(item, ArticleSchema.PUBLISHED_AT));
    }

    private List<Article> published(Instant since, Instant latest, int max) {
        List<Article> found = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse response = dynamoDb.query(listQuery(ArticleLists.ALL, latest, since)
                    .limit(Math.min(ENTRY_PAGE_SIZE, max - found.size())).exclusiveStartKey(startKey).build());
            response.items().forEach(item -> found.add(ArticleItems.fromItem(item)));
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (startKey != null && found.size() < max);
        return List.copyOf(found);
    }

    private static Map<String, AttributeValue> startKey(String list, FeedPosition position) {
        return Map.of(
                ArticleLists.LIST_NAME, Items.s(list),
                ArticleSchema.PUBLISHED_AT, Items.time(position.publishedAt()),
                ArticleSchema.SLUG, Items.s(ArticleLists.itemKey(list, position.slug())));
    }
}
