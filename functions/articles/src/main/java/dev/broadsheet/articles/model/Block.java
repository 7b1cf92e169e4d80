package dev.broadsheet.articles.model;

/**
 * One block of an article body. Text is plain text, never HTML: frontends insert it as text.
 *
 * @param type        {@code paragraph}, {@code heading}, {@code quote} or {@code image}
 * @param attribution who is quoted, for a {@code quote}
 * @param image       the image, for an {@code image} block
 */
public record Block(String type, String text, String attribution, Image image) {

    public static Block paragraph(String text) {
        return new Block("paragraph", text, null, null);
    }

    public static Block quote(String text, String attribution) {
        return new Block("quote", text, attribution, null);
    }

    public static Block heading(String text) {
        return new Block("heading", text, null, null);
    }

    public static Block image(Image image) {
        return new Block("image", null, null, image);
    }
}
