package dev.broadsheet.articles.model;

import dev.broadsheet.core.Slugs;
import dev.broadsheet.core.schema.Cursor;
import dev.broadsheet.core.schema.Timestamps;

import java.time.Instant;

/** A place in the newest-first feed: after the article published at this time with this slug. */
public record FeedPosition(Instant publishedAt, String slug) {

    private static final String CURSOR_KIND = "a1";

    /** The {@code cursor} of article lists for a position; null for none. */
    public static String toCursor(FeedPosition position) {
        return position == null ? null : Cursor.encode(CURSOR_KIND, Timestamps.format(position.publishedAt()), position.slug());
    }

    /** The position of a cursor this API handed out; null for none; 400 for anything else. */
    public static FeedPosition fromCursor(String cursor) {
        String[] parts = Cursor.decode(cursor, CURSOR_KIND, Timestamps::isCanonical, Slugs::isSlug);
        return parts == null ? null : new FeedPosition(Instant.parse(parts[0]), parts[1]);
    }
}
