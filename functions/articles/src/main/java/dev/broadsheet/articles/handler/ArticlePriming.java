package dev.broadsheet.articles.handler;

import dev.broadsheet.articles.dao.ArticleItems;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Author;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.EmbedProvider;
import dev.broadsheet.articles.model.Mark;
import dev.broadsheet.articles.model.Span;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.articles.model.Tag;
import dev.broadsheet.core.schema.ArticleSchema;

import java.time.Instant;
import java.util.List;

/**
 * What the article handlers render before a SnapStart snapshot: a sample article with every kind
 * of block, passed through the item mapping both ways, as a found article is.
 */
final class ArticlePriming {

    private static final Image IMAGE = new Image("images/snapstart-priming.png", "A sample image", "A caption",
            "A credit", 1200, 675, "image/png");
    private static final Article SAMPLE = new Article("snapstart-priming-sample", "A sample headline", "A sample summary.",
            ArticleSchema.PUBLISHED, Instant.parse("2016-09-13T08:00:00Z"), Instant.parse("2016-09-13T09:30:00Z"),
            Instant.parse("2016-09-13T08:00:00Z"), List.of(Tag.of("world"), new Tag("sample", "A Sample")),
            List.of(new Author("A Writer", "a-writer")), IMAGE,
            List.of(Block.heading("A heading"), Block.paragraph("A paragraph with \"quotes\" & an ampersand."),
                    new Block.Paragraph(List.of(new Span.Text("A link", List.of(Mark.EM), "https://example.com/"),
                            new Span.Break(), new Span.Text("H"), new Span.Text("2", List.of(Mark.SUB), null))),
                    new Block.Quote(List.of(new Span.Text("A quotation.")), "Someone quoted", "https://example.com/source"),
                    new Block.ListBlock(true, List.of(new Block.ListItem(List.of(new Span.Text("One")),
                            new Block.ListBlock(false, List.of(new Block.ListItem(List.of(new Span.Text("One a")), null)))))),
                    new Block.Code("let x = 1;\n", "js"),
                    new Block.Table("A table", List.of(new Block.Cell(List.of(new Span.Text("Head")))),
                            List.of(List.of(new Block.Cell(List.of(new Span.Text("Cell")))))),
                    Block.image(IMAGE), new Block.Gallery(List.of(IMAGE, IMAGE), "A gallery"),
                    new Block.Embed(EmbedProvider.YOUTUBE, "https://www.youtube.com/watch?v=priming", null),
                    new Block.Separator()),
            1, true, 3, 1);

    private ArticlePriming() {
    }

    static Article sample() {
        return ArticleItems.fromItem(ArticleItems.toItem(SAMPLE));
    }
}
