package dev.broadsheet.articles.dao;

import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.ArticlePage;
import dev.broadsheet.articles.model.FeedPosition;
import dev.broadsheet.core.schema.ArticleSchema;
import dev.broadsheet.core.schema.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Published articles from the articles table and its sparse {@code feed-publishedAt} index. "Now"
 * is the clock's: an article scheduled for later is in no answer (the index is queried up to now,
 * a single article is checked with {@link ArticleSchema#isPublishedAt}).
 */
public final class DynamoArticleRepository implements ArticleRepository {

    /**
     * A tag filter is applied after DynamoDB reads a page, so a rare tag can mean many empty
     * pages; a request reads at most this many and hands the client a cursor to go on.
     */
    static final int MAX_PAGES_PER_REQUEST = 8;
    private static final int FILTERED_PAGE_SIZE = 100;
    /** Sitemap pages: as many lean entries per Query as fit DynamoDB's 1 MB page. */
    private static final int ENTRY_PAGE_SIZE = 1000;
    private static final String ENTRY_PROJECTION = "#slug, #headline, #publishedAt, #updatedAt";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final int filteredPageSize;
    private final Clock clock;

    /** @param clock what "published now" is measured against */
    public DynamoArticleRepository(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this(dynamoDb, tableName, FILTERED_PAGE_SIZE, clock);
    }

    /** With a small page size, tests reach the read budget with a handful of articles. */
    DynamoArticleRepository(DynamoDbClient dynamoDb, String tableName, int filteredPageSize, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.filteredPageSize = filteredPageSize;
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
        List<Article> found = new ArrayList<>();
        Map<String, AttributeValue> startKey = after == null ? null : startKey(after);
        Instant now = clock.instant();
        for (int page = 0; page < MAX_PAGES_PER_REQUEST; page++) {
            // One more than asked for tells whether another page exists.
            int pageSize = tag == null ? limit + 1 - found.size() : filteredPageSize;
            QueryResponse response = dynamoDb.query(query(tag, pageSize, startKey, now));
            response.items().forEach(item -> found.add(ArticleItems.fromItem(item)));
            if (found.size() > limit) {
                List<Article> articles = List.copyOf(found.subList(0, limit));
                Article last = articles.get(limit - 1);
                return new ArticlePage(articles, new FeedPosition(last.publishedAt(), last.slug()));
            }
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                return new ArticlePage(List.copyOf(found), null);
            }
            startKey = response.lastEvaluatedKey();
        }
        // Read budget spent: continue after the last item DynamoDB examined.
        return new ArticlePage(List.copyOf(found), new FeedPosition(
                Items.instant(startKey, ArticleSchema.PUBLISHED_AT), Items.string(startKey, ArticleSchema.SLUG)));
    }

    @Override
    public List<Article> newest(int limit) {
        return listPublished(null, limit, null).articles();
    }

    @Override
    public List<Article> publishedWithin(Duration window, int max) {
        List<Article> found = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        Instant now = clock.instant();
        Instant since = window == null ? null : now.minus(window);
        do {
            QueryRequest query = feedQuery(now, since, null, Map.of("#slug", ArticleSchema.SLUG,
                    "#headline", ArticleSchema.HEADLINE, "#updatedAt", ArticleSchema.UPDATED_AT))
                    .projectionExpression(ENTRY_PROJECTION)
                    .limit(Math.min(ENTRY_PAGE_SIZE, max - found.size()))
                    .exclusiveStartKey(startKey)
                    .build();
            QueryResponse response = dynamoDb.query(query);
            response.items().forEach(item -> found.add(ArticleItems.fromItem(item)));
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (startKey != null && found.size() < max);
        return List.copyOf(found);
    }

    private QueryRequest query(String tag, int pageSize, Map<String, AttributeValue> startKey, Instant now) {
        return feedQuery(now, null, tag, Map.of()).limit(pageSize).exclusiveStartKey(startKey).build();
    }

    /**
     * The feed index, newest first, up to now: a scheduled article sorts above now and is not read.
     *
     * @param since the oldest publication time wanted; null for all
     * @param tag   only articles with this tag (a filter); null for all
     * @param names more attribute names (of a projection)
     */
    private QueryRequest.Builder feedQuery(Instant now, Instant since, String tag, Map<String, String> names) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#feed", ArticleSchema.FEED);
        allNames.put("#publishedAt", ArticleSchema.PUBLISHED_AT);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":feed", Items.s(ArticleSchema.PUBLISHED_FEED));
        values.put(":now", Items.time(now));
        String range = "#publishedAt <= :now";
        if (since != null) {
            values.put(":since", Items.time(since));
            range = "#publishedAt BETWEEN :since AND :now";
        }
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(tableName)
                .indexName(ArticleSchema.FEED_INDEX)
                .keyConditionExpression("#feed = :feed AND " + range)
                .scanIndexForward(false);
        if (tag != null) {
            values.put(":tag", Items.s(tag));
            query.filterExpression("contains(" + ArticleSchema.TAGS + ", :tag)");
        }
        return query.expressionAttributeNames(allNames).expressionAttributeValues(values);
    }

    private static Map<String, AttributeValue> startKey(FeedPosition position) {
        return Map.of(
                ArticleSchema.FEED, Items.s(ArticleSchema.PUBLISHED_FEED),
                ArticleSchema.PUBLISHED_AT, Items.time(position.publishedAt()),
                ArticleSchema.SLUG, Items.s(position.slug()));
    }
}
