package dev.broadsheet.articles.model;

import java.time.Instant;

/**
 * A place in a newest-first list: after the article published at this time with this slug, in a
 * paging that began at {@code asOf} (null in cursors issued before it was recorded). Articles that
 * took their place in the list after {@code asOf} (published or re-dated since) are skipped, so a
 * reader paging never gets one twice.
 */
public record FeedPosition(Instant publishedAt, String slug, Instant asOf) {
}
