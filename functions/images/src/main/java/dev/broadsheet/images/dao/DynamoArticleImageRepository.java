package dev.broadsheet.images.dao;

import dev.broadsheet.images.model.ArticleImage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code GetItem} on the articles table, projected to the attributes that decide what may be
 * signed: {@code status}, {@code heroImage} and {@code body}. The item layout is the one
 * {@code dev.broadsheet.articles.dao.ArticleItems} writes; this module reads only its image part,
 * so it does not depend on the articles module.
 */
public final class DynamoArticleImageRepository implements ArticleImageRepository {

    static final String PUBLISHED = "published";
    /** {@code status} is a DynamoDB reserved word: every name goes through a placeholder. */
    private static final String PROJECTION = "#status, #hero, #body";
    private static final Map<String, String> NAMES = Map.of("#status", "status", "#hero", "heroImage", "#body", "body");

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoArticleImageRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<List<ArticleImage>> publishedImages(String slug) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request
                .tableName(tableName)
                .key(Map.of("slug", AttributeValue.fromS(slug)))
                .projectionExpression(PROJECTION)
                .expressionAttributeNames(NAMES)).item();
        if (item == null || item.isEmpty() || !PUBLISHED.equals(string(item, "status"))) {
            return Optional.empty();
        }
        return Optional.of(images(item));
    }

    static List<ArticleImage> images(Map<String, AttributeValue> item) {
        List<ArticleImage> images = new ArrayList<>();
        AttributeValue hero = item.get("heroImage");
        if (hero != null && hero.hasM()) {
            image(hero.m(), ArticleImage.HERO).ifPresent(images::add);
        }
        AttributeValue body = item.get("body");
        if (body != null && body.hasL()) {
            for (AttributeValue block : body.l()) {
                AttributeValue image = block.hasM() ? block.m().get("image") : null;
                if (image != null && image.hasM()) {
                    image(image.m(), ArticleImage.BODY).ifPresent(images::add);
                }
            }
        }
        return List.copyOf(images);
    }

    private static Optional<ArticleImage> image(Map<String, AttributeValue> item, String role) {
        String key = string(item, "key");
        if (key == null) {
            return Optional.empty();
        }
        return Optional.of(new ArticleImage(key, role, string(item, "alt"), string(item, "caption"),
                string(item, "credit"), number(item, "width"), number(item, "height")));
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static int number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Integer.parseInt(value.n());
    }
}
