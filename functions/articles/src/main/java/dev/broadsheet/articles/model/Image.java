package dev.broadsheet.articles.model;

/**
 * An image of an article, stored in the images bucket.
 *
 * @param key the S3 key, always under {@code images/}; it is also the path of its public URL
 */
public record Image(String key, String alt, String caption, String credit, int width, int height, String contentType) {
}
