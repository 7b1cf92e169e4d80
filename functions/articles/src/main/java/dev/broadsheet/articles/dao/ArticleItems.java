package dev.broadsheet.articles.dao;

import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.core.schema.Items;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.broadsheet.core.schema.ArticleSchema.*;
import static dev.broadsheet.core.schema.Items.number;
import static dev.broadsheet.core.schema.Items.putIfPresent;
import static dev.broadsheet.core.schema.Items.s;
import static dev.broadsheet.core.schema.Items.string;

/**
 * Maps articles to items of the articles table ({@link dev.broadsheet.core.schema.ArticleSchema})
 * and back, by hand: the enhanced client's bean introspection costs cold-start time for a mapping
 * this small.
 */
public final class ArticleItems {

    private ArticleItems() {
    }

    public static Map<String, AttributeValue> toItem(Article article) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(SLUG, s(article.slug()));
        item.put(HEADLINE, s(article.headline()));
        putIfPresent(item, SUMMARY, article.summary());
        item.put(STATUS, s(article.status()));
        if (article.isPublished()) {
            item.put(FEED, s(PUBLISHED_FEED));
        }
        if (article.publishedAt() != null) {
            item.put(PUBLISHED_AT, Items.time(article.publishedAt()));
        }
        item.put(UPDATED_AT, Items.time(article.updatedAt()));
        item.put(TAGS, AttributeValue.fromL(article.tags().stream().map(Items::s).toList()));
        if (article.heroImage() != null) {
            item.put(HERO_IMAGE, AttributeValue.fromM(imageItem(article.heroImage())));
        }
        item.put(BODY, AttributeValue.fromL(article.body().stream().map(ArticleItems::blockItem).toList()));
        item.put(COMMENTS_OPEN, Items.bool(article.commentsOpen()));
        item.put(COMMENT_COUNT, Items.n(article.commentCount()));
        item.put(VERSION, Items.n(article.version()));
        return item;
    }

    public static Article fromItem(Map<String, AttributeValue> item) {
        return new Article(
                string(item, SLUG),
                string(item, HEADLINE),
                string(item, SUMMARY),
                string(item, STATUS),
                Items.instant(item, PUBLISHED_AT),
                Items.instant(item, UPDATED_AT),
                item.containsKey(TAGS) ? item.get(TAGS).l().stream().map(AttributeValue::s).toList() : List.of(),
                item.containsKey(HERO_IMAGE) ? image(item.get(HERO_IMAGE).m()) : null,
                item.containsKey(BODY) ? item.get(BODY).l().stream().map(value -> block(value.m())).toList() : List.of(),
                commentsOpen(item),
                number(item, COMMENT_COUNT),
                number(item, VERSION));
    }

    private static Map<String, AttributeValue> imageItem(Image image) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(IMAGE_KEY, s(image.key()));
        putIfPresent(item, IMAGE_ALT, image.alt());
        putIfPresent(item, IMAGE_CAPTION, image.caption());
        putIfPresent(item, IMAGE_CREDIT, image.credit());
        item.put(IMAGE_WIDTH, Items.n(image.width()));
        item.put(IMAGE_HEIGHT, Items.n(image.height()));
        putIfPresent(item, IMAGE_CONTENT_TYPE, image.contentType());
        return item;
    }

    private static Image image(Map<String, AttributeValue> item) {
        return new Image(string(item, IMAGE_KEY), string(item, IMAGE_ALT), string(item, IMAGE_CAPTION),
                string(item, IMAGE_CREDIT), (int) number(item, IMAGE_WIDTH), (int) number(item, IMAGE_HEIGHT),
                string(item, IMAGE_CONTENT_TYPE));
    }

    private static AttributeValue blockItem(Block block) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(BLOCK_TYPE, s(block.type()));
        putIfPresent(item, BLOCK_TEXT, block.text());
        putIfPresent(item, BLOCK_ATTRIBUTION, block.attribution());
        if (block.image() != null) {
            item.put(BLOCK_IMAGE, AttributeValue.fromM(imageItem(block.image())));
        }
        return AttributeValue.fromM(item);
    }

    private static Block block(Map<String, AttributeValue> item) {
        return new Block(string(item, BLOCK_TYPE), string(item, BLOCK_TEXT), string(item, BLOCK_ATTRIBUTION),
                item.containsKey(BLOCK_IMAGE) ? image(item.get(BLOCK_IMAGE).m()) : null);
    }
}
