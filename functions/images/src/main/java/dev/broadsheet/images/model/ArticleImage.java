package dev.broadsheet.images.model;

/**
 * An image of an article, as the article's record describes it.
 *
 * @param s3Key the key in the images bucket, {@code images/{slug}/{hash}.{ext}}
 * @param role  {@code hero} or {@code body}
 */
public record ArticleImage(String s3Key, String role, String alt, String caption, String credit, int width, int height) {

    public static final String HERO = "hero";
    public static final String BODY = "body";
}
