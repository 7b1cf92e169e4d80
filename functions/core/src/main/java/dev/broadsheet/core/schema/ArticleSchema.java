package dev.broadsheet.core.schema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

/**
 * The articles table: key {@code slug}. The editor writes whole articles; comment approval adds
 * to {@code commentCount}; every editor write (publish, unpublish, comments close/open) is
 * conditional on {@code version} and sets it one higher, so no edit is lost to another.
 *
 * <p>Published articles carry {@code feed = "published"}: the {@code feed-publishedAt} index is
 * sparse, so unpublishing (removing {@code feed}) takes an article out of every list at once.
 */
public final class ArticleSchema {

    public static final String SLUG = "slug";
    public static final String HEADLINE = "headline";
    public static final String SUMMARY = "summary";
    public static final String STATUS = "status";
    public static final String FEED = "feed";
    public static final String PUBLISHED_AT = "publishedAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String TAGS = "tags";
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

    /** Attributes of a body block map. */
    public static final String BLOCK_TYPE = "type";
    public static final String BLOCK_TEXT = "text";
    public static final String BLOCK_ATTRIBUTION = "attribution";
    public static final String BLOCK_IMAGE = "image";

    public static final String FEED_INDEX = "feed-publishedAt";
    public static final String PUBLISHED_FEED = "published";

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
