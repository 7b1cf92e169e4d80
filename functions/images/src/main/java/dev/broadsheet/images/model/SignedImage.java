package dev.broadsheet.images.model;

/** An image of a published article with a fresh URL to its bytes. */
public record SignedImage(ArticleImage image, SignedUrl url) {
}
