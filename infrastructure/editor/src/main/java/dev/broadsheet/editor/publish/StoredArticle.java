package dev.broadsheet.editor.publish;

import dev.broadsheet.articles.model.Article;

import java.util.List;

/**
 * An article as the articles table holds it, with the decisions the editor keeps beside it and
 * the lists it is in (whose list items exist; none when it is not published, or was published
 * before list items existed).
 */
public record StoredArticle(Article article, Decisions decisions, List<String> lists) {

    public StoredArticle {
        lists = List.copyOf(lists);
    }

    public long version() {
        return article.version();
    }
}
