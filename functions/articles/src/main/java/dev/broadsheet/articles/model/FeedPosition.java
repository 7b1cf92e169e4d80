package dev.broadsheet.articles.model;

import java.time.Instant;

/** A place in the newest-first feed: after the article published at this time with this slug. */
public record FeedPosition(Instant publishedAt, String slug) {
}
