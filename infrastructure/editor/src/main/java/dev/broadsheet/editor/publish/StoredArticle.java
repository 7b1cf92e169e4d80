package dev.broadsheet.editor.publish;

import dev.broadsheet.articles.model.Article;

/** An article as the articles table holds it, with the decisions the editor keeps beside it. */
public record StoredArticle(Article article, Decisions decisions) {

    public long version() {
        return article.version();
    }
}
