package dev.broadsheet.editor.publish;

import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Image;
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
                List.of(new Block("paragraph", "One.", null, null), new Block("quote", "Two.", "Mayor", null)));
        Article yours = article("Headline", "Your summary", List.of("local", "transport"),
                new Image("images/a/ffff0000.png", "The river", "At dusk", null, 800, 450, "image/png"),
                List.of(new Block("paragraph", "One.", null, null)));

        assertEquals(List.of(
                new ArticleDiff.Difference("summary", "Their summary", "Your summary"),
                new ArticleDiff.Difference("tags", "local", "local, transport"),
                new ArticleDiff.Difference("heroImage", "image 0123abcd.png (640×360)", "image ffff0000.png (800×450)"),
                new ArticleDiff.Difference("heroImage.caption", "Dusk", "At dusk"),
                new ArticleDiff.Difference("body[1].type", "quote", null),
                new ArticleDiff.Difference("body[1].text", "Two.", null),
                new ArticleDiff.Difference("body[1].attribution", "Mayor", null)),
                ArticleDiff.between(theirs, yours));
    }

    @Test
    void decisionsAndCountersAreNotContent() {
        Article a = article("Headline", null, List.of(), null, List.of(new Block("paragraph", "One.", null, null)));
        Article closedAndUnpublished = new Article(a.slug(), a.headline(), a.summary(), "unpublished", a.publishedAt(),
                Instant.now(), a.tags(), a.heroImage(), a.body(), false, 12, 7);
        assertTrue(ArticleDiff.sameContent(a, closedAndUnpublished));
        assertEquals(List.of(), ArticleDiff.between(a, closedAndUnpublished));
        assertFalse(ArticleDiff.sameContent(a, article("Other", null, List.of(), null, a.body())));
    }

    private static Article article(String headline, String summary, List<String> tags, Image hero, List<Block> body) {
        return new Article("a", headline, summary, ArticleSchema.PUBLISHED, PUBLISHED, PUBLISHED, tags, hero, body, true, 0, 1);
    }
}
