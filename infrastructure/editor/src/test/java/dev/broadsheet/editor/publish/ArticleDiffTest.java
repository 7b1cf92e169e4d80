package dev.broadsheet.editor.publish;

import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.EmbedProvider;
import dev.broadsheet.articles.model.Mark;
import dev.broadsheet.articles.model.Span;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.articles.model.Tag;
import dev.broadsheet.core.schema.ArticleSchema;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleDiffTest {

    private static final Instant PUBLISHED = Instant.parse("2026-05-04T09:00:00Z");
    private static final Image HERO = new Image("images/a/0123abcd.png", "The river", "Dusk", null, 640, 360, "image/png");

    @Test
    void namesEachFieldThatDiffersWithBothValues() {
        Article theirs = article("Headline", "Their summary", List.of("local"), HERO,
                List.of(Block.paragraph("One."), Block.quote("Two.", "Mayor")));
        Article yours = article("Headline", "Your summary", List.of("local", "transport"),
                new Image("images/a/ffff0000.png", "The river", "At dusk", null, 800, 450, "image/png"),
                List.of(Block.paragraph("One.")));

        assertEquals(List.of(
                new ArticleDiff.Difference("summary", "Their summary", "Your summary"),
                new ArticleDiff.Difference("tags", "local", "local, transport"),
                new ArticleDiff.Difference("heroImage", "image 0123abcd.png (640×360)", "image ffff0000.png (800×450)"),
                new ArticleDiff.Difference("heroImage.caption", "Dusk", "At dusk"),
                new ArticleDiff.Difference("body[1].type", "quote", null),
                new ArticleDiff.Difference("body[1].attribution", "Mayor", null),
                new ArticleDiff.Difference("body[1].content[0].text", "Two.", null)),
                ArticleDiff.between(theirs, yours));
    }

    @Test
    void comparesEveryBlockTypeFieldByFieldAsTheArticleJsonNamesThem() {
        Image one = new Image("images/a/1111.png", "One", null, null, 10, 10, "image/png");
        Article theirs = article("Headline", null, List.of(), null, List.of(
                new Block.Paragraph(List.of(new Span.Text("See "), new Span.Text("the BBC", List.of(), "https://www.bbc.co.uk/news"))),
                new Block.ListBlock(false, List.of(new Block.ListItem(List.of(new Span.Text("a")), null))),
                new Block.Table(null, List.of(), List.of(List.of(new Block.Cell(List.of(new Span.Text("1")))))),
                new Block.Gallery(List.of(one, one), "Both"),
                new Block.Embed(EmbedProvider.VIMEO, "https://vimeo.com/1", null)));
        Article yours = article("Headline", null, List.of(), null, List.of(
                new Block.Paragraph(List.of(new Span.Text("See "), new Span.Text("the BBC", List.of(Mark.EM), "https://www.bbc.com/news"))),
                new Block.ListBlock(true, List.of(new Block.ListItem(List.of(new Span.Text("a")), null))),
                new Block.Table(null, List.of(), List.of(List.of(new Block.Cell(List.of(new Span.Text("2")))))),
                new Block.Gallery(List.of(one, new Image("images/a/2222.png", "Two", null, null, 10, 10, "image/png")), "Both"),
                new Block.Embed(EmbedProvider.VIMEO, "https://vimeo.com/2", null)));

        assertEquals(List.of(
                new ArticleDiff.Difference("body[0].content[1].href", "https://www.bbc.co.uk/news", "https://www.bbc.com/news"),
                new ArticleDiff.Difference("body[1].ordered", "false", "true"),
                new ArticleDiff.Difference("body[2].rows[0][0].content[0].text", "1", "2"),
                new ArticleDiff.Difference("body[3].images[1]", "image 1111.png (10×10)", "image 2222.png (10×10)"),
                new ArticleDiff.Difference("body[3].images[1].alt", "One", "Two"),
                new ArticleDiff.Difference("body[4].url", "https://vimeo.com/1", "https://vimeo.com/2"),
                // A field only one side has comes after those both have.
                new ArticleDiff.Difference("body[0].content[1].marks[0]", null, "em")),
                ArticleDiff.between(theirs, yours));
    }

    @Test
    void decisionsAndCountersAreNotContent() {
        Article a = article("Headline", null, List.of(), null, List.of(Block.paragraph("One.")));
        Article closedAndUnpublished = new Article(a.slug(), a.headline(), a.summary(), "unpublished", a.publishedAt(),
                Instant.now(), Instant.now(), a.tags(), a.authors(), a.heroImage(), a.body(), a.readingTimeMinutes(), false, 12, 7);
        assertTrue(ArticleDiff.sameContent(a, closedAndUnpublished));
        assertEquals(List.of(), ArticleDiff.between(a, closedAndUnpublished));
        assertFalse(ArticleDiff.sameContent(a, article("Other", null, List.of(), null, a.body())));
    }

    private static Article article(String headline, String summary, List<String> tags, Image hero, List<Block> body) {
        return new Article("a", headline, summary, ArticleSchema.PUBLISHED, PUBLISHED, PUBLISHED, PUBLISHED,
                tags.stream().map(Tag::of).toList(), List.of(), hero, body, 1, true, 0, 1);
    }
}
