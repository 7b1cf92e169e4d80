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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Published articles from the articles table and its sparse {@code feed-publishedAt} index. */
public final class DynamoArticleRepository implements ArticleRepository {

    /**
     * A tag filter is applied after DynamoDB reads a page, so a rare tag can mean many empty
     * pages; a request reads at most this many and hands the client a cursor to go on.
     */
    static final int MAX_PAGES_PER_REQUEST = 8;
    private static final int FILTERED_PAGE_SIZE = 100;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final int filteredPageSize;

    public DynamoArticleRepository(DynamoDbClient dynamoDb, String tableName) {
        this(dynamoDb, tableName, FILTERED_PAGE_SIZE);
    }

    /** With a small page size, tests reach the read budget with a handful of articles. */
    DynamoArticleRepository(DynamoDbClient dynamoDb, String tableName, int filteredPageSize) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.filteredPageSize = filteredPageSize;
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
        return article.isPublished() ? Optional.of(article) : Optional.empty();
    }

    @Override
    public ArticlePage listPublished(String tag, int limit, FeedPosition after) {
        List<Article> found = new ArrayList<>();
        Map<String, AttributeValue> startKey = after == null ? null : startKey(after);
        for (int page = 0; page < MAX_PAGES_PER_REQUEST; page++) {
            // One more than asked for tells whether another page exists.
            int pageSize = tag == null ? limit + 1 - found.size() : filteredPageSize;
            QueryResponse response = dynamoDb.query(query(tag, pageSize, startKey));
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

    private QueryRequest query(String tag, int pageSize, Map<String, AttributeValue> startKey) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":feed", Items.s(ArticleSchema.PUBLISHED_FEED));
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(tableName)
                .indexName(ArticleSchema.FEED_INDEX)
                .keyConditionExpression(ArticleSchema.FEED + " = :feed")
                .scanIndexForward(false)
                .limit(pageSize)
                .exclusiveStartKey(startKey);
        if (tag != null) {
            values.put(":tag", Items.s(tag));
            query.filterExpression("contains(" + ArticleSchema.TAGS + ", :tag)");
        }
        return query.expressionAttributeValues(values).build();
    }

    private static Map<String, AttributeValue> startKey(FeedPosition position) {
        return Map.of(
                ArticleSchema.FEED, Items.s(ArticleSchema.PUBLISHED_FEED),
                ArticleSchema.PUBLISHED_AT, Items.time(position.publishedAt()),
                ArticleSchema.SLUG, Items.s(position.slug()));
    }
}
