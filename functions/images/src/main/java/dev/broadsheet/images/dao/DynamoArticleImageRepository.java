package dev.broadsheet.images.dao;

import dev.broadsheet.core.schema.ArticleSchema;
import dev.broadsheet.images.model.ArticleImage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.broadsheet.core.schema.Items.number;
import static dev.broadsheet.core.schema.Items.string;

/**
 * One {@code GetItem} on the articles table, projected to the attributes that decide what may be
 * signed: {@code status}, {@code publishedAt} (a scheduled article's images are signed from its
 * time on, {@link ArticleSchema#isPublishedAt}), {@code heroImage} and {@code body}; this module
 * reads only the image part, so it does not depend on the articles module.
 */
public final class DynamoArticleImageRepository implements ArticleImageRepository {

    /** {@code status} is a DynamoDB reserved word: every name goes through a placeholder. */
    private static final String PROJECTION = "#status, #publishedAt, #hero, #body";
    private static final Map<String, String> NAMES = Map.of("#status", ArticleSchema.STATUS,
            "#publishedAt", ArticleSchema.PUBLISHED_AT, "#hero", ArticleSchema.HERO_IMAGE, "#body", ArticleSchema.BODY);

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    /** @param clock what "published now" is measured against */
    public DynamoArticleImageRepository(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    @Override
    public Optional<List<ArticleImage>> publishedImages(String slug) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request
                .tableName(tableName)
                .key(ArticleSchema.key(slug))
                .projectionExpression(PROJECTION)
                .expressionAttributeNames(NAMES)).item();
        if (!ArticleSchema.isPublishedAt(item, clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(images(item));
    }

    static List<ArticleImage> images(Map<String, AttributeValue> item) {
        List<ArticleImage> images = new ArrayList<>();
        AttributeValue hero = item.get(ArticleSchema.HERO_IMAGE);
        if (hero != null && hero.hasM()) {
            image(hero.m(), ArticleImage.HERO).ifPresent(images::add);
        }
        AttributeValue body = item.get(ArticleSchema.BODY);
        if (body != null && body.hasL()) {
            for (AttributeValue block : body.l()) {
                if (!block.hasM()) {
                    continue;
                }
                // An image block's image, a gallery's images.
                AttributeValue image = block.m().get(ArticleSchema.BLOCK_IMAGE);
                if (image != null && image.hasM()) {
                    image(image.m(), ArticleImage.BODY).ifPresent(images::add);
                }
                AttributeValue gallery = block.m().get(ArticleSchema.BLOCK_IMAGES);
                if (gallery != null && gallery.hasL()) {
                    gallery.l().stream().filter(AttributeValue::hasM)
                            .forEach(each -> image(each.m(), ArticleImage.BODY).ifPresent(images::add));
                }
            }
        }
        return List.copyOf(images);
    }

    private static Optional<ArticleImage> image(Map<String, AttributeValue> item, String role) {
        String key = string(item, ArticleSchema.IMAGE_KEY);
        if (key == null) {
            return Optional.empty();
        }
        return Optional.of(new ArticleImage(key, role, string(item, ArticleSchema.IMAGE_ALT),
                string(item, ArticleSchema.IMAGE_CAPTION), string(item, ArticleSchema.IMAGE_CREDIT),
                (int) number(item, ArticleSchema.IMAGE_WIDTH), (int) number(item, ArticleSchema.IMAGE_HEIGHT)));
    }
}
