package dev.broadsheet.editor.publish;

import dev.broadsheet.articles.dao.ArticleItems;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Mark;
import dev.broadsheet.articles.model.Span;
import dev.broadsheet.core.schema.ArticleSchema;
import dev.broadsheet.core.schema.ItemSize;
import dev.broadsheet.editor.article.InvalidArticleException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An article is one DynamoDB item (400 KB at most): the text limit bounds its words, and the stored
 * size its structure — thousands of short linked spans stay under the text limit and still would
 * not fit. Such an article is refused before any upload, naming {@code body}.
 */
class ArticleSizeTest {

    @Test
    void anArticleTooBigForOneItemIsRefusedNamingTheBody() {
        List<Block> body = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            List<Span> spans = new ArrayList<>();
            for (int j = 0; j < 100; j++) {
                spans.add(new Span.Text("w" + j, j % 2 == 0 ? List.of(Mark.EM) : List.of(), "https://example.com/" + j));
            }
            body.add(new Block.Paragraph(spans));
        }
        Article big = article(body);
        long text = body.stream().mapToLong(block -> block.text().length()).sum();
        assertTrue(text < 100_000, "well under the text limit: " + text);

        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> Publisher.checkSize(big));

        assertEquals("body", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("at most " + Publisher.MAX_ITEM_BYTES + " fit in one article"),
                e.errors().get(0).message());
    }

    @Test
    void anOrdinaryArticleFitsAndItsSizeIsCountedAsDynamoDbCountsIt() {
        Article article = article(List.of(Block.paragraph("Forty thousand came.")));

        Publisher.checkSize(article);
        long size = ItemSize.of(ArticleItems.toItem(article));
        assertTrue(size > 100 && size < 1_000, "a small article is a few hundred bytes: " + size);
    }

    private static Article article(List<Block> body) {
        Instant now = Instant.parse("2026-11-29T10:00:00Z");
        return new Article("a", "A", null, ArticleSchema.PUBLISHED, now, now, now, List.of(), List.of(), null, body, 1, true, 0, 1);
    }
}
