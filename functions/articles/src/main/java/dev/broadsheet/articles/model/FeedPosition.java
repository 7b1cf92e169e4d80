package dev.broadsheet.articles.model;

import dev.broadsheet.core.ProblemException;
import dev.broadsheet.core.Slugs;
import dev.broadsheet.core.schema.Cursor;
import dev.broadsheet.core.schema.Timestamps;

import java.time.Instant;

/**
 * A place in a newest-first list: after the article published at this time with this slug, in a
 * paging that began at {@code asOf}. Articles that took their place in the list after
 * {@code asOf} (published or re-dated since) are skipped, so a reader paging never gets one twice.
 *
 * @param asOf null for cursors handed out before paging recorded when it began (still accepted:
 *             a CDN may hold pages that carry one)
 */
public record FeedPosition(Instant publishedAt, String slug, Instant asOf) {

    private static final String CURSOR_KIND = "a2";
    private static final String CURSOR_KIND_WITHOUT_AS_OF = "a1";

    /** The {@code cursor} of article lists for a position; null for none. */
    public static String toCursor(FeedPosition position) {
        return position == null ? null : Cursor.encode(CURSOR_KIND, Timestamps.format(position.publishedAt()), position.slug(),
                position.asOf() == null ? "" : Timestamps.format(position.asOf()));
    }

    /** The position of a cursor this API handed out; null for none; 400 for anything else. */
    public static FeedPosition fromCursor(String cursor) {
        String[] parts;
        try {
            parts = Cursor.decode(cursor, CURSOR_KIND, Timestamps::isCanonical, Slugs::isSlug,
                    asOf -> asOf.isEmpty() || Timestamps.isCanonical(asOf));
        } catch (ProblemException notThisKind) {
            parts = Cursor.decode(cursor, CURSOR_KIND_WITHOUT_AS_OF, Timestamps::isCanonical, Slugs::isSlug);
        }
        if (parts == null) {
            return null;
        }
        return new FeedPosition(Instant.parse(parts[0]), parts[1],
                parts.length < 3 || parts[2].isEmpty() ? null : Instant.parse(parts[2]));
    }
}
