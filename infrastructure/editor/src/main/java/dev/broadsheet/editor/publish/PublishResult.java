package dev.broadsheet.editor.publish;

import java.time.Instant;
import java.util.List;

/**
 * What a publish did.
 *
 * @param version         the article's version now
 * @param publishedAt     its publication time as stored: a future one means it is scheduled
 * @param imagesUploaded  images sent to the bucket
 * @param imagesSkipped   images already there (same content, same key), not sent again
 * @param notes           every decision of someone else's that the publish reversed or kept, in words
 */
public record PublishResult(String slug, Outcome outcome, long version, Instant publishedAt, int imagesUploaded,
                            int imagesSkipped, List<String> notes) {

    public PublishResult {
        notes = List.copyOf(notes);
    }

    public enum Outcome {
        /** A new article. */
        CREATED,
        /** An existing article, changed (or published again after an unpublish). */
        UPDATED,
        /** The stored article already is exactly this: nothing was written. */
        UNCHANGED
    }
}
