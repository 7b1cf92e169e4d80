package dev.broadsheet.articles.dao;

import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Author;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.articles.model.ReadingTime;
import dev.broadsheet.articles.model.Tag;
import dev.broadsheet.core.schema.ArticleLists;
import dev.broadsheet.core.schema.Items;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.broadsheet.core.schema.ArticleSchema.*;
import static dev.broadsheet.core.schema.Items.n;
import static dev.broadsheet.core.schema.Items.number;
import static dev.broadsheet.core.schema.Items.putIfPresent;
import static dev.broadsheet.core.schema.Items.s;
import static dev.broadsheet.core.schema.Items.string;

/**
 * Maps articles to items of the articles table ({@link dev.broadsheet.core.schema.ArticleSchema})
 * and back, by hand: the enhanced client's bean introspection costs cold-start time for a mapping
 * this small.
 *
 * <p>Two kinds of item: the article itself (key: its slug), and its list items (key:
 * {@code <list>/<slug>}, see {@link ArticleLists}), one per list a published article is in. A list
 * item holds what a list entry shows — no body, no image content types, no version — so a page of
 * 50 reads a few kilobytes. The article records the lists it is in ({@code lists}), so that the
 * editor deletes exactly those when it unpublishes or re-tags.
 */
public final class ArticleItems {

    private ArticleItems() {
    }

    public static Map<String, AttributeValue> toItem(Article article) {
        Map<String, AttributeValue> item = listFields(article);
        item.put(SLUG, s(article.slug()));
        item.put(STATUS, s(article.status()));
        if (article.isPublished()) {
            item.put(LISTS, strings(ArticleLists.listsOf(article.tagSlugs())));
        }
        if (article.heroImage() != null) {
            item.put(HERO_IMAGE, AttributeValue.fromM(imageItem(article.heroImage(), true)));
        }
        item.put(BODY, AttributeValue.fromL(article.body().stream().map(BlockItems::toItem).toList()));
        item.put(VERSION, n(article.version()));
        return item;
    }

    /** The article's item in one list: the list entry's fields, keyed and indexed by list and time. */
    public static Map<String, AttributeValue> toListItem(Article article, String listName) {
        Map<String, AttributeValue> item = listFields(article);
        item.put(SLUG, s(ArticleLists.itemKey(listName, article.slug())));
        item.put(ArticleLists.LIST_NAME, s(listName));
        if (article.heroImage() != null) {
            item.put(HERO_IMAGE, AttributeValue.fromM(imageItem(article.heroImage(), false)));
        }
        return item;
    }

    /** Every list item of a published article. */
    public static List<Map<String, AttributeValue>> toListItems(Article article) {
        return ArticleLists.listsOf(article.tagSlugs()).stream().map(list -> toListItem(article, list)).toList();
    }

    private static Map<String, AttributeValue> listFields(Article article) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(HEADLINE, s(article.headline()));
        putIfPresent(item, SUMMARY, article.summary());
        if (article.publishedAt() != null) {
            item.put(PUBLISHED_AT, Items.time(article.publishedAt()));
        }
        item.put(UPDATED_AT, Items.time(article.updatedAt()));
        if (article.listedAt() != null) {
            item.put(LISTED_AT, Items.time(article.listedAt()));
        }
        item.put(TAGS, strings(article.tagSlugs()));
        // Only names that differ from the slug's own words are stored: most tags cost nothing more.
        Map<String, AttributeValue> names = new HashMap<>();
        article.tags().stream().filter(tag -> !tag.equals(Tag.of(tag.slug())))
                .forEach(tag -> names.put(tag.slug(), s(tag.name())));
        if (!names.isEmpty()) {
            item.put(TAG_NAMES, AttributeValue.fromM(names));
        }
        if (!article.authors().isEmpty()) {
            item.put(AUTHORS, AttributeValue.fromL(article.authors().stream().map(author ->
                    AttributeValue.fromM(Map.of(AUTHOR_NAME, s(author.name()), AUTHOR_SLUG, s(author.slug())))).toList()));
        }
        item.put(READING_TIME_MINUTES, n(article.readingTimeMinutes()));
        item.put(COMMENTS_OPEN, Items.bool(article.commentsOpen()));
        item.put(COMMENT_COUNT, n(article.commentCount()));
        return item;
    }

    /** An article item, or a list item (an article without body, version or status: it stands for a published one). */
    public static Article fromItem(Map<String, AttributeValue> item) {
        String key = string(item, SLUG);
        boolean listItem = item.containsKey(ArticleLists.LIST_NAME);
        List<Block> body = item.containsKey(BODY) ? item.get(BODY).l().stream().map(value -> BlockItems.fromItem(value.m())).toList() : List.of();
        return new Article(
                listItem ? ArticleLists.slugOf(key) : key,
                string(item, HEADLINE),
                string(item, SUMMARY),
                listItem ? PUBLISHED : string(item, STATUS),
                Items.instant(item, PUBLISHED_AT),
                Items.instant(item, UPDATED_AT),
                Items.instant(item, LISTED_AT),
                tags(item),
                authors(item),
                item.containsKey(HERO_IMAGE) ? image(item.get(HERO_IMAGE).m()) : null,
                body,
                // Articles published before reading times were stored get theirs from the body.
                item.containsKey(READING_TIME_MINUTES) ? (int) number(item, READING_TIME_MINUTES) : ReadingTime.minutes(body),
                commentsOpen(item),
                number(item, COMMENT_COUNT),
                number(item, VERSION));
    }

    /** The lists an article item says it is in; none when it is not published. */
    public static List<String> lists(Map<String, AttributeValue> item) {
        AttributeValue lists = item.get(LISTS);
        return lists == null ? List.of() : lists.l().stream().map(AttributeValue::s).toList();
    }

    private static List<Tag> tags(Map<String, AttributeValue> item) {
        if (!item.containsKey(TAGS)) {
            return List.of();
        }
        Map<String, AttributeValue> names = item.containsKey(TAG_NAMES) ? item.get(TAG_NAMES).m() : Map.of();
        List<Tag> tags = new ArrayList<>();
        for (AttributeValue slug : item.get(TAGS).l()) {
            AttributeValue name = names.get(slug.s());
            tags.add(name == null ? Tag.of(slug.s()) : new Tag(slug.s(), name.s()));
        }
        return tags;
    }

    private static List<Author> authors(Map<String, AttributeValue> item) {
        AttributeValue authors = item.get(AUTHORS);
        return authors == null ? List.of()
                : authors.l().stream().map(author -> new Author(string(author.m(), AUTHOR_NAME), string(author.m(), AUTHOR_SLUG))).toList();
    }

    static Map<String, AttributeValue> imageItem(Image image, boolean withContentType) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(IMAGE_KEY, s(image.key()));
        putIfPresent(item, IMAGE_ALT, image.alt());
        putIfPresent(item, IMAGE_CAPTION, image.caption());
        putIfPresent(item, IMAGE_CREDIT, image.credit());
        item.put(IMAGE_WIDTH, n(image.width()));
        item.put(IMAGE_HEIGHT, n(image.height()));
        if (withContentType) {
            putIfPresent(item, IMAGE_CONTENT_TYPE, image.contentType());
        }
        return item;
    }

    static Image image(Map<String, AttributeValue> item) {
        return new Image(string(item, IMAGE_KEY), string(item, IMAGE_ALT), string(item, IMAGE_CAPTION),
                string(item, IMAGE_CREDIT), (int) number(item, IMAGE_WIDTH), (int) number(item, IMAGE_HEIGHT),
                string(item, IMAGE_CONTENT_TYPE));
    }

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(Items::s).toList());
    }
}
