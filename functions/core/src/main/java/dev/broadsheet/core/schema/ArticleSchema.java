package dev.broadsheet.core.schema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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

    /** The one meaning of "published", for a status value. */
    public static boolean isPublished(String status) {
        return PUBLISHED.equals(status);
    }

    /** The one meaning of "published", for an item (or a projection holding {@code status}). */
    public static boolean isPublished(Map<String, AttributeValue> item) {
        return !Items.isMissing(item) && isPublished(Items.string(item, STATUS));
    }

    public static boolean commentsOpen(Map<String, AttributeValue> item) {
        return Items.bool(item, COMMENTS_OPEN, COMMENTS_OPEN_BY_DEFAULT);
    }
}
