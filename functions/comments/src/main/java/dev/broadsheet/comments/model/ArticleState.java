package dev.broadsheet.comments.model;

import java.time.Instant;
import java.util.List;

/**
 * The few attributes of an article that comments depend on.
 *
 * @param published published now ({@link dev.broadsheet.core.schema.ArticleSchema#isPublishedAt}): not scheduled for later
 * @param headline  for the comments feed's title
 * @param lists     the lists it is in: their list items mirror its comment count and open flag
 * @param version   the editor's version: a count change is conditional on it, so it never misses a
 *                  list item an editor's publish added meanwhile
 */
public record ArticleState(String slug, boolean published, boolean commentsOpen, Instant publishedAt, String headline,
                           List<String> lists, long version) {

    public ArticleState {
        lists = lists == null ? List.of() : List.copyOf(lists);
    }
}
