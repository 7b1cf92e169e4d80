package dev.broadsheet.articles.dao;

import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.EmbedProvider;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.articles.model.Mark;
import dev.broadsheet.articles.model.Span;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The body's stored form: every block type back as it was written; blocks stored before spans in the current shape. */
class BlockItemsTest {

    @Test
    void everyBlockTypeIsReadBackAsWritten() {
        Image a = new Image("images/a/1.png", "Alt A", "Caption A", "Credit", 4, 3, "image/png");
        Image b = new Image("images/a/2.png", "Alt B", null, null, 4, 3, "image/webp");
        List<Block> body = List.of(
                new Block.Paragraph(List.of(new Span.Text("See "), new Span.Text("the BBC", List.of(Mark.STRONG, Mark.EM),
                        "https://www.bbc.co.uk/news"), new Span.Break(), new Span.Text("2", List.of(Mark.SUP), null))),
                new Block.Heading(4, List.of(new Span.Text("Four"))),
                new Block.Quote(List.of(new Span.Text("Q")), "Lavrov", "https://example.com/"),
                new Block.Quote(List.of(new Span.Text("Q")), null, null),
                new Block.ListBlock(true, List.of(new Block.ListItem(List.of(new Span.Text("one")),
                        new Block.ListBlock(false, List.of(new Block.ListItem(List.of(), new Block.ListBlock(true,
                                List.of(new Block.ListItem(List.of(new Span.Text("deep")), null))))))))),
                new Block.Code("\tx\n", "c#"),
                new Block.Code("y", null),
                new Block.Table("T", List.of(new Block.Cell(List.of(new Span.Text("H")))),
                        List.of(List.of(new Block.Cell(List.of(new Span.Text("C"))), new Block.Cell(List.of())))),
                new Block.Table(null, List.of(), List.of(List.of(new Block.Cell(List.of(new Span.Text("C")))))),
                new Block.ImageBlock(a),
                new Block.Gallery(List.of(a, b), "G"),
                new Block.Embed(EmbedProvider.SPOTIFY, "https://open.spotify.com/track/1", "Song"),
                new Block.Separator());

        for (Block block : body) {
            AttributeValue item = BlockItems.toItem(block);
            assertEquals(block, BlockItems.fromItem(item.m()), item.toString());
            assertFalse(item.m().containsKey("text") && !(block instanceof Block.Code), "plain-text forms are derived, not stored: " + item);
        }
    }

    @Test
    void blocksStoredBeforeSpansAreReadInTheCurrentShape() {
        assertEquals(new Block.Paragraph(List.of(new Span.Text("line one"), new Span.Break(), new Span.Text("line two"))),
                BlockItems.fromItem(Map.of("type", s("paragraph"), "text", s("line one\nline two"))));
        assertEquals(new Block.Heading(2, List.of(new Span.Text("Old heading"))),
                BlockItems.fromItem(Map.of("type", s("heading"), "text", s("Old heading"))));
        assertEquals(new Block.Quote(List.of(new Span.Text("Old quote")), "Someone", null),
                BlockItems.fromItem(Map.of("type", s("quote"), "text", s("Old quote"), "attribution", s("Someone"))));
    }

    @Test
    void anEmbedOfAProviderNoLongerListedIsKeptAsALink() {
        assertEquals(new Block.Paragraph(List.of(new Span.Text("https://gone.example/1", List.of(), "https://gone.example/1"))),
                BlockItems.fromItem(Map.of("type", s("embed"), "provider", s("gone"), "url", s("https://gone.example/1"))));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
