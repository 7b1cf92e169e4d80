package dev.broadsheet.core.schema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

/**
 * The articles table: key {@code slug}. The editor writes whole articles; comment approval adds
 * to {@code commentCount}; every editor write (publish, unpublish, comments close/open) is
 * conditional on {@code version} and sets it one higher, so no edit is lost to another.
 *
 * <p>The table also holds list items (see {@link ArticleLists}): one per list a published article
 * is in, keyed {@code <list>/<slug>}, written and deleted in the editor's transaction with the
 * article; the article records those lists ({@code lists}).
 */
public final class ArticleSchema {

    public static final String SLUG = "slug";
    public static final String HEADLINE = "headline";
    public static final String SUMMARY = "summary";
    public static final String STATUS = "status";
    /** Before list items, published articles carried {@code feed}; an editor's write removes it. */
    public static final String LEGACY_FEED = "feed";
    public static final String PUBLISHED_AT = "publishedAt";
    public static final String UPDATED_AT = "updatedAt";
    /** The tags' slugs, in the editor's order. */
    public static final String TAGS = "tags";
    /** Display names of the tags whose name is not their slug's words: a map slug → name. */
    public static final String TAG_NAMES = "tagNames";
    /** The byline: a list of maps {@code {name, slug}}. */
    public static final String AUTHORS = "authors";
    public static final String AUTHOR_NAME = "name";
    public static final String AUTHOR_SLUG = "slug";
    public static final String READING_TIME_MINUTES = "readingTimeMinutes";
    /** The lists (names, see {@link ArticleLists}) whose list items exist: on a published article only. */
    public static final String LISTS = "lists";
    /** When the article took its current place in the lists (published, or re-dated). */
    public static final String LISTED_AT = "listedAt";
    public static final String HERO_IMAGE = "heroImage";
    public static final String BODY = "body";
    public static final String COMMENTS_OPEN = "commentsOpen";
    public static final String COMMENT_COUNT = "commentCount";
    public static final String VERSION = "version";
    /**
     * The editor's record of who decided what (a map): {@code contentVersion} (the version whose
     * publish last changed the content) and {@code content}, {@code status}, {@code comments}, each
     * {@code {by, at}}. Only the editor reads it.
     */
    public static final String DECISIONS = "decisions";

    /** Attributes of an image map (the hero, or a body block's {@code image}). */
    public static final String IMAGE_KEY = "key";
    public static final String IMAGE_ALT = "alt";
    public static final String IMAGE_CAPTION = "caption";
    public static final String IMAGE_CREDIT = "credit";
    public static final String IMAGE_WIDTH = "width";
    public static final String IMAGE_HEIGHT = "height";
    public static final String IMAGE_CONTENT_TYPE = "contentType";

    /**
     * Attributes of a body block map: the field names of the API's JSON. Text blocks, list items and
     * table cells hold {@code content}, a list of span maps ({@code {text, marks?, href?}} or
     * {@code {break: true}}); the plain-text forms are derived on read, except a code block's
     * {@code text}, which is the code. Blocks stored before spans hold {@code text} instead of
     * {@code content}, and headings then had no {@code level}: read as one span per line, level 2.
     */
    public static final String BLOCK_TYPE = "type";
    public static final String BLOCK_TEXT = "text";
    public static final String BLOCK_CONTENT = "content";
    public static final String BLOCK_LEVEL = "level";
    public static final String BLOCK_ATTRIBUTION = "attribution";
    public static final String BLOCK_CITE = "cite";
    public static final String BLOCK_ORDERED = "ordered";
    public static final String BLOCK_ITEMS = "items";
    /** A list item's nested list: a map of {@code ordered} and {@code items}. */
    public static final String BLOCK_ITEM_LIST = "list";
    public static final String BLOCK_LANGUAGE = "language";
    public static final String BLOCK_CAPTION = "caption";
    public static final String BLOCK_HEADER = "header";
    /** A table's rows: a list of lists of cell maps ({@code {content}}). */
    public static final String BLOCK_ROWS = "rows";
    public static final String BLOCK_IMAGE = "image";
    /** A gallery's images: a list of image maps, as {@link #BLOCK_IMAGE}. */
    public static final String BLOCK_IMAGES = "images";
    public static final String BLOCK_PROVIDER = "provider";
    public static final String BLOCK_URL = "url";
    public static final String SPAN_TEXT = "text";
    public static final String SPAN_MARKS = "marks";
    public static final String SPAN_HREF = "href";
    public static final String SPAN_BREAK = "break";

    /** Statuses: only {@code published} articles are served, signed or commented on. */
    public static final String PUBLISHED = "published";
    public static final String UNPUBLISHED = "unpublished";

    /** Comments are open unless an editor closed them: an article without the attribute is open. */
    public static final boolean COMMENTS_OPEN_BY_DEFAULT = true;

    private ArticleSchema() {
    }

    public static Map<String, AttributeValue> key(String slug) {
        return Map.of(SLUG, Items.s(slug));
    }

    /**
     * Whether an editor published it: the status alone. A published article whose time has not come
     * is <em>scheduled</em>; readers see only what {@link #isPublishedAt} allows.
     */
    public static boolean isPublished(String status) {
        return PUBLISHED.equals(status);
    }

    /** Published, with its time still to come: waiting, invisible to readers ({@code broadsheet list} says "scheduled"). */
    public static boolean isScheduled(String status, Instant publishedAt, Instant now) {
        return isPublished(status) && publishedAt != null && publishedAt.isAfter(now);
    }

    /**
     * The one meaning of "published now", which every read path applies (an article, the lists,
     * feeds and sitemaps, image signing, comments): published by an editor, and its
     * {@code publishedAt} not after {@code now}. An article with a future {@code publishedAt} is
     * scheduled: not served (404), listed or signed, nor open to comments, until that instant.
     */
    public static boolean isPublishedAt(String status, Instant publishedAt, Instant now) {
        return isPublished(status) && !isScheduled(status, publishedAt, now);
    }

    /** {@link #isPublishedAt(String, Instant, Instant)} for an item (or a projection holding {@code status} and {@code publishedAt}). */
    public static boolean isPublishedAt(Map<String, AttributeValue> item, Instant now) {
        return !Items.isMissing(item) && isPublishedAt(Items.string(item, STATUS), Items.instant(item, PUBLISHED_AT), now);
    }

    public static boolean commentsOpen(Map<String, AttributeValue> item) {
        return Items.bool(item, COMMENTS_OPEN, COMMENTS_OPEN_BY_DEFAULT);
    }
}
