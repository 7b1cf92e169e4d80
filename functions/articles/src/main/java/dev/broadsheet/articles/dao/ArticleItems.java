package dev.broadsheet.articles.dao;

import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Author;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.articles.model.ReadingTime;
import dev.broadsheet.articles.model.Tag;
import dev.broadsheet.articles.model.Timestamps;
import dev.broadsheet.core.ArticleLists;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps articles to DynamoDB items of the articles table and back, by hand: the enhanced client's
 * bean introspection costs cold-start time for a mapping this small.
 *
 * <p>Two kinds of item: the article itself (key: its slug), and its list items (key:
 * {@code <list>/<slug>}, see {@link ArticleLists}), one per list a published article is in. A list
 * item holds what a list entry shows — no body, no image content types, no version — so a page of
 * 50 reads a few kilobytes. The article records the lists it is in ({@code lists}), so that the
 * editor deletes exactly those when it unpublishes or re-tags.
 */
public final class ArticleItems {

    /** The article's list names, on the article item while it is published. */
    public static final String LISTS = "lists";
    /** What a list item mirrors of the article and others than the editor change: in one transaction with it. */
    public static final String COMMENT_COUNT = "commentCount";
    public static final String COMMENTS_OPEN = "commentsOpen";
    /** When the article took its current place in the lists; see {@link Article#listedAt()}. */
    public static final String LISTED_AT = "listedAt";

    private ArticleItems() {
    }

    public static Map<String, AttributeValue> toItem(Article article) {
        Map<String, AttributeValue> item = listFields(article);
        item.put("slug", s(article.slug()));
        item.put("status", s(article.status()));
        if (article.isPublished()) {
            item.put(LISTS, strings(ArticleLists.listsOf(article.tagSlugs())));
        }
        if (article.heroImage() != null) {
            item.put("heroImage", AttributeValue.fromM(imageItem(article.heroImage(), true)));
        }
        item.put("body", AttributeValue.fromL(article.body().stream().map(ArticleItems::blockItem).toList()));
        item.put("version", n(article.version()));
        return item;
    }

    /** The article's item in one list: the list entry's fields, keyed and indexed by list and time. */
    public static Map<String, AttributeValue> toListItem(Article article, String listName) {
        Map<String, AttributeValue> item = listFields(article);
        item.put("slug", s(ArticleLists.itemKey(listName, article.slug())));
        item.put(ArticleLists.LIST_NAME, s(listName));
        if (article.heroImage() != null) {
            item.put("heroImage", AttributeValue.fromM(imageItem(article.heroImage(), false)));
        }
        return item;
    }

    /** Every list item of a published article. */
    public static List<Map<String, AttributeValue>> toListItems(Article article) {
        return ArticleLists.listsOf(article.tagSlugs()).stream().map(list -> toListItem(article, list)).toList();
    }

    private static Map<String, AttributeValue> listFields(Article article) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("headline", s(article.headline()));
        putIfPresent(item, "summary", article.summary());
        if (article.publishedAt() != null) {
            item.put("publishedAt", s(Timestamps.format(article.publishedAt())));
        }
        item.put("updatedAt", s(Timestamps.format(article.updatedAt())));
        if (article.listedAt() != null) {
            item.put(LISTED_AT, s(Timestamps.format(article.listedAt())));
        }
        item.put("tags", strings(article.tagSlugs()));
        // Only names that differ from the slug's own words are stored: most tags cost nothing more.
        Map<String, AttributeValue> names = new HashMap<>();
        article.tags().stream().filter(tag -> !tag.equals(Tag.of(tag.slug())))
                .forEach(tag -> names.put(tag.slug(), s(tag.name())));
        if (!names.isEmpty()) {
            item.put("tagNames", AttributeValue.fromM(names));
        }
        if (!article.authors().isEmpty()) {
            item.put("authors", AttributeValue.fromL(article.authors().stream().map(author ->
                    AttributeValue.fromM(Map.of("name", s(author.name()), "slug", s(author.slug())))).toList()));
        }
        item.put("readingTimeMinutes", n(article.readingTimeMinutes()));
        item.put(COMMENTS_OPEN, AttributeValue.fromBool(article.commentsOpen()));
        item.put(COMMENT_COUNT, n(article.commentCount()));
        return item;
    }

    /** An article item, or a list item (an article without body, version or status: it stands for a published one). */
    public static Article fromItem(Map<String, AttributeValue> item) {
        String key = string(item, "slug");
        boolean listItem = item.containsKey(ArticleLists.LIST_NAME);
        List<Block> body = item.containsKey("body") ? item.get("body").l().stream().map(value -> block(value.m())).toList() : List.of();
        return new Article(
                listItem ? ArticleLists.slugOf(key) : key,
                string(item, "headline"),
                string(item, "summary"),
                listItem ? Article.PUBLISHED : string(item, "status"),
                instant(item, "publishedAt"),
                instant(item, "updatedAt"),
                instant(item, LISTED_AT),
                tags(item),
                authors(item),
                item.containsKey("heroImage") ? image(item.get("heroImage").m()) : null,
                body,
                // Articles published before reading times were stored get theirs from the body.
                item.containsKey("readingTimeMinutes") ? (int) number(item, "readingTimeMinutes") : ReadingTime.minutes(body),
                !item.containsKey(COMMENTS_OPEN) || item.get(COMMENTS_OPEN).bool(),
                number(item, COMMENT_COUNT),
                number(item, "version"));
    }

    /** The lists an article item says it is in; none when it is not published. */
    public static List<String> lists(Map<String, AttributeValue> item) {
        AttributeValue lists = item.get(LISTS);
        return lists == null ? List.of() : lists.l().stream().map(AttributeValue::s).toList();
    }

    private static List<Tag> tags(Map<String, AttributeValue> item) {
        if (!item.containsKey("tags")) {
            return List.of();
        }
        Map<String, AttributeValue> names = item.containsKey("tagNames") ? item.get("tagNames").m() : Map.of();
        List<Tag> tags = new ArrayList<>();
        for (AttributeValue slug : item.get("tags").l()) {
            AttributeValue name = names.get(slug.s());
            tags.add(name == null ? Tag.of(slug.s()) : new Tag(slug.s(), name.s()));
        }
        return tags;
    }

    private static List<Author> authors(Map<String, AttributeValue> item) {
        AttributeValue authors = item.get("authors");
        return authors == null ? List.of()
                : authors.l().stream().map(author -> new Author(string(author.m(), "name"), string(author.m(), "slug"))).toList();
    }

    private static Map<String, AttributeValue> imageItem(Image image, boolean withContentType) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("key", s(image.key()));
        putIfPresent(item, "alt", image.alt());
        putIfPresent(item, "caption", image.caption());
        putIfPresent(item, "credit", image.credit());
        item.put("width", n(image.width()));
        item.put("height", n(image.height()));
        if (withContentType) {
            putIfPresent(item, "contentType", image.contentType());
        }
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
            item.put("image", AttributeValue.fromM(imageItem(block.image(), true)));
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

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(ArticleItems::s).toList());
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
