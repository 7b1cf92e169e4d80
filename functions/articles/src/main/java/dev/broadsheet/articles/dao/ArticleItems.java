package dev.broadsheet.articles.dao;

import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.articles.model.Timestamps;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps articles to DynamoDB items of the articles table and back, by hand: the enhanced client's
 * bean introspection costs cold-start time for a mapping this small.
 *
 * <p>Published articles carry {@code feed = "published"}; the {@code feed-publishedAt} index is
 * sparse, so unpublishing (removing {@code feed}) takes an article out of every list at once.
 */
public final class ArticleItems {

    public static final String FEED_INDEX = "feed-publishedAt";
    public static final String PUBLISHED_FEED = "published";

    private ArticleItems() {
    }

    public static Map<String, AttributeValue> toItem(Article article) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("slug", s(article.slug()));
        item.put("headline", s(article.headline()));
        putIfPresent(item, "summary", article.summary());
        item.put("status", s(article.status()));
        if (article.isPublished()) {
            item.put("feed", s(PUBLISHED_FEED));
        }
        if (article.publishedAt() != null) {
            item.put("publishedAt", s(Timestamps.format(article.publishedAt())));
        }
        item.put("updatedAt", s(Timestamps.format(article.updatedAt())));
        item.put("tags", AttributeValue.fromL(article.tags().stream().map(ArticleItems::s).toList()));
        if (article.heroImage() != null) {
            item.put("heroImage", AttributeValue.fromM(imageItem(article.heroImage())));
        }
        item.put("body", AttributeValue.fromL(article.body().stream().map(ArticleItems::blockItem).toList()));
        item.put("commentsOpen", AttributeValue.fromBool(article.commentsOpen()));
        item.put("commentCount", n(article.commentCount()));
        item.put("version", n(article.version()));
        return item;
    }

    public static Article fromItem(Map<String, AttributeValue> item) {
        return new Article(
                string(item, "slug"),
                string(item, "headline"),
                string(item, "summary"),
                string(item, "status"),
                instant(item, "publishedAt"),
                instant(item, "updatedAt"),
                item.containsKey("tags") ? item.get("tags").l().stream().map(AttributeValue::s).toList() : List.of(),
                item.containsKey("heroImage") ? image(item.get("heroImage").m()) : null,
                item.containsKey("body") ? item.get("body").l().stream().map(value -> block(value.m())).toList() : List.of(),
                !item.containsKey("commentsOpen") || item.get("commentsOpen").bool(),
                number(item, "commentCount"),
                number(item, "version"));
    }

    private static Map<String, AttributeValue> imageItem(Image image) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("key", s(image.key()));
        putIfPresent(item, "alt", image.alt());
        putIfPresent(item, "caption", image.caption());
        putIfPresent(item, "credit", image.credit());
        item.put("width", n(image.width()));
        item.put("height", n(image.height()));
        putIfPresent(item, "contentType", image.contentType());
        return item;
    }

    private static Image image(Map<String, AttributeValue> item) {
        return new Image(string(item, "key"), string(item, "alt"), string(item, "caption"), string(item, "credit"),
                (int) number(item, "width"), (int) number(item, "height"), string(item, "contentType"));
    }

    private static AttributeValue blockItem(Block block) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("type", s(block.type()));
        putIfPresent(item, "text", block.text());
        putIfPresent(item, "attribution", block.attribution());
        if (block.image() != null) {
            item.put("image", AttributeValue.fromM(imageItem(block.image())));
        }
        return AttributeValue.fromM(item);
    }

    private static Block block(Map<String, AttributeValue> item) {
        return new Block(string(item, "type"), string(item, "text"), string(item, "attribution"),
                item.containsKey("image") ? image(item.get("image").m()) : null);
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isEmpty()) {
            item.put(name, s(value));
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String value = string(item, name);
        return value == null ? null : Instant.parse(value);
    }
}
