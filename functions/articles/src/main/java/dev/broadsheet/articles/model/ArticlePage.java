package dev.broadsheet.articles.model;

import java.util.List;

/** One page of the published feed; {@code next} is null on the last page. */
public record ArticlePage(List<Article> articles, FeedPosition next) {
}
