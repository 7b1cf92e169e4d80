package dev.broadsheet.editor.publish;

/**
 * What a publish did.
 *
 * @param version         the article's version now
 * @param imagesUploaded  images sent to the bucket
 * @param imagesSkipped   images already there (same content, same key), not sent again
 */
public record PublishResult(String slug, Outcome outcome, long version, int imagesUploaded, int imagesSkipped) {

    public enum Outcome {
        /** A new article. */
        CREATED,
        /** An existing article, changed (or published again after an unpublish). */
        UPDATED,
        /** The stored article already is exactly this: nothing was written. */
        UNCHANGED
    }
}
